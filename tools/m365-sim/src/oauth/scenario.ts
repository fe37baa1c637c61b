import { z } from 'zod'

/** The AADSTS errors the simulated token service can be told to answer every request with. */
export const AadstsCode = z.enum([
  '700016',
  '7000215',
  '7000222',
  '7000218',
  '650053',
  '70011',
  '500011',
  '65001',
  '90002',
  '50126',
  '50076',
  '50079',
  '53003',
  '900144',
])
export type AadstsCode = z.infer<typeof AadstsCode>

const Guid = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not a GUID')
const Address = z
  .string()
  .trim()
  .regex(/^[^\s<>@]+@[^\s<>@]+$/, 'not an e-mail address')

/** One client secret of an app registration. */
export const SimSecret = z
  .object({
    /** The secret's value (demo data in a scenario file, never a real secret). */
    value: z.string().min(8).max(256),
    /** The secret's end date has passed (AADSTS7000222). */
    expired: z.boolean().default(false),
  })
  .strict()

/**
 * An app registration in Entra ID, its enterprise application (service principal) and what
 * Exchange Online knows about it.
 */
export const SimApp = z
  .object({
    /** Application (client) id. */
    clientId: Guid,
    /** Display name, as Entra shows it in its errors. */
    name: z.string().min(1).max(120).default('smtp-doctor test app'),
    /** Client secrets (certificate credentials are `certificates`). */
    secrets: z.array(SimSecret).max(10).default([]),
    /** Certificates (PEM) whose keys may sign a client assertion. */
    certificates: z.array(z.string().min(50).max(20_000)).max(10).default([]),
    /**
     * Application permissions on Office 365 Exchange Online with admin consent, e.g.
     * `SMTP.SendAsApp`: they become the `roles` of an app-only token.
     */
    exchangeRoles: z.array(z.string().min(1).max(64)).max(20).default(['SMTP.SendAsApp']),
    /** Application permissions on Microsoft Graph with admin consent (roles of a Graph token). */
    graphRoles: z.array(z.string().min(1).max(64)).max(20).default([]),
    /** Delegated permissions on Exchange Online consented for users (device code), e.g. `SMTP.Send`. */
    delegated: z.array(z.string().min(1).max(64)).max(20).default([]),
    /** Object id of the enterprise application (service principal): the `oid` of its app-only tokens. */
    servicePrincipalId: Guid.default('7d3e2c1b-0a9f-4e8d-b7c6-5a4f3e2d1c0b'),
    /** `New-ServicePrincipal` was run in Exchange Online for this app. */
    exchangeServicePrincipal: z.boolean().default(true),
    /** Mailboxes the service principal has FullAccess to (`Add-MailboxPermission`). */
    mailboxes: z.array(Address).max(100).default([]),
  })
  .strict()
export type SimApp = z.infer<typeof SimApp>

/**
 * The tenant's Entra ID as the simulator's OAuth authority plays it. Present → the simulator
 * starts an HTTPS authority (OIDC discovery, token and device-code endpoints, JWKS) and its
 * SMTP AUTH endpoints validate XOAUTH2 tokens for real.
 */
export const SimOAuth = z
  .object({
    /** Tenant (directory) id; the tenant is also found by each accepted domain. */
    tenantId: Guid.default('5f3c8a1e-6b2d-4e7f-9a1c-3d5e7f9b1a2c'),
    /** App registrations. */
    apps: z.array(SimApp).max(20).default([]),
    /** User signed in at the device-code prompt (default: the first account). */
    deviceCodeUser: Address.optional(),
    /** Lifetime of issued access tokens in seconds (negative: already expired when issued). */
    tokenLifetimeSeconds: z.number().int().min(-86_400).max(86_400).default(3599),
    /** Answer every token request with this AADSTS error (a scenario knob for each of them). */
    failWith: AadstsCode.optional(),
  })
  .strict()
export type SimOAuth = z.infer<typeof SimOAuth>
