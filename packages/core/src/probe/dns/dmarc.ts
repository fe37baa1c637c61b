import { performance } from 'node:perf_hooks'
import type { DmarcFacts } from '../../schema/dns.js'
import {
  createDnsResolver,
  type DnsProbeOptions,
  DomainInput,
  dnsCheckError,
  dnsDeadlineMs,
  dnsErrorCode,
  withDeadline,
} from './resolver.js'

export type { DmarcFacts }

type Policy = NonNullable<DmarcFacts['policy']>
const POLICIES = new Set<string>(['none', 'quarantine', 'reject'])

/** The `v=DMARC1` records among a name's TXT records, strings joined (RFC 7489 §6.6.3). */
function dmarcRecords(rows: string[][]): string[] {
  return rows.map((r) => r.join('').trim()).filter((r) => /^v\s*=\s*DMARC1\s*(;|$)/i.test(r))
}

/** The tags of a DMARC record, names lower case; later duplicates are ignored. */
export function dmarcTags(record: string): Map<string, string> {
  const tags = new Map<string, string>()
  for (const part of record.split(';').slice(0, 64)) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    const key = part.slice(0, eq).trim().toLowerCase()
    if (key && !tags.has(key)) tags.set(key, part.slice(eq + 1).trim())
  }
  return tags
}

/**
 * The organisational domain, approximated without the public suffix list: the last two labels,
 * or three when the second-to-last is a short label under a two-letter country code
 * (`example.co.uk`). Good enough to find the `_dmarc` record a subdomain inherits.
 */
export function organisationalDomain(domain: string): string {
  const labels = domain.split('.')
  if (labels.length <= 2) return domain
  const tld = labels[labels.length - 1] ?? ''
  const second = labels[labels.length - 2] ?? ''
  const keep = tld.length === 2 && /^(co|com|net|org|gov|ac|edu)$/.test(second) ? 3 : 2
  return labels.slice(-keep).join('.')
}

type Lookup = { kind: 'records'; records: string[] } | { kind: 'none' } | { kind: 'error'; err: unknown }

/**
 * Reads the domain's DMARC record: `_dmarc.<domain>` first and, when that has none, the
 * organisational domain's (RFC 7489 §6.6.3). Records the policy (`p`, `sp`), `pct` and the
 * alignment modes. A missing record is `found: false`; DNS failures become `error`
 * (DNS_SERVFAIL, DNS_TIMEOUT at the deadline); network outcomes never reject. An invalid
 * domain rejects with a ZodError.
 */
export async function probeDmarc(domain: string, options: DnsProbeOptions = {}): Promise<DmarcFacts> {
  const name = DomainInput.parse(domain)
  const ms = dnsDeadlineMs(options)
  const resolver = createDnsResolver(options.resolver, ms)
  const started = performance.now()
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10

  const ask = async (qname: string): Promise<Lookup> => {
    try {
      return { kind: 'records', records: dmarcRecords(await resolver.resolveTxt(qname)) }
    } catch (err) {
      return dnsErrorCode(err) === 'DNS_NOT_FOUND' ? { kind: 'none' } : { kind: 'error', err }
    }
  }

  const org = organisationalDomain(name)
  const candidates = org === name ? [name] : [name, org]
  let chosen: { qname: string; records: string[] } | undefined
  try {
    await withDeadline(
      (async () => {
        for (const candidate of candidates) {
          const qname = `_dmarc.${candidate}`
          const answer = await ask(qname)
          if (answer.kind === 'error') throw Object.assign(answer.err as object, { qname })
          if (answer.kind === 'records' && answer.records.length > 0) {
            chosen = { qname, records: answer.records }
            return
          }
        }
      })(),
      ms,
      resolver,
    )
  } catch (err) {
    const qname = (err as { qname?: string }).qname ?? `_dmarc.${name}`
    return {
      domain: name,
      found: false,
      ms: elapsed(),
      error: dnsCheckError(err, qname, 'TXT'),
    }
  }
  if (!chosen) return { domain: name, found: false, ms: elapsed() }

  const record = chosen.records[0] ?? ''
  const tags = dmarcTags(record)
  const facts: DmarcFacts = { domain: name, found: true, name: chosen.qname, record: record.slice(0, 4096) }
  if (chosen.records.length > 1) facts.multiple = true
  const p = tags.get('p')?.toLowerCase()
  const sp = tags.get('sp')?.toLowerCase()
  if (sp && POLICIES.has(sp)) facts.subdomainPolicy = sp as Policy
  const inherited = chosen.qname !== `_dmarc.${name}`
  if (p && POLICIES.has(p))
    facts.policy = inherited && facts.subdomainPolicy ? facts.subdomainPolicy : (p as Policy)
  else facts.invalid = true
  const pct = tags.get('pct')
  if (pct !== undefined && /^\d{1,3}$/.test(pct) && Number(pct) <= 100) facts.pct = Number(pct)
  for (const key of ['adkim', 'aspf'] as const) {
    const v = tags.get(key)?.toLowerCase()
    if (v === 'r' || v === 's') facts[key] = v
  }
  facts.ms = elapsed()
  return facts
}
