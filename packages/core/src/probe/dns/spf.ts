import { performance } from 'node:perf_hooks'
import { z } from 'zod'
import type { ProbeErrorCode, ProbeFacts } from '../../schema/probe.js'
import {
  createDnsResolver,
  type DnsProbeOptions,
  type DnsQuery,
  DomainInput,
  dnsDeadlineMs,
  dnsErrorCode,
  dnsErrorMessage,
  IpInput,
  memoQuery,
  type RrType,
  withDeadline,
} from './resolver.js'
import { auditSpf, SPF_LOOKUP_LIMIT, SPF_VOID_LOOKUP_LIMIT, type SpfAudit } from './spf-audit.js'

/** The SPF part of the probe facts. */
export type SpfFacts = NonNullable<ProbeFacts['spf']>
type SpfResult = SpfFacts['result']

/** What `probeSpf` evaluates: the domain's record for a sending IP. */
export const SpfProbeInput = z.object({
  /** The envelope-from (MAIL FROM) domain. */
  domain: DomainInput,
  /** The IP the device's mail leaves from (the public IP of the site). */
  ip: IpInput,
  /** The name the device sends in EHLO. */
  helo: z.string().max(253).optional(),
})

const RESULTS = new Set<string>(['pass', 'fail', 'softfail', 'neutral', 'none', 'permerror', 'temperror'])
const MTA = 'smtp-doctor'

type MailauthSpf = (opts: {
  sender: string
  ip: string
  helo?: string
  mta: string
  resolver: (name: string, rrtype: string) => Promise<unknown>
}) => Promise<{
  rr?: string
  status: { result: string; comment?: string }
  lookups?: { count: number; void: number }
}>

let mailauthSpf: Promise<MailauthSpf> | undefined
/**
 * Loaded on first use: the CLI should not pay mailauth's start-up unless SPF is asked for.
 * Exported so that a caller timing several checks can load it before its clock starts.
 */
export function loadMailauth(): Promise<MailauthSpf> {
  mailauthSpf ??= import('mailauth/lib/spf/index.js').then((m) => m.spf as unknown as MailauthSpf)
  return mailauthSpf
}

/**
 * mailauth's resolver contract is `dns.promises.resolve`. A SERVFAIL without a verdict
 * attached is silently skipped inside an include, which would turn a temperror into a
 * fail, so every error that is not "no data" carries temperror.
 */
function forMailauth(query: DnsQuery): (name: string, rrtype: string) => Promise<unknown> {
  return async (name, rrtype) => {
    try {
      return await query(name, rrtype as RrType)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code !== 'ENOTFOUND' && code !== 'ENODATA' && typeof err === 'object' && err !== null) {
        Object.assign(err, { spfResult: { error: 'temperror', text: dnsErrorMessage(err, name, rrtype) } })
      }
      throw err
    }
  }
}

function cleanComment(comment: string | undefined): string | undefined {
  if (!comment) return undefined
  const text = comment.startsWith(`${MTA}: `) ? comment.slice(MTA.length + 2) : comment
  return text.slice(0, 1024)
}

/**
 * Evaluates the domain's SPF record for `ip` and audits the record. The verdict (`result`)
 * comes from mailauth, a maintained RFC 7208 implementation, through the configured resolver.
 * The lookup counts (`lookups`, `voidLookups`, `includes`, over-limit flags) come from walking
 * the whole record tree, because mailauth stops at the first matching term and counts only
 * what that one evaluation spent (reported as `evaluatedLookups` / `evaluatedVoidLookups`).
 * Both share one cache, so each name is asked once. Network failures and the deadline become
 * `temperror` with `errorCode`; bad input rejects with a ZodError.
 */
