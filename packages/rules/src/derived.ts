import {
  type CompiledCatalogue,
  compileCatalogue,
  createTextParser,
  type Facts,
  type FailureKind,
  type ParsedText,
  type ProbeErrorCode,
  parseText,
  type SmtpReply,
  TLS_FAILURE_KINDS,
  type TlsFailureKind,
  tokenUser,
} from '@smtp-doctor/core'
import { bundle } from './bundle.js'
import {
  CLASSIFIED_OPTIONS,
  type ClassifiedOption,
  DERIVED_VALUES,
  type DerivedFacts,
  HOST_KINDS,
  type HostKind,
  type PhraseId,
} from './derived-vocabulary.js'

export {
  CLASSIFIED_OPTIONS,
  type ClassifiedOption,
  DERIVED_VALUES,
  type DerivedFacts,
  HOST_KINDS,
  type HostKind,
  type PhraseId,
}

/** The bundle's recognition catalogue, compiled once for matching. */
export const catalogue: CompiledCatalogue = compileCatalogue(bundle.catalogue)

/** A reply the session saw (for relevance; replies are kept newest last). */
export type SeenReply = SmtpReply

/** What one analysis yields: the derived fact, plus the replies in order and the one that ended the session. */
export type Analysis = { derived: DerivedFacts; replies: SeenReply[]; final: SeenReply | null }

/** Most replies kept for relevance ranking (the latest ones). */
const MAX_RANKED_REPLIES = 50

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/
const IPV6 = /^\[?[0-9a-f:.]*:[0-9a-f:.]*(?:%[\w.-]+)?\]?$/i

/** Classifies a server name as entered on a device. */
export function hostKindOf(host: string): HostKind {
  const h = host.trim().toLowerCase().replace(/\.$/, '')
  // A web address (scheme or path) typed where the SMTP server name belongs.
  if (h.includes('://') || h.includes('/')) return 'web-address'
  if (IPV4.test(h) || (h.includes(':') && IPV6.test(h))) return 'ip-address'
  if (h === 'smtp.office365.com') return 'smtp-auth'
  if (h === 'smtp-legacy.office365.com') return 'smtp-auth-legacy'
  if (h.endsWith('.mail.protection.outlook.com') || h.endsWith('.mx.microsoft')) return 'mx-endpoint'
  if (
    h === 'mail.messaging.microsoft.com' ||
    h.endsWith('.messaging.microsoft.com') ||
    h.endsWith('.mail.eo.outlook.com') ||
    h.endsWith('.mail.outlook.com')
  )
    return 'legacy-host'
  return 'other'
}

/** Hits reused for one-line texts (almost every reply): no split and no new array per reply. */
let lineHits: Uint8Array | null = null

/** `catalogue.scanText`, without its line split and allocation when the text is one line. */
function scanReplyText(text: string) {
  if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) return catalogue.scanText(text)
  lineHits ??= catalogue.newHits()
  lineHits.fill(0)
  if (text.length > 0) catalogue.scanLine(text, lineHits)
  return catalogue.resultOf(lineHits)
}

/** One catalogue scan per reply text gives both its phrases and its providers (cached with the reply). */
const replyScans = new WeakMap<SmtpReply, { phrases: PhraseId[]; providers: string[] }>()
function scanOfReply(r: SmtpReply): { phrases: PhraseId[]; providers: string[] } {
  let s = replyScans.get(r)
  if (!s) {
    const { phrases, providers } = scanReplyText(r.text)
    s = { phrases, providers }
    replyScans.set(r, s)
  }
  return s
}

/** Known phrase ids in one reply's text (computed when first asked, then cached with the reply). */
export function phrasesOfReply(r: SmtpReply): PhraseId[] {
  return scanOfReply(r).phrases
}

/** Providers whose signatures one reply's text shows (cached with the reply). */
export function providersOfReply(r: SmtpReply): string[] {
  return scanOfReply(r).providers
}

const PROBE_FAILURE: Partial<Record<ProbeErrorCode, FailureKind>> = {
  DNS_NOT_FOUND: 'dns',
  DNS_SERVFAIL: 'dns',
  DNS_TIMEOUT: 'dns',
  TCP_REFUSED: 'refused',
  TCP_TIMEOUT: 'timeout',
  TCP_RESET: 'reset',
  TCP_UNREACHABLE: 'unreachable',
  TIMEOUT: 'timeout',
  CONNECTION_CLOSED: 'reset',
  TLS_HANDSHAKE_FAILED: 'tls',
  TLS_VERSION_MISMATCH: 'tls',
}

