import { z } from 'zod'
import { SmtpReply, TlsMode, TlsVersion } from './common.js'
import { DkimFacts, DmarcFacts } from './dns.js'

/** The steps of an SMTP probe, in order. */
export const ProbeStage = z.enum([
  'dns',
  'tcp',
  'banner',
  'ehlo',
  'starttls',
  'tls',
  'ehlo-tls',
  'auth',
  'mail',
  'rcpt',
  'data',
  'quit',
])
export type ProbeStage = z.infer<typeof ProbeStage>

/** Why a probe step failed without an SMTP reply. Stable codes: rules and the API rely on them. */
export const ProbeErrorCode = z.enum([
  'DNS_NOT_FOUND',
  'DNS_SERVFAIL',
  'DNS_TIMEOUT',
  'TCP_REFUSED',
  'TCP_TIMEOUT',
  'TCP_RESET',
  'TCP_UNREACHABLE',
  'TIMEOUT',
  'CONNECTION_CLOSED',
  'TLS_HANDSHAKE_FAILED',
  'TLS_VERSION_MISMATCH',
  'PROTOCOL_ERROR',
  'LINE_TOO_LONG',
  'STARTTLS_NOT_OFFERED',
  'AUTH_NOT_OFFERED',
  'AUTH_MECHANISM_NOT_OFFERED',
])
export type ProbeErrorCode = z.infer<typeof ProbeErrorCode>

/** A failed step: where, why, and the reply if the server sent one. */
export const ProbeError = z.object({
  stage: ProbeStage.describe('The step that failed.'),
  code: ProbeErrorCode.describe('Why it failed: a stable code (`TCP_REFUSED`, `DNS_NOT_FOUND`, `TIMEOUT`…).'),
  message: z.string().max(2048).describe('What happened, in English, for people (the code is for programs).'),
})
export type ProbeError = z.infer<typeof ProbeError>

/** One step's outcome: how long it took and the reply it got. */
export const ProbeStep = z.object({
  ok: z.boolean().describe('The step succeeded.'),
  ms: z.number().nonnegative().optional().describe('How long the step took, milliseconds.'),
  reply: SmtpReply.optional().describe("The server's reply to the step, when it sent one."),
  error: ProbeError.optional().describe('Why the step failed without a usable reply.'),
})
export type ProbeStep = z.infer<typeof ProbeStep>

/** The server certificate as seen during the TLS handshake. */
export const Certificate = z.object({
  subject: z.string().max(1024).optional().describe("The certificate's subject, e.g. `CN=outlook.com`."),
  subjectAltNames: z
    .array(z.string().max(253))
    .max(500)
    .optional()
    .describe('The DNS names the certificate covers.'),
  issuer: z.string().max(1024).optional().describe('Who issued the certificate.'),
  validFrom: z.string().max(64).optional().describe('Start of validity, as the certificate states it.'),
  validTo: z.string().max(64).optional().describe('End of validity, as the certificate states it.'),
  trusted: z
    .boolean()
    .optional()
    .describe(
      'Chain verified against the system trust store. An untrusted certificate is recorded, never fatal.',
    ),
  authorizationError: z
    .string()
    .max(256)
    .optional()
    .describe("Node's reason when it is not trusted, e.g. `SELF_SIGNED_CERT_IN_CHAIN`."),
  hostnameMatches: z
    .boolean()
    .optional()
    .describe("The certificate's names cover the host that was dialled."),
})
export type Certificate = z.infer<typeof Certificate>

const spfResult = z.enum(['pass', 'fail', 'softfail', 'neutral', 'none', 'permerror', 'temperror'])

/**
 * What the probes measured. Every part is optional: a probe fills what it got to.
 * Probes yield facts; they never decide a fix.
 */
