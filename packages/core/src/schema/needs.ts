import { z } from 'zod'
import { TlsVersion } from './common.js'
import { strictDeep } from './strict.js'

/**
 * What a device and its owner need, for `advise`. Unknown answers are left out; unknown keys are
 * refused (naming the key meant).
 * @example { externalRecipients: true, canAuthenticate: true, oauth: false, maxTlsVersion: 'TLSv1.2' }
 */
export const Needs = strictDeep(
  z.object({
    externalRecipients: z
      .boolean()
      .optional()
      .describe('Mail must reach recipients outside the organisation.'),
    canAuthenticate: z.boolean().optional().describe('The device has fields for a username and password.'),
    oauth: z.boolean().optional().describe('The device or app can sign in with OAuth 2.0 (XOAUTH2).'),
    oauthFlow: z
      .enum(['client-credentials', 'delegated'])
      .optional()
      .describe(
        'How it gets its OAuth token: as an app of its own (`client-credentials`: tenant, client id, secret or certificate) or only by a user signing in (`delegated`).',
      ),
    maxTlsVersion: z
      .union([TlsVersion, z.literal('none')])
      .optional()
      .describe('Highest TLS version the device speaks.'),
    staticIp: z.boolean().optional().describe('The site has a static public IP address.'),
    sendsAsManyAddresses: z.boolean().optional().describe('The device sends as several from-addresses.'),
    thirdPartyHosted: z
      .boolean()
      .optional()
      .describe('The app is hosted by a third party (cloud service, hosting provider).'),
    port25Open: z.boolean().optional().describe('Port 25 outbound is open from the site.'),
    dailyVolume: z
      .number()
      .int()
      .nonnegative()
      .max(100_000_000)
      .optional()
      .describe('Messages per day, roughly.'),
    hostFieldMaxLength: z
      .number()
      .int()
      .min(1)
      .max(1024)
      .optional()
      .describe("Longest server name the device's field accepts."),
    domain: z
      .string()
      .trim()
      .max(253)
      .regex(/^$|^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\.?$/, 'a domain name such as contoso.com')
      .optional()
      .describe("The tenant's domain, to fill in the settings card (MX endpoint)."),
  }),
)
export type Needs = z.infer<typeof Needs>