/** Replies that only come back when a client tried to sign in. */
const AUTH_BASIC = new Set([334, 235, 535, 534, 538])
/** 5.7.3 is left out: `451 5.7.3 STARTTLS is required` carries it too (535 5.7.3 is caught by 535). */
const AUTH_ENHANCED = new Set(['5.7.139', '5.7.30'])

function probeReplies(probe: NonNullable<Facts['probe']>): SmtpReply[] {
  const out: SmtpReply[] = []
  const push = (r: SmtpReply | undefined) => {
    if (r) out.push(r)
  }
  push(probe.banner?.reply)
  push(probe.ehlo?.reply)
  push(probe.starttls?.reply)
  push(probe.ehloTls?.reply)
  push(probe.auth?.reply)
  push(probe.mailFrom?.reply)
  for (const r of probe.rcpt ?? []) push(r.reply)
  push(probe.data?.reply)
  return out
}

function domainOf(address: string | undefined): string | null {
  if (!address) return null
  const at = address.lastIndexOf('@')
  return at > 0 && at < address.length - 1
    ? address
        .slice(at + 1)
        .trim()
        .toLowerCase()
    : null
}

function hasUsername(u: string | undefined): boolean {
  return typeof u === 'string' && u.trim().length > 0
}

/** Slice size for long texts, so the streaming parser never holds more than one slice of its own. */
const SLICE = 64 * 1024

/** Parses text of any length; long text goes through core's streaming parser in slices. */
export function parseLarge(text: string): ParsedText {
  if (text.length <= SLICE) return parseText(text, catalogue)
  const p = createTextParser(catalogue)
  for (let i = 0; i < text.length; i += SLICE) p.push(text.slice(i, i + SLICE))
  return p.end()
}

/**
 * Works out the derived fact (and the replies for ranking) from validated facts. `parsed` is
 * the already-parsed `observed.errorText`, when the caller streamed it; otherwise it is parsed here.
 */