export const ProbeFacts = z.object({
  target: z
    .object({
      host: z.string().max(253).describe('Host name or address dialled.'),
      port: z.number().int().describe('Port dialled.'),
      tls: TlsMode.describe('TLS mode used.'),
    })
    .optional()
    .describe('What was dialled.'),
  dns: ProbeStep.extend({
    addresses: z.array(z.string().max(64)).max(64).optional().describe('The addresses the name resolved to.'),
  })
    .optional()
    .describe('Name resolution of the target host.'),
  tcp: ProbeStep.extend({ address: z.string().max(64).optional().describe('The address connected to.') })
    .optional()
    .describe('TCP connect.'),
  banner: ProbeStep.optional().describe('The 220 greeting.'),
  ehlo: ProbeStep.extend({
    capabilities: z
      .array(z.string().max(512))
      .max(100)
      .optional()
      .describe('The EHLO lines after the greeting.'),
    starttls: z.boolean().optional().describe('STARTTLS is offered.'),
    authMechanisms: z
      .array(z.string().max(64))
      .max(50)
      .optional()
      .describe('AUTH mechanisms offered, e.g. `LOGIN`, `XOAUTH2`.'),
    size: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('Largest message size the server announces (SIZE), bytes.'),
  })
    .optional()
    .describe('EHLO before TLS (or the only EHLO on implicit TLS / no TLS).'),
  starttls: ProbeStep.extend({
    offered: z.boolean().optional().describe('The server offered STARTTLS in EHLO.'),
  })
    .optional()
    .describe('The STARTTLS command.'),
  tls: ProbeStep.extend({
    protocol: TlsVersion.optional().describe('The negotiated TLS version.'),
    cipher: z.string().max(128).optional().describe('The negotiated cipher suite.'),
    certificate: Certificate.optional().describe('The server certificate.'),
  })
    .optional()
    .describe('The TLS session (STARTTLS or implicit).'),
  ehloTls: ProbeStep.extend({
    capabilities: z
      .array(z.string().max(512))
      .max(100)
      .optional()
      .describe('The EHLO lines after the greeting.'),
    authMechanisms: z
      .array(z.string().max(64))
      .max(50)
      .optional()
      .describe('AUTH mechanisms offered inside TLS.'),
  })
    .optional()
    .describe('EHLO after TLS.'),
  tlsVersions: z
    .record(TlsVersion, z.boolean().nullable())
    .optional()
    .describe('Which TLS versions the endpoint accepts (null: not tested or inconclusive).'),
  auth: ProbeStep.extend({
    attempted: z.boolean().describe('AUTH was sent (credentials were given and a mechanism was offered).'),
    mechanism: z.string().max(32).optional().describe('The mechanism used: `PLAIN`, `LOGIN` or `XOAUTH2`.'),
  })
    .optional()
    .describe('AUTH with the given credentials.'),
  mailFrom: ProbeStep.extend({
    address: z.string().max(320).optional().describe('The sender address given.'),
  })
    .optional()
    .describe('MAIL FROM.'),
  rcpt: z
    .array(ProbeStep.extend({ address: z.string().max(320).describe('The recipient address given.') }))
    .max(100)
    .optional()
    .describe('RCPT TO, one per recipient.'),
  data: ProbeStep.optional().describe('DATA, only when a test message was asked for.'),
  lastReply: SmtpReply.optional().describe(
    'The reply that ended the session (the last non-2xx/3xx reply, else the last reply).',
  ),
  error: ProbeError.optional().describe(
    "The first step that failed without an SMTP reply (DNS, TCP, timeout, reset, TLS, garbage, AUTH not offered…). A command the server refused with a reply (535, 550…) is not an error here: it shows as that step's `ok: false` + `reply`, and in `lastReply`.",
  ),
  mx: z
    .object({
      domain: z.string().max(253).describe('The domain looked up.'),
      hosts: z
        .array(
          z.object({
            exchange: z.string().max(253).describe('The mail server name.'),
            priority: z.number().int().describe('MX preference: lower is preferred.'),
          }),
        )
        .max(50)
        .describe('The MX records, as published.'),
      isMicrosoft365: z
        .boolean()
        .describe(
          'The preferred MX is a Microsoft 365 endpoint (`*.mail.protection.outlook.com` or `*.mx.microsoft`).',
        ),
      preferred: z
        .string()
        .max(253)
        .optional()
        .describe('The preferred (lowest-priority) exchange, lower case, no trailing dot.'),
      endpoint: z
        .string()
        .max(253)
        .optional()
        .describe(
          'The Microsoft 365 endpoint direct send and relay connect to, exactly as DNS names it (the preferred MX when it is Microsoft 365, else the first Microsoft 365 host listed).',
        ),
      endpointKind: z
        .enum(['mail.protection.outlook.com', 'mx.microsoft'])
        .optional()
        .describe(
          'Which form `endpoint` has: the classic `*.mail.protection.outlook.com` or the DNSSEC `*.mx.microsoft`.',
        ),
      ms: z.number().nonnegative().optional().describe('How long the look-up took, milliseconds.'),
      error: ProbeError.optional().describe('Why the look-up failed, when it did.'),
    })
    .optional()
    .describe("The domain's MX records."),
  spf: z
    .object({
      domain: z.string().max(253).describe('The domain whose SPF record was evaluated.'),
      ip: z
        .string()
        .max(64)
        .optional()
        .describe(
          'The sending IP it was evaluated for; absent when only the record was audited (no IP given).',
        ),
      result: spfResult
        .optional()
        .describe(
          'The SPF verdict (RFC 7208) for `ip`; absent without an IP — the record is then audited (lookups, includes, Microsoft 365) without a verdict.',
        ),
      record: z.string().max(4096).optional().describe('The SPF record as published.'),
      lookups: z
        .number()
        .int()
        .nonnegative()
        .optional()
        .describe(
          'DNS-querying terms (include, a, mx, ptr, exists, redirect) in the whole record, following every include and redirect (RFC 7208 §4.6.4 limit: 10). Independent of the IP.',
        ),
      lookupsAtLeast: z
        .boolean()
        .optional()
        .describe(
          '`lookups` counts only what was walked before an include loop or the depth limit cut the tree.',
        ),
      includeLoop: z
        .boolean()
        .optional()
        .describe('An include or redirect leads back to a domain already on its path.'),
      voidLookups: z
        .number()
        .int()
        .nonnegative()
        .optional()
        .describe(
          'Lookups in the whole record that returned no data or NXDOMAIN (limit: 2). Independent of the IP.',
        ),
      includes: z
        .array(
          z.object({
            domain: z.string().max(253).describe('The included or redirected domain.'),
            lookups: z.number().int().describe('DNS-querying terms inside it, its nested includes counted.'),
            voidLookups: z
              .number()
              .int()
              .nonnegative()
              .optional()
              .describe('Void lookups (no data, NXDOMAIN) inside this include, its own TXT look-up counted.'),
            kind: z.enum(['include', 'redirect']).optional().describe('`include:` or `redirect=`.'),
            via: z.string().max(253).optional().describe('The domain whose record names this one.'),
          }),
        )
        .max(100)
        .optional()
        .describe('Lookup count per include / redirect.'),
      includesMicrosoft365: z
        .boolean()
        .optional()
        .describe('The record covers Microsoft 365 (`include:spf.protection.outlook.com`).'),
      overLookupLimit: z
        .boolean()
        .optional()
        .describe(
          '`lookups` is over the RFC 7208 limit of 10: receivers that walk the whole record answer permerror.',
        ),
      overVoidLimit: z.boolean().optional().describe('`voidLookups` is over the RFC 7208 limit of 2.'),
      evaluatedLookups: z
        .number()
        .int()
        .nonnegative()
        .optional()
        .describe(
          'Lookups the evaluation for this IP made before it reached its verdict (it stops at the first match).',
        ),
      evaluatedVoidLookups: z
        .number()
        .int()
        .nonnegative()
        .optional()
        .describe('Void lookups the evaluation for this IP met.'),
      errorCode: ProbeErrorCode.optional().describe('Why DNS failed, when it did (temperror).'),
      ms: z.number().nonnegative().optional().describe('How long the evaluation took, milliseconds.'),
      error: z.string().max(1024).optional().describe('What went wrong, when the evaluation failed.'),
    })
    .optional()
    .describe('SPF evaluation of the domain for the sending IP (or, without one, the audit of its record).'),
  dmarc: DmarcFacts.optional().describe("The DMARC record of the from-address's domain."),
  dkim: DkimFacts.optional().describe('The Microsoft 365 DKIM selectors of the domain.'),
  dnsbl: z
    .object({
      ip: z.string().max(64).describe('The IP address looked up.'),
      checked: z.array(z.string().max(253)).max(100).describe('The block list zones asked.'),
      listed: z
        .array(
          z.object({
            zone: z.string().max(253).describe('The zone that lists the IP.'),
            codes: z
              .array(z.string().max(64))
              .max(20)
              .describe('The answer addresses (127.0.0.x), which say why.'),
            text: z.string().max(1024).optional().describe("The zone's TXT explanation, when it has one."),
          }),
        )
        .max(100)
        .describe('Zones that list the IP.'),
      errors: z
        .array(
          z.object({
            zone: z.string().max(253).describe('The zone that could not be asked.'),
            message: z.string().max(512).describe('What went wrong.'),
            code: ProbeErrorCode.optional().describe(
              'DNS_TIMEOUT, DNS_SERVFAIL…; absent when the list answered something unusable.',
            ),
          }),
        )
        .max(100)
        .optional()
        .describe('Zones that did not answer usably.'),
      ms: z
        .number()
        .nonnegative()
        .optional()
        .describe('How long the look-ups took (zones in parallel), milliseconds.'),
    })
    .optional()
    .describe('DNS block list look-ups of the sending IP.'),
})
export type ProbeFacts = z.infer<typeof ProbeFacts>
