import { z } from 'zod'
import { ConnectorKind, TlsMode, TlsVersion } from './common.js'
import { strictDeep } from './strict.js'

// The probe writes these into MAIL FROM / RCPT TO: a CR or LF would smuggle in SMTP commands (DATA…).
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/
const noControl = 'must not contain control characters (CR, LF, …)'
const address = z.string().trim().min(1).max(320).regex(NO_CONTROL, noControl)

/**
 * What is typed into the device (printer, scanner, application).
 * @example { host: 'smtp.office365.com', port: 587, tls: 'starttls', username: 'scanner@contoso.com', password: true }
 */
export const DeviceSettings = z.object({
  host: z.string().trim().min(1).max(253).describe('SMTP server / smart host as entered on the device.'),
  port: z.number().int().min(1).max(65535).describe('TCP port as entered on the device.'),
  tls: TlsMode.describe('TLS mode as entered on the device.'),
  username: z
    .string()
    .max(320)
    .regex(NO_CONTROL, noControl)
    .optional()
    .describe('Sign-in name, if one is entered.'),
  password: z
    .union([z.boolean(), z.string().max(1024)])
    .optional()
    .describe(
      'For `classify`/`diagnose`: whether a password was entered (`true`/`false`). For `probe`: the secret itself. Never logged, echoed or stored.',
    ),
  accessToken: z
    .string()
    .max(16384)
    .optional()
    .describe('OAuth 2.0 access token for XOAUTH2 (probe only). Never logged, echoed or stored.'),
  authMethod: z
    .enum(['auto', 'plain', 'login', 'xoauth2'])
    .optional()
    .describe(
      'Which AUTH mechanism to use; `auto` picks XOAUTH2 with a token, else PLAIN or LOGIN as offered.',
    ),
  from: address.optional().describe('The sender (From / MAIL FROM) address the device uses.'),
  recipients: z.array(address).max(100).optional().describe('Recipient addresses the device sends to.'),
  connector: ConnectorKind.optional().describe(
    "What the tenant's connector recognises the device by, if known.",
  ),
  maxTlsVersion: TlsVersion.optional().describe(
    'Highest TLS version the device (firmware) can speak, if known.',
  ),
  sourceIp: z
    .string()
    .max(64)
    .optional()
    .describe("Public IP address the device's mail leaves the network from, if known."),
  staticIp: z.boolean().optional().describe('Whether that public IP is static.'),
  hostFieldMaxLength: z
    .number()
    .int()
    .min(1)
    .max(1024)
    .optional()
    .describe("Longest server name the device's settings field accepts, if it is limited."),
})
export type DeviceSettings = z.infer<typeof DeviceSettings>

/**
 * `DeviceSettings` as a contract: unknown keys are refused, naming the key meant
 * (`to` → `recipients`). What `classify` and the API's bodies validate with.
 */
export const DeviceSettingsStrict = strictDeep(DeviceSettings)