export async function probeSpf(input: z.input<typeof SpfProbeInput> & DnsProbeOptions): Promise<SpfFacts> {
  const { domain, ip, helo } = SpfProbeInput.parse({ domain: input.domain, ip: input.ip, helo: input.helo })
  const ms = dnsDeadlineMs(input)
  // Loaded before the clock starts: module loading is not the DNS server's slowness.
  const spf = await loadMailauth()
  const resolver = createDnsResolver(input.resolver, ms)
  const query = memoQuery(resolver)
  const started = performance.now()
  const base = { domain, ip }

  const verdict = spf({
    sender: `postmaster@${domain}`,
    ip,
    mta: MTA,
    resolver: forMailauth(query),
    ...(helo ? { helo } : {}),
  })
  const audit = auditSpf(domain, query)

  let evaluated: Awaited<typeof verdict>
  let walked: SpfAudit
  try {
    ;[evaluated, walked] = await withDeadline(Promise.all([verdict, audit]), ms, resolver)
  } catch (err) {
    const code: ProbeErrorCode = dnsErrorCode(err)
    return {
      ...base,
      result: 'temperror',
      errorCode: code,
      error: dnsErrorMessage(err, domain, 'SPF'),
      ms: Math.round((performance.now() - started) * 10) / 10,
    }
  }

  const raw = evaluated.status.result === 'temperr' ? 'temperror' : evaluated.status.result
  const result: SpfResult = RESULTS.has(raw) ? (raw as SpfResult) : 'temperror'
  const facts: SpfFacts = {
    ...base,
    result,
    ms: Math.round((performance.now() - started) * 10) / 10,
  }
  const record = evaluated.rr ?? walked.record
  if (record) facts.record = record.slice(0, 4096)
  if (evaluated.lookups) {
    facts.evaluatedLookups = evaluated.lookups.count
    facts.evaluatedVoidLookups = evaluated.lookups.void
  }
  if (result === 'permerror' || result === 'temperror') {
    const comment = cleanComment(evaluated.status.comment)
    if (comment) facts.error = comment
  }
  if (result === 'temperror') {
    const problem = walked.problems[0]
    facts.errorCode = problem ? dnsErrorCode(problem.error) : 'DNS_SERVFAIL'
    if (problem && !facts.error) facts.error = dnsErrorMessage(problem.error, problem.name, '')
  }
  addAudit(facts, record, walked)
  return facts
}

/** The record-walk half of the SPF facts: lookups and void lookups against the limits, includes. */
function addAudit(facts: SpfFacts, record: string | undefined, walked: SpfAudit): void {
  if (record && walked.complete) {
    facts.lookups = walked.lookups
    facts.voidLookups = walked.voidLookups
    facts.overLookupLimit = walked.lookups > SPF_LOOKUP_LIMIT
    facts.overVoidLimit = walked.voidLookups > SPF_VOID_LOOKUP_LIMIT
  } else if (record && walked.loop) {
    // A loop never ends by itself: receivers stop at the lookup limit (permerror).
    facts.includeLoop = true
    facts.overLookupLimit = true
  } else if (record && walked.tooDeep) {
    // A cut tree still spent what was counted: past the limit is past the limit.
    facts.lookups = walked.lookups
    facts.lookupsAtLeast = true
    facts.overLookupLimit = walked.lookups > SPF_LOOKUP_LIMIT
    if (walked.voidLookups > SPF_VOID_LOOKUP_LIMIT) facts.overVoidLimit = true
  }
  if (record) {
    facts.includes = walked.includes
    facts.includesMicrosoft365 = walked.includesMicrosoft365
  }
}

/** What `auditSpfRecord` audits: the domain's record, for no IP in particular. */
export const SpfAuditInput = z.object({ domain: DomainInput })

/**
 * The domain's SPF record audited without a sending IP (`smtp-doctor dns contoso.com`, no
 * `--ip`): the lookups and void lookups of the whole tree against the limits, the includes,
 * whether Microsoft 365 is covered — everything that does not depend on the IP. No `result`:
 * a verdict needs an IP. A DNS failure on the way is `errorCode`/`error`; bad input rejects
 * with a ZodError before any query.
 */
export async function auditSpfRecord(
  input: z.input<typeof SpfAuditInput> & DnsProbeOptions,
): Promise<SpfFacts> {
  const { domain } = SpfAuditInput.parse({ domain: input.domain })
  const ms = dnsDeadlineMs(input)
  const resolver = createDnsResolver(input.resolver, ms)
  const started = performance.now()
  const took = () => Math.round((performance.now() - started) * 10) / 10
  let walked: SpfAudit
  try {
    walked = await withDeadline(auditSpf(domain, memoQuery(resolver)), ms, resolver)
  } catch (err) {
    return { domain, errorCode: dnsErrorCode(err), error: dnsErrorMessage(err, domain, 'SPF'), ms: took() }
  }
  const facts: SpfFacts = { domain, ms: took() }
  if (walked.record) facts.record = walked.record.slice(0, 4096)
  const problem = walked.problems[0]
  if (problem) {
    facts.errorCode = dnsErrorCode(problem.error)
    facts.error = dnsErrorMessage(problem.error, problem.name, '')
  }
  addAudit(facts, walked.record, walked)
  return facts
}
