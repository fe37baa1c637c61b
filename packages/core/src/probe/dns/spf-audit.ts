import type { DnsQuery } from './resolver.js'

/** The RFC 7208 §4.6.4 limits. */
export const SPF_LOOKUP_LIMIT = 10
export const SPF_VOID_LOOKUP_LIMIT = 2

/** The domain Microsoft 365 publishes its sending ranges under. */
export const MICROSOFT365_SPF_INCLUDE = 'spf.protection.outlook.com'

/** One include or redirect in the record tree. */
export type SpfIncludeCount = {
  domain: string
  /** 1 for the term itself plus every lookup inside the included record. */
  lookups: number
  /** Void lookups inside the include (its own TXT look-up included). */
  voidLookups: number
  kind: 'include' | 'redirect'
  via: string
}

/** What walking the whole record found, independent of any IP. */
export type SpfAudit = {
  record?: string
  lookups: number
  voidLookups: number
  includes: SpfIncludeCount[]
  includesMicrosoft365: boolean
  /** Every name in the tree answered (no timeout, SERVFAIL, depth or budget cut). */
  complete: boolean
  /** DNS failures met on the way, first few. */
  problems: { name: string; error: unknown }[]
  /** Some include or redirect names a domain already on its own path (an include loop). */
  loop: boolean
  /** The tree was cut at the nesting depth limit (then `lookups` is a lower bound). */
  tooDeep: boolean
}

type Walk = { lookups: number; voids: number; includes: SpfIncludeCount[] }

const MAX_DEPTH = 10
const MAX_QUERIES = 200
const MAX_INCLUDES = 100

const isVoid = (err: unknown): boolean => {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined
  return code === 'ENOTFOUND' || code === 'ENODATA'
}

/** The SPF record among a name's TXT records, strings joined (RFC 7208 §3.3). */
export function pickSpfRecord(txt: unknown): { record?: string; count: number } {
  const rows = Array.isArray(txt) ? txt : []
  const records = rows
    .map((row) => (Array.isArray(row) ? row.join('') : String(row)))
    .filter((r) => /^v=spf1(\s|$)/i.test(r.trim()))
  return { record: records[0]?.trim(), count: records.length }
}

/** Strips `:domain` / `/cidr` parts: `a:host.example/24` → `host.example`. */
function target(term: string, fallback: string): string {
  const colon = term.indexOf(':')
  const value = colon >= 0 ? term.slice(colon + 1) : ''
  const name = value.split('/')[0] ?? ''
  return (name || fallback).toLowerCase().replace(/\.$/, '')
}

/**
 * Counts the DNS lookups of a domain's SPF record the way RFC 7208 §4.6.4 defines them, over
 * the whole tree (every include and redirect followed), together with void lookups. A real
 * evaluation stops at the first matching term; this count is what an evaluation for an IP
 * that matches nothing would spend, which is what a receiver's permerror depends on.
 */
