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
    /** Mail must reach recipients outside the organisation. */
    externalRecipients: z.boolean().optional(),
    /** The device has fields for a username and password. */
    canAuthenticate: z.boolean().optional(),
    /** The device or app can sign in with OAuth 2.0 (XOAUTH2). */
    oauth: z.boolean().optional(),
    /** Highest TLS version the device speaks. */
    maxTlsVersion: z.union([TlsVersion, z.literal('none')]).optional(),
    /** The site has a static public IP address. */
    staticIp: z.boolean().optional(),
    /** The device sends as several from-addresses. */
    sendsAsManyAddresses: z.boolean().optional(),
    /** The app is hosted by a third party (cloud service, hosting provider). */
    thirdPartyHosted: z.boolean().optional(),
    /** Port 25 outbound is open from the site. */
    port25Open: z.boolean().optional(),
    /** Messages per day, roughly. */
    dailyVolume: z.number().int().nonnegative().max(100_000_000).optional(),
    /** Longest server name the device's field accepts. */
    hostFieldMaxLength: z.number().int().min(1).max(1024).optional(),
    /** The tenant's domain, to fill in the settings card (MX endpoint). */
    domain: z.string().trim().max(253).optional(),
  }),
)
export type Needs = z.infer<typeof Needs>
