import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { parseJson } from './json-error.js'
import { SimOAuth } from './oauth/scenario.js'

const TlsVersion = z.enum(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'])
const Address = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .regex(/^[^\s<>@]+@[^\s<>@]+$/, 'not an e-mail address')
const Domain = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9.-]+$/i, 'not a domain name')

/** Faults the simulator can stage, each on its own endpoint (`endpoints.faults[<name>]`). */
export const SimFault = z.enum([
  /** Accepts the connection and never says a word. */
  'silent-banner',
  /** Banner, EHLO, `220` to STARTTLS, then never answers the TLS ClientHello. */
  'silent-mid-tls',
  /** Sends the banner, then resets the connection (RST). */
  'reset-after-banner',
  /** Answers with random binary bytes. */
  'garbage',
  /** Sends 16 MiB without a line end. */
  'long-line',
  /** Sends the banner one byte every 200 ms, forever. */
  'slow-drip',
  /** STARTTLS endpoint that only speaks TLS 1.0. */
  'tls-version-mismatch',
  /** Implicit-TLS endpoint (port-465 style) that only speaks TLS 1.0. */
  'tls-version-mismatch-implicit',
])
export type SimFault = z.infer<typeof SimFault>

/** One mailbox and how Microsoft 365 treats its sign-in. */
export const SimAccount = z
  .object({
    /** Sign-in name (UPN), also the mailbox's primary address. */
    username: Address,
    /** Password accepted by Basic authentication (PLAIN/LOGIN). */
    password: z.string().min(1).max(1024).optional(),
    /** Bearer token accepted by XOAUTH2. */
    accessToken: z.string().min(1).max(16384).optional(),
    /** Mailbox-level SMTP AUTH (`SmtpClientAuthenticationDisabled` false). */
    smtpAuth: z.boolean().default(true),
    /** Sign-in policy: security defaults or Conditional Access block legacy SMTP AUTH. */
    signIn: z.enum(['ok', 'security-defaults', 'conditional-access']).default('ok'),
    /** Other addresses the account may send as (its own is always allowed). */
    sendAs: z.array(Address).max(100).default([]),
    /** The account is on the restricted-senders list (`550 5.1.8`). */
    blockedSender: z.boolean().default(false),
  })
  .strict()
export type SimAccount = z.infer<typeof SimAccount>

const IpConnector = z
  .object({ kind: z.literal('ip'), ips: z.array(z.string().min(2).max(64)).min(1).max(64) })
  .strict()
const CertConnector = z
  .object({
    kind: z.literal('certificate'),
    /** Common name the client certificate must carry (`TlsSenderCertificateName`). */
    certificateName: Domain,
  })
  .strict()

/**
 * A simulated tenant and its three endpoints. Every field has a default, so `{}` is a
 * working tenant `contoso.com` with one healthy SMTP AUTH account.
 * @example { "accounts": [{ "username": "scanner@contoso.com", "password": "…" }], "mx": { "rejectDirectSend": true } }
 */
export const SimScenario = z
  .object({
    /** Shown by `smtp-doctor sim`. */
    name: z.string().max(100).default('default'),
    /** Name in the banner and EHLO, like a Microsoft front-end server. */
    serverName: Domain.default('AM0PR01CA0001.outlook.office365.com'),
    /** The tenant's accepted domains. */
    acceptedDomains: z.array(Domain).min(1).max(50).default(['contoso.com']),
    /** `smtp.office365.com`: port-587 STARTTLS client submission. */
    smtpAuth: z
      .object({
        /** Tenant-wide SMTP AUTH (`Set-TransportConfig -SmtpClientAuthenticationDisabled`). */
        enabled: z.boolean().default(true),
        /** Basic authentication (PLAIN/LOGIN) still allowed; false: only XOAUTH2 works (5.7.30). */
        basicAuth: z.boolean().default(true),
        /** Mechanisms offered after STARTTLS (Microsoft 365 offers LOGIN and XOAUTH2). */
        authMethods: z
          .array(z.enum(['PLAIN', 'LOGIN', 'XOAUTH2']))
          .min(1)
          .default(['LOGIN', 'XOAUTH2']),
        minTlsVersion: TlsVersion.default('TLSv1.2'),
        /**
         * How a TLS 1.0/1.1 client is turned away: `refuse-handshake` (protocol_version alert)
         * or `reply-4.7.66` (the handshake succeeds, then `421 4.7.66 TLS 1.0 and 1.1 are not
         * supported`, as Microsoft 365 answers).
         */
        legacyTls: z.enum(['refuse-handshake', 'reply-4.7.66']).default('refuse-handshake'),
      })
      .strict()
      .prefault({}),
    /**
     * Also start a TLS-from-the-first-byte (port-465 style) copy of the submission endpoint
     * (`endpoints.implicit`). Microsoft 365 has none; it exists to exercise implicit-TLS clients.
     */
    implicitTls: z.boolean().default(false),
    /** `smtp-legacy.office365.com`: the same service, accepting TLS 1.0 and 1.1. */
    legacy: z
      .object({ minTlsVersion: TlsVersion.default('TLSv1'), maxTlsVersion: TlsVersion.default('TLSv1.3') })
      .strict()
      .prefault({}),
    /** Accounts known to the SMTP AUTH endpoints. */
    accounts: z
      .array(SimAccount)
      .max(100)
      .default([
        {
          username: 'scanner@contoso.com',
          password: 'Correct-Horse-1',
          smtpAuth: true,
          signIn: 'ok',
          sendAs: [],
          blockedSender: false,
        },
      ]),
    /** `<tenant>.mail.protection.outlook.com`: port-25 style, anonymous. */
    mx: z
      .object({
        /** Inbound connectors from the organisation (relay). */
        connectors: z
          .array(z.discriminatedUnion('kind', [IpConnector, CertConnector]))
          .max(20)
          .default([]),
        /** What happens when a connector matched: `fail` → 5.7.64, `wrong-region` → 4.4.62. */
        attribution: z.enum(['ok', 'fail', 'wrong-region']).default('ok'),
        /** `Set-OrganizationConfig -RejectDirectSend $true`. */
        rejectDirectSend: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    /** Entra ID for OAuth (XOAUTH2): starts the HTTPS authority when present. */
    oauth: SimOAuth.optional(),
    /** Fault endpoints to start besides the three services. */
    faults: z.array(SimFault).max(20).default([]),
  })
  .strict()
export type SimScenario = z.infer<typeof SimScenario>
/** A scenario as written in a file: every field optional. */
export type SimScenarioInput = z.input<typeof SimScenario>

/** Parses a scenario object; throws a ZodError with paths on bad input. */
export function parseScenario(input: unknown): SimScenario {
  return SimScenario.parse(input ?? {})
}

/** Reads and validates a JSON scenario file. */
export async function loadScenario(path: string): Promise<SimScenario> {
  const text = await readFile(path, 'utf8')
  // A syntax error names the file, line and column, never the text (it may hold a secret).
  return parseScenario(parseJson(text, path))
}
