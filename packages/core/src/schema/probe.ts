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
  stage: ProbeStage,
  code: ProbeErrorCode,
  message: z.string().max(2048),
})
export type ProbeError = z.infer<typeof ProbeError>

/** One step's outcome: how long it took and the reply it got. */
export const ProbeStep = z.object({
  ok: z.boolean(),
  ms: z.number().nonnegative().optional(),
  reply: SmtpReply.optional(),
  error: ProbeError.optional(),
})
export type ProbeStep = z.infer<typeof ProbeStep>

/** The server certificate as seen during the TLS handshake. */
export const Certificate = z.object({
  subject: z.string().max(1024).optional(),
  subjectAltNames: z.array(z.string().max(253)).max(500).optional(),
  issuer: z.string().max(1024).optional(),
  validFrom: z.string().max(64).optional(),
  validTo: z.string().max(64).optional(),
  /** Chain verified against the system trust store. An untrusted certificate is recorded, never fatal. */
  trusted: z.boolean().optional(),
  /** Node's reason when it is not trusted, e.g. `SELF_SIGNED_CERT_IN_CHAIN`. */
  authorizationError: z.string().max(256).optional(),
  /** The certificate's names cover the host that was dialled. */
  hostnameMatches: z.boolean().optional(),
})
export type Certificate = z.infer<typeof Certificate>

const spfResult = z.enum(['pass', 'fail', 'softfail', 'neutral', 'none', 'permerror', 'temperror'])

/**
 * What the probes measured. Every part is optional: a probe fills what it got to.
 * Probes yield facts; they never decide a fix.
 */
