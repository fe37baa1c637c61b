import { z } from 'zod'

/**
 * What is known about the Microsoft 365 tenant the device sends to.
 * Every field is optional: unknown is not the same as false.
 */
export const Tenant = z.object({
  tenantId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .describe("The tenant (directory) id, a GUID: what an access token's `tid` must be for this tenant."),
  domain: z
    .string()
    .trim()
    .max(253)
    .optional()
    .describe("The organisation's primary domain, e.g. `contoso.com`."),
  mxEndpoint: z
    .string()
    .trim()
    .max(253)
    .optional()
    .describe("The tenant's MX endpoint, e.g. `contoso-com.mail.protection.outlook.com`."),
  acceptedDomains: z
    .array(z.string().trim().max(253))
    .max(500)
    .optional()
    .describe('Accepted domains of the tenant (recipients elsewhere are external).'),
  inboundConnector: z
    .object({
      name: z
        .string()
        .max(64)
        .optional()
        .describe("The connector's name, as Get-InboundConnector shows it (fills the commands)."),
      matchesOn: z.enum(['ip', 'certificate']).describe('What the connector recognises the sender by.'),
      senderIps: z
        .array(z.string().max(64))
        .max(100)
        .optional()
        .describe('Sender IP addresses on the connector (when it matches on IP).'),
      certificateDomain: z
        .string()
        .max(253)
        .optional()
        .describe('Certificate subject/SAN domain on the connector (when it matches on certificate).'),
    })
    .optional()
    .describe(
      "The inbound connector for mail from the organisation's own servers/devices (SMTP relay), if any.",
    ),
  spfRecord: z.string().max(4096).optional().describe("The domain's SPF TXT record as published."),
  rejectDirectSend: z
    .boolean()
    .optional()
    .describe('Organisation setting `RejectDirectSend` (Set-OrganizationConfig).'),
  smtpAuthDisabledForTenant: z
    .boolean()
    .optional()
    .describe('`Set-TransportConfig -SmtpClientAuthenticationDisabled`: SMTP AUTH off for the whole tenant.'),
  basicAuthSmtpDisabled: z
    .boolean()
    .optional()
    .describe(
      "Basic authentication for SMTP AUTH client submission is off (retirement, or the admin's choice).",
    ),
  allowLegacyTlsClients: z.boolean().optional().describe('`Set-TransportConfig -AllowLegacyTLSClients`.'),
  securityDefaults: z.boolean().optional().describe('Microsoft Entra security defaults are on.'),
  conditionalAccessBlocksLegacyAuth: z
    .boolean()
    .optional()
    .describe("A Conditional Access policy blocks legacy authentication for the device's account."),
  federated: z
    .boolean()
    .optional()
    .describe('Sign-in is federated to customer-hosted servers (AD FS / STS).'),
  mailbox: z
    .object({
      smtpAuthDisabled: z
        .boolean()
        .nullable()
        .optional()
        .describe('`Set-CASMailbox -SmtpClientAuthenticationDisabled` (null: follows the tenant setting).'),
      mfaEnabled: z.boolean().optional().describe('Per-user MFA is on for the account.'),
      restricted: z
        .boolean()
        .optional()
        .describe('The account is on the Restricted users (outbound spam) list.'),
      sendAsGranted: z.boolean().optional().describe("The account has Send As on the device's from-address."),
    })
    .optional()
    .describe('The mailbox the device signs in with.'),
})
export type Tenant = z.infer<typeof Tenant>