export function analyze(facts: Facts, parsed?: ParsedText): Analysis {
  const settings = facts.settings
  const tenant = facts.tenant
  const probe = facts.probe
  const text =
    parsed ?? (facts.observed?.errorText !== undefined ? parseLarge(facts.observed.errorText) : null)

  const codes = new Set<string>(text?.codes)
  const basicCodes = new Set<number>(text?.basicCodes)
  const phrases = new Set<PhraseId>(text?.phrases)
  const failures = new Set<FailureKind>(text?.failures)
  const tlsFailures = new Set<TlsFailureKind>(text?.tlsFailures)
  const providers = new Set<string>(text?.providers)
  const failurePorts = new Set<number>(text?.failurePorts)

  // Replies in the order they happened: the probe's (if any) first, the device's text last,
  // because the text is what the person in front of the device saw.
  const seen: SmtpReply[] = []
  let final: SmtpReply | null = null
  let authAttempted: boolean | null = null
  if (probe) {
    const pr = probeReplies(probe)
    for (const r of pr) seen.push(r)
    if (probe.lastReply) {
      const lr = probe.lastReply
      if (!pr.some((r) => r.code === lr.code && r.enhanced === lr.enhanced && r.text === lr.text))
        seen.push(lr)
      final = lr
    } else {
      final = [...pr].reverse().find((r) => r.code >= 400) ?? null
    }
    for (const r of seen) {
      basicCodes.add(r.code)
      if (r.enhanced) codes.add(r.enhanced)
      for (const p of phrasesOfReply(r)) phrases.add(p)
      for (const p of providersOfReply(r)) providers.add(p)
    }
    const f = probe.error ? PROBE_FAILURE[probe.error.code] : undefined
    if (f) {
      failures.add(f)
      if (probe.target?.port !== undefined) failurePorts.add(probe.target.port)
    }
    if (probe.auth) authAttempted = probe.auth.attempted
  }
  if (text) {
    for (const r of text.replies) seen.push(r)
    if (text.final) final = text.final
  }
  if (seen.some((r) => AUTH_BASIC.has(r.code) || (r.enhanced !== undefined && AUTH_ENHANCED.has(r.enhanced))))
    authAttempted = true
  else if (authAttempted === null && settings && !hasUsername(settings.username)) authAttempted = false

  const ranked: SeenReply[] = seen.length > MAX_RANKED_REPLIES ? seen.slice(-MAX_RANKED_REPLIES) : seen
  const finalPhrases = final ? phrasesOfReply(final) : []
  const finalOwn = final ? providersOfReply(final) : []
  const finalProvider = finalOwn[0] ?? (providers.size === 1 ? [...providers][0]! : null)

  // ── settings ──
  const hostKind = settings ? hostKindOf(settings.host) : null
  let hasCredentials: boolean | null = null
  if (settings) {
    const pw = settings.password
    const oauth = settings.authMethod === 'xoauth2' || Boolean(settings.accessToken)
    // An OAuth sign-in is a sign-in: the token stands in for the password.
    if (hasUsername(settings.username) && oauth) hasCredentials = true
    else if (!hasUsername(settings.username) || pw === false || pw === '') hasCredentials = false
    else if (pw === true || typeof pw === 'string') hasCredentials = true
  }
  const user = settings?.username?.trim()
  const usernameIsAddress = user ? /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(user) : null
  let fromDiffersFromUser: boolean | null = null
  if (settings?.from && hasUsername(settings.username))
    fromDiffersFromUser = settings.from.trim().toLowerCase() !== settings.username!.trim().toLowerCase()

  const connector: DerivedFacts['connector'] =
    settings?.connector ?? tenant?.inboundConnector?.matchesOn ?? 'unknown'

  let externalRecipients: boolean | null = null
  if (settings?.recipients && settings.recipients.length > 0) {
    const internal = new Set<string>()
    for (const d of tenant?.acceptedDomains ?? []) internal.add(d.toLowerCase())
    if (tenant?.domain) internal.add(tenant.domain.toLowerCase())
    if (internal.size === 0) {
      // Without tenant data, the device's own addresses are the best guess at the organisation's domain.
      const own = domainOf(settings.from) ?? domainOf(settings.username)
      if (own) internal.add(own)
    }
    if (internal.size > 0)
      externalRecipients = settings.recipients.some((r) => {
        const d = domainOf(r)
        return d !== null && !internal.has(d)
      })
  }

  let option: ClassifiedOption = 'unknown'
  if (hostKind === 'smtp-auth' || hostKind === 'smtp-auth-legacy') option = 'smtp-auth'
  else if (hostKind === 'mx-endpoint' || hostKind === 'legacy-host' || hostKind === 'ip-address')
    option = connector === 'ip' || connector === 'certificate' ? 'relay' : 'direct-send'

  const deviceMaxTls = settings?.maxTlsVersion ?? null
  const deviceTlsBelow12 = deviceMaxTls ? deviceMaxTls === 'TLSv1' || deviceMaxTls === 'TLSv1.1' : null

  let hostTooLongForField: boolean | null = null
  if (settings?.hostFieldMaxLength !== undefined) {
    const name = tenant?.mxEndpoint ?? (hostKind === 'mx-endpoint' ? settings.host : undefined)
    if (name) hostTooLongForField = name.trim().length > settings.hostFieldMaxLength
  }

  // ── probe ──
  let serverAcceptsOnlyLegacyTls: boolean | null = null
  const tv = probe?.tlsVersions
  if (tv) {
    if (tv['TLSv1.2'] === true || tv['TLSv1.3'] === true) serverAcceptsOnlyLegacyTls = false
    else if (tv['TLSv1.2'] === false && (tv.TLSv1 === true || tv['TLSv1.1'] === true))
      serverAcceptsOnlyLegacyTls = true
  }

  const derived: DerivedFacts = {
    codes: [...codes],
    basicCodes: [...basicCodes],
    phrases: [...phrases],
    failures: [...failures],
    tlsFailures: TLS_FAILURE_KINDS.filter((k) => tlsFailures.has(k)),
    providers: [...providers],
    finalProvider,
    textPorts: text?.ports ?? [],
    failurePorts: [...failurePorts],
    failureHosts: text?.failureHosts ?? [],
    textMailFrom: text?.mailFrom ?? null,
    textRcptTo: text?.rcptTo ?? [],
    finalCode: final?.enhanced ?? null,
    finalBasicCode: final?.code ?? null,
    finalPhrases,
    authAttempted,
    hostKind,
    option,
    port: settings?.port ?? null,
    tls: settings?.tls ?? null,
    hasCredentials,
    fromDiffersFromUser,
    usernameIsAddress,
    externalRecipients,
    connector,
    deviceMaxTls,
    deviceTlsBelow12,
    hostTooLongForField,
    probeErrorCode: probe?.error?.code ?? null,
    probeErrorStage: probe?.error?.stage ?? null,
    serverAcceptsOnlyLegacyTls,
    negotiatedTls: probe?.tls?.protocol ?? null,
    ipListed: ipListedOf(probe?.dnsbl),
    spfResult: probe?.spf?.result ?? null,
    // A failed MX look-up says nothing about where the MX points.
    mxNotMicrosoft365: probe?.mx && !probe.mx.error ? !probe.mx.isMicrosoft365 : null,
    ...tokenVerdicts(facts),
  }
  return { derived, replies: ranked, final }
}

