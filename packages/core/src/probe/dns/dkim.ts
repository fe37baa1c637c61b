import { performance } from 'node:perf_hooks'
import type { DkimFacts } from '../../schema/dns.js'
import {
  createDnsResolver,
  type DnsProbeOptions,
  DomainInput,
  dnsCheckError,
  dnsDeadlineMs,
  dnsErrorCode,
  withDeadline,
} from './resolver.js'

export type { DkimFacts }

/** The two selectors Microsoft 365 signs a custom domain with; it rotates between them. */
export const MICROSOFT365_DKIM_SELECTORS = ['selector1', 'selector2'] as const

/**
 * The CNAME target is a key name Microsoft 365 publishes: `…._domainkey.<tenant>.onmicrosoft.com`
 * (older tenants) or `…._domainkey.<tenant>.<x>-v1.dkim.mail.microsoft` (newer ones).
 */
export function isMicrosoft365DkimTarget(target: string): boolean {
  const t = target.toLowerCase().replace(/\.$/, '')
  return (
    /\._domainkey\.[a-z0-9-]+\.onmicrosoft\.com$/.test(t) ||
    /\._domainkey\..+\.dkim\.mail\.microsoft$/.test(t)
  )
}

type Selector = DkimFacts['selectors'][number]

/**
 * Looks up Microsoft 365's DKIM selectors of the domain: whether `selector1._domainkey` and
 * `selector2._domainkey` are CNAMEs to Microsoft 365 key names, and whether a key answers
 * through them. Both selectors are asked in parallel under one deadline; a failure of one is
 * recorded on it and never hides the other. Network outcomes never reject; an invalid domain
 * rejects with a ZodError.
 */
export async function probeDkim(domain: string, options: DnsProbeOptions = {}): Promise<DkimFacts> {
  const name = DomainInput.parse(domain)
  const ms = dnsDeadlineMs(options)
  const resolver = createDnsResolver(options.resolver, ms)
  const started = performance.now()

  const one = async (selector: string): Promise<Selector> => {
    const qname = `${selector}._domainkey.${name}`
    const entry: Selector = { selector, name: qname, microsoft365: false }
    try {
      const [target] = await resolver.resolveCname(qname)
      if (target) {
        entry.cname = target.toLowerCase().replace(/\.$/, '').slice(0, 253)
        entry.microsoft365 = isMicrosoft365DkimTarget(entry.cname)
      }
    } catch (err) {
      if (dnsErrorCode(err) !== 'DNS_NOT_FOUND') {
        entry.error = dnsCheckError(err, qname, 'CNAME')
        return entry
      }
    }
    try {
      const rows = await resolver.resolveTxt(qname)
      entry.keyPublished = rows.some((r) => /(^|;)\s*p\s*=\s*[A-Za-z0-9+/]/.test(r.join('')))
    } catch (err) {
      if (dnsErrorCode(err) === 'DNS_NOT_FOUND') entry.keyPublished = false
      else entry.error = dnsCheckError(err, entry.cname ?? qname, 'TXT')
    }
    return entry
  }

  const work = Promise.all(MICROSOFT365_DKIM_SELECTORS.map((s) => one(s)))
  let selectors: Selector[]
  try {
    selectors = await withDeadline(work, ms, resolver)
  } catch (err) {
    selectors = MICROSOFT365_DKIM_SELECTORS.map((selector) => {
      const qname = `${selector}._domainkey.${name}`
      return { selector, name: qname, microsoft365: false, error: dnsCheckError(err, qname, 'CNAME') }
    })
  }
  return {
    domain: name,
    selectors,
    microsoft365Ready: selectors.every((s) => s.microsoft365),
    ...(selectors.some((s) => s.error) ? { lookupFailed: true } : {}),
    ms: Math.round((performance.now() - started) * 10) / 10,
  }
}
