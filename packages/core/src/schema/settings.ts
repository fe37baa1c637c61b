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
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    // A name or an address, never words: a space or control character cannot be a server (and must not reach DNS).
    .regex(/^[^\s\u0000-\u001f\u007f]*$/, 'a server name or IP address, without spaces or control characters')
    .describe('SMTP server / smart host as entered on the device.'),
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

/** The probe's whole budget when none is given — the CLI's `--timeout` and the API's `timeoutMs`. */
export const DEFAULT_PROBE_TIMEOUT_MS = 15_000

const MX_ENDPOINT = /\.(?:mail\.protection\.outlook\.com|mx\.microsoft)\.?$/i

/**
 * The port and TLS mode a device means when they are left out — one rule for the CLI's flags and
 * the API's bodies: port 25 for a tenant MX endpoint (`*.mail.protection.outlook.com`,
 * `*.mx.microsoft`), else 587; TLS implicit on port 465, else STARTTLS.
 * @example withSettingsDefaults({ host: 'contoso-com.mail.protection.outlook.com' }) // port 25, tls 'starttls'
 */
export function withSettingsDefaults<
  T extends { host: string; port?: number | undefined; tls?: TlsMode | undefined },
>(settings: T): T & { port: number; tls: TlsMode } {
  const port = settings.port ?? (MX_ENDPOINT.test(settings.host.trim()) ? 25 : 587)
  const tls = settings.tls ?? (port === 465 ? 'implicit' : 'starttls')
  return { ...settings, port, tls }
}

/** `DeviceSettingsStrict` with `port` and `tls` optional, for bodies; `withSettingsDefaults` fills them. */
export const DeviceSettingsInput = DeviceSettingsStrict.extend({
  port: DeviceSettings.shape.port
    .optional()
    .describe('TCP port as entered on the device (default: 25 for a tenant MX endpoint, else 587).'),
  tls: TlsMode.optional().describe(
    'TLS mode as entered on the device (default: implicit on port 465, else starttls).',
  ),
})