/**
 * The `derived` fact for validated facts: parsed codes and phrases, host kind, option,
 * credentials, recipients, TLS and probe verdicts. Never throws for facts that passed `Facts`.
 * @example derive({ settings: { host: 'smtp.office365.com', port: 587, tls: 'starttls' } }).hasCredentials // false
 */
export function derive(facts: Facts): DerivedFacts {
  return analyze(facts).derived
}

/** Listed on some zone → true; every zone failed → unknown; otherwise false. */
function ipListedOf(dnsbl: NonNullable<Facts['probe']>['dnsbl']): boolean | null {
  if (!dnsbl) return null
  if (dnsbl.listed.length > 0) return true
  return dnsbl.checked.length > 0 && (dnsbl.errors?.length ?? 0) >= dnsbl.checked.length ? null : false
}

/** Audiences Exchange Online accepts for SMTP, IMAP and POP (its URIs and its application id). */
const EXCHANGE_AUDIENCES = new Set([
  'https://outlook.office365.com',
  'https://outlook.office.com',
  'https://outlook.office365.us',
  'https://outlook.office365.cn',
  '00000002-0000-0ff1-ce00-000000000000',
])
const GRAPH_AUDIENCES = new Set(['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000'])

type TokenVerdicts = Pick<
  DerivedFacts,
  | 'tokenAudience'
  | 'tokenKind'
  | 'tokenHasSendAsApp'
  | 'tokenHasSmtpSend'
  | 'tokenExpired'
  | 'tokenNotYetValid'
  | 'tokenTenantMismatch'
  | 'tokenUserMismatch'
>

/** What the token's claims say, compared with the time it was checked, the tenant and the mailbox. */
function tokenVerdicts(facts: Facts): TokenVerdicts {
  const t = facts.token
  if (!t)
    return {
      tokenAudience: null,
      tokenKind: null,
      tokenHasSendAsApp: null,
      tokenHasSmtpSend: null,
      tokenExpired: null,
      tokenNotYetValid: null,
      tokenTenantMismatch: null,
      tokenUserMismatch: null,
    }
  const aud = t.aud?.trim().toLowerCase().replace(/\/+$/, '')
  const tokenAudience =
    aud === undefined
      ? null
      : EXCHANGE_AUDIENCES.has(aud)
        ? 'exchange'
        : GRAPH_AUDIENCES.has(aud)
          ? 'graph'
          : 'other'
  const tokenKind =
    t.idtyp === 'app'
      ? 'app'
      : t.idtyp === 'user'
        ? 'delegated'
        : t.scp?.length
          ? 'delegated'
          : t.roles?.length
            ? 'app'
            : null
  const lower = (xs: string[] | undefined) => (xs ?? []).map((x) => x.toLowerCase())
  const tokenHasSendAsApp = tokenKind === 'app' ? lower(t.roles).includes('smtp.sendasapp') : null
  const tokenHasSmtpSend = tokenKind === 'delegated' ? lower(t.scp).includes('smtp.send') : null
  const at = t.checkedAt
  const tokenExpired = at !== undefined && t.exp !== undefined ? t.exp <= at : null
  const tokenNotYetValid = at !== undefined && t.nbf !== undefined ? t.nbf > at : null
  const expectedTid = facts.tenant?.tenantId?.trim().toLowerCase()
  const tokenTenantMismatch = expectedTid && t.tid ? t.tid.trim().toLowerCase() !== expectedTid : null
  const user = tokenUser(t)?.trim().toLowerCase()
  const mailbox = facts.settings?.username?.trim().toLowerCase()
  const tokenUserMismatch = tokenKind === 'delegated' && user && mailbox ? user !== mailbox : null
  return {
    tokenAudience,
    tokenKind,
    tokenHasSendAsApp,
    tokenHasSmtpSend,
    tokenExpired,
    tokenNotYetValid,
    tokenTenantMismatch,
    tokenUserMismatch,
  }
}