export async function auditSpf(domain: string, query: DnsQuery): Promise<SpfAudit> {
  let queries = 0
  let complete = true
  const problems: SpfAudit['problems'] = []
  let topRecord: string | undefined
  let loop = false
  let tooDeep = false

  const ask = async (name: string, type: 'A' | 'AAAA' | 'MX' | 'TXT'): Promise<'data' | 'void' | 'error'> => {
    if (++queries > MAX_QUERIES) {
      complete = false
      return 'error'
    }
    try {
      const answer = await query(name, type)
      return Array.isArray(answer) && answer.length === 0 ? 'void' : 'data'
    } catch (err) {
      if (isVoid(err)) return 'void'
      complete = false
      if (problems.length < 10) problems.push({ name: `${name} ${type}`, error: err })
      return 'error'
    }
  }

  const walk = async (name: string, depth: number, path: readonly string[]): Promise<Walk> => {
    let txt: unknown
    if (++queries > MAX_QUERIES) {
      complete = false
      return { lookups: 0, voids: 0, includes: [] }
    }
    try {
      txt = await query(name, 'TXT')
    } catch (err) {
      if (isVoid(err)) return { lookups: 0, voids: depth > 0 ? 1 : 0, includes: [] }
      complete = false
      if (problems.length < 10) problems.push({ name: `${name} TXT`, error: err })
      return { lookups: 0, voids: 0, includes: [] }
    }
    const { record } = pickSpfRecord(txt)
    if (depth === 0) topRecord = record
    if (!record) return { lookups: 0, voids: 0, includes: [] }
    const terms = record.split(/\s+/).slice(1)
    const hasAll = terms.some((t) => /^[+\-~?]?all$/i.test(t))

    const parts = await Promise.all(
      terms.map(async (raw): Promise<Walk> => {
        const term = raw.replace(/^[+\-~?]/, '')
        const kind = (term.split(/[:/=]/)[0] ?? '').toLowerCase()
        const isRedirect = /^redirect=/i.test(term)
        if (kind === 'include' || (isRedirect && !hasAll)) {
          const sub = isRedirect ? term.slice(term.indexOf('=') + 1).toLowerCase() : target(term, '')
          if (!sub || sub.includes('%')) return { lookups: 1, voids: 0, includes: [] }
          const next = sub.replace(/\.$/, '')
          if (path.includes(next)) {
            // Evaluation would never end; receivers stop at the lookup limit (permerror).
            loop = true
            complete = false
            return { lookups: 1, voids: 0, includes: [] }
          }
          if (depth + 1 > MAX_DEPTH) {
            tooDeep = true
            complete = false
            return { lookups: 1, voids: 0, includes: [] }
          }
          const inner = await walk(next, depth + 1, [...path, next])
          const entry: SpfIncludeCount = {
            domain: sub.replace(/\.$/, ''),
            lookups: 1 + inner.lookups,
            voidLookups: inner.voids,
            kind: isRedirect ? 'redirect' : 'include',
            via: name,
          }
          return { lookups: 1 + inner.lookups, voids: inner.voids, includes: [entry, ...inner.includes] }
        }
        if (term.includes('=')) return { lookups: 0, voids: 0, includes: [] }
        if (kind === 'a' || kind === 'mx' || kind === 'exists') {
          const host = kind === 'exists' ? target(term, '') : target(term, name)
          // Macros expand per message (sender, IP); the term still counts, its answer is unknowable here.
          if (!host || host.includes('%')) return { lookups: 1, voids: 0, includes: [] }
          let outcome: 'data' | 'void' | 'error'
          if (kind === 'a') {
            const [a, aaaa] = await Promise.all([ask(host, 'A'), ask(host, 'AAAA')])
            outcome =
              a === 'data' || aaaa === 'data' ? 'data' : a === 'error' || aaaa === 'error' ? 'error' : 'void'
          } else outcome = await ask(host, kind === 'mx' ? 'MX' : 'A')
          return { lookups: 1, voids: outcome === 'void' ? 1 : 0, includes: [] }
        }
        if (kind === 'ptr') return { lookups: 1, voids: 0, includes: [] }
        return { lookups: 0, voids: 0, includes: [] }
      }),
    )
    return parts.reduce<Walk>(
      (acc, p) => ({
        lookups: acc.lookups + p.lookups,
        voids: acc.voids + p.voids,
        includes: [...acc.includes, ...p.includes],
      }),
      { lookups: 0, voids: 0, includes: [] },
    )
  }

  const total = await walk(domain, 0, [domain])
  const includes = total.includes.slice(0, MAX_INCLUDES)
  return {
    record: topRecord,
    lookups: total.lookups,
    voidLookups: total.voids,
    includes,
    includesMicrosoft365: total.includes.some((i) => i.domain === MICROSOFT365_SPF_INCLUDE),
    complete,
    problems,
    loop,
    tooDeep,
  }
}