export const ProbeFacts = z.object({
  /** What was dialled. */
  target: z.object({ host: z.string().max(253), port: z.number().int(), tls: TlsMode }).optional(),
  /** Name resolution of the target host. */
  dns: ProbeStep.extend({ addresses: z.array(z.string().max(64)).max(64).optional() }).optional(),
  /** TCP connect. */
  tcp: ProbeStep.extend({ address: z.string().max(64).optional() }).optional(),
  /** The 220 greeting. */
  banner: ProbeStep.optional(),
  /** EHLO before TLS (or the only EHLO on implicit TLS / no TLS). */
  ehlo: ProbeStep.extend({
    capabilities: z.array(z.string().max(512)).max(100).optional(),
    starttls: z.boolean().optional(),
    authMechanisms: z.array(z.string().max(64)).max(50).optional(),
    size: z.number().int().nonnegative().optional(),
  }).optional(),
  /** The STARTTLS command. */
  starttls: ProbeStep.extend({ offered: z.boolean().optional() }).optional(),
  /** The TLS session (STARTTLS or implicit). */
  tls: ProbeStep.extend({
    protocol: TlsVersion.optional(),
    cipher: z.string().max(128).optional(),
    certificate: Certificate.optional(),
  }).optional(),
  /** EHLO after TLS. */
  ehloTls: ProbeStep.extend({
    capabilities: z.array(z.string().max(512)).max(100).optional(),
    authMechanisms: z.array(z.string().max(64)).max(50).optional(),
  }).optional(),
  /** Which TLS versions the endpoint accepts (null: not tested or inconclusive). */
  tlsVersions: z.record(TlsVersion, z.boolean().nullable()).optional(),
  /** AUTH with the given credentials. */
  auth: ProbeStep.extend({
    attempted: z.boolean(),
    mechanism: z.string().max(32).optional(),
  }).optional(),
  /** MAIL FROM. */
  mailFrom: ProbeStep.extend({ address: z.string().max(320).optional() }).optional(),
  /** RCPT TO, one per recipient. */
  rcpt: z
    .array(ProbeStep.extend({ address: z.string().max(320) }))
    .max(100)
    .optional(),
  /** DATA, only when a test message was asked for. */
  data: ProbeStep.optional(),
  /** The reply that ended the session (the last non-2xx/3xx reply, else the last reply). */
  lastReply: SmtpReply.optional(),
  /**
   * The first step that failed without an SMTP reply (DNS, TCP, timeout, reset, TLS, garbage,
   * AUTH not offered…). A command the server refused with a reply (535, 550…) is not an error
   * here: it shows as that step's `ok: false` + `reply`, and in `lastReply`.
   */
  error: ProbeError.optional(),
  /** The domain's MX records. */
  mx: z
    .object({
      domain: z.string().max(253),
      hosts: z.array(z.object({ exchange: z.string().max(253), priority: z.number().int() })).max(50),
      /** The preferred MX is a Microsoft 365 endpoint (`*.mail.protection.outlook.com` or `*.mx.microsoft`). */
      isMicrosoft365: z.boolean(),
      /** The preferred (lowest-priority) exchange, lower case, no trailing dot. */
      preferred: z.string().max(253).optional(),
      /**
       * The Microsoft 365 endpoint direct send and relay connect to, exactly as DNS names it
       * (the preferred MX when it is Microsoft 365, else the first Microsoft 365 host listed).
       */
      endpoint: z.string().max(253).optional(),
      /** Which form `endpoint` has: the classic `*.mail.protection.outlook.com` or the DNSSEC `*.mx.microsoft`. */
      endpointKind: z.enum(['mail.protection.outlook.com', 'mx.microsoft']).optional(),
      /** How long the look-up took, milliseconds. */
      ms: z.number().nonnegative().optional(),
      error: ProbeError.optional(),
    })
    .optional(),
  /** SPF evaluation of the domain for the sending IP. */
  spf: z
    .object({
      domain: z.string().max(253),
      ip: z.string().max(64),
      result: spfResult,
      record: z.string().max(4096).optional(),
      /**
       * DNS-querying terms (include, a, mx, ptr, exists, redirect) in the whole record, following
       * every include and redirect (RFC 7208 §4.6.4 limit: 10). Independent of the IP.
       */
      lookups: z.number().int().nonnegative().optional(),
      /** `lookups` counts only what was walked before an include loop or the depth limit cut the tree. */
      lookupsAtLeast: z.boolean().optional(),
      /** An include or redirect leads back to a domain already on its path. */
      includeLoop: z.boolean().optional(),
      /** Lookups in the whole record that returned no data or NXDOMAIN (limit: 2). Independent of the IP. */
      voidLookups: z.number().int().nonnegative().optional(),
      /** Lookup count per include / redirect. */
      includes: z
        .array(
          z.object({
            domain: z.string().max(253),
            lookups: z.number().int(),
            /** Void lookups (no data, NXDOMAIN) inside this include, its own TXT look-up counted. */
            voidLookups: z.number().int().nonnegative().optional(),
            /** `include:` or `redirect=`. */
            kind: z.enum(['include', 'redirect']).optional(),
            /** The domain whose record names this one. */
            via: z.string().max(253).optional(),
          }),
        )
        .max(100)
        .optional(),
      /** The record covers Microsoft 365 (`include:spf.protection.outlook.com`). */
      includesMicrosoft365: z.boolean().optional(),
      /** `lookups` is over the RFC 7208 limit of 10: receivers that walk the whole record answer permerror. */
      overLookupLimit: z.boolean().optional(),
      /** `voidLookups` is over the RFC 7208 limit of 2. */
      overVoidLimit: z.boolean().optional(),
      /** Lookups the evaluation for this IP made before it reached its verdict (it stops at the first match). */
      evaluatedLookups: z.number().int().nonnegative().optional(),
      /** Void lookups the evaluation for this IP met. */
      evaluatedVoidLookups: z.number().int().nonnegative().optional(),
      /** Why DNS failed, when it did (temperror). */
      errorCode: ProbeErrorCode.optional(),
      /** How long the evaluation took, milliseconds. */
      ms: z.number().nonnegative().optional(),
      error: z.string().max(1024).optional(),
    })
    .optional(),
  /** The DMARC record of the from-address's domain. */
  dmarc: DmarcFacts.optional(),
  /** The Microsoft 365 DKIM selectors of the domain. */
  dkim: DkimFacts.optional(),
  /** DNS block list look-ups of the sending IP. */
  dnsbl: z
    .object({
      ip: z.string().max(64),
      checked: z.array(z.string().max(253)).max(100),
      listed: z
        .array(
          z.object({
            zone: z.string().max(253),
            codes: z.array(z.string().max(64)).max(20),
            text: z.string().max(1024).optional(),
          }),
        )
        .max(100),
      errors: z
        .array(
          z.object({
            zone: z.string().max(253),
            message: z.string().max(512),
            /** DNS_TIMEOUT, DNS_SERVFAIL…; absent when the list answered something unusable. */
            code: ProbeErrorCode.optional(),
          }),
        )
        .max(100)
        .optional(),
      /** How long the look-ups took (zones in parallel), milliseconds. */
      ms: z.number().nonnegative().optional(),
    })
    .optional(),
})
export type ProbeFacts = z.infer<typeof ProbeFacts>
