import { z } from 'zod'

/**
 * What is known about the Microsoft 365 tenant the device sends to.
 * Every field is optional: unknown is not the same as false.
 */
export const Tenant = z.object({
  /** The tenant (directory) id, a GUID: what an access token's `tid` must be for this tenant. */
  tenantId: z.string().trim().max(64).optional(),
  /** The organisation's primary domain, e.g. `contoso.com`. */
  domain: z.string().trim().max(253).optional(),
  /** The tenant's MX endpoint, e.g. `contoso-com.mail.protection.outlook.com`. */
  mxEndpoint: z.string().trim().max(253).optional(),
  /** Accepted domains of the tenant (recipients elsewhere are external). */
  acceptedDomains: z.array(z.string().trim().max(253)).max(500).optional(),
  /** The inbound connector for mail from the organisation's own servers/devices (SMTP relay), if any. */
  inboundConnector: z
    .object({
      /** What the connector recognises the sender by. */
      matchesOn: z.enum(['ip', 'certificate']),
      /** Sender IP addresses on the connector (when it matches on IP). */
      senderIps: z.array(z.string().max(64)).max(100).optional(),
      /** Certificate subject/SAN domain on the connector (when it matches on certificate). */
      certificateDomain: z.string().max(253).optional(),
    })
    .optional(),
  /** The domain's SPF TXT record as published. */
  spfRecord: z.string().max(4096).optional(),
  /** Organisation setting `RejectDirectSend` (Set-OrganizationConfig). */
  rejectDirectSend: z.boolean().optional(),
  /** `Set-TransportConfig -SmtpClientAuthenticationDisabled`: SMTP AUTH off for the whole tenant. */
  smtpAuthDisabledForTenant: z.boolean().optional(),
  /** Basic authentication for SMTP AUTH client submission is off (retirement, or the admin's choice). */
  basicAuthSmtpDisabled: z.boolean().optional(),
  /** `Set-TransportConfig -AllowLegacyTLSClients`. */
  allowLegacyTlsClients: z.boolean().optional(),
  /** Microsoft Entra security defaults are on. */
  securityDefaults: z.boolean().optional(),
  /** A Conditional Access policy blocks legacy authentication for the device's account. */
  conditionalAccessBlocksLegacyAuth: z.boolean().optional(),
  /** Sign-in is federated to customer-hosted servers (AD FS / STS). */
  federated: z.boolean().optional(),
  /** The mailbox the device signs in with. */
  mailbox: z
    .object({
      /** `Set-CASMailbox -SmtpClientAuthenticationDisabled` (null: follows the tenant setting). */
      smtpAuthDisabled: z.boolean().nullable().optional(),
      /** Per-user MFA is on for the account. */
      mfaEnabled: z.boolean().optional(),
      /** The account is on the Restricted users (outbound spam) list. */
      restricted: z.boolean().optional(),
      /** The account has Send As on the device's from-address. */
      sendAsGranted: z.boolean().optional(),
    })
    .optional(),
})
export type Tenant = z.infer<typeof Tenant>
