import { performance } from 'node:perf_hooks'
import { z } from 'zod'
import type { ProbeFacts } from '../../schema/probe.js'
import { probeDkim } from './dkim.js'
import { probeDmarc } from './dmarc.js'
import { probeDnsbl } from './dnsbl.js'
import { probeMx } from './mx.js'
import { type DnsProbeOptions, DomainInput, IpInput } from './resolver.js'
import { auditSpfRecord, loadMailauth, probeSpf } from './spf.js'

/** The DNS checks `probeDns` runs, in the order they are shown. */
export const DNS_CHECKS = ['mx', 'spf', 'dmarc', 'dkim', 'dnsbl'] as const
export type DnsCheck = (typeof DNS_CHECKS)[number]

/** The DNS parts of the probe facts. */
export type DnsFacts = Pick<ProbeFacts, DnsCheck>

/** One finished check, as `onCheck` reports it. */
export type DnsCheckEvent = {
  [K in DnsCheck]: { check: K; ms: number; facts: NonNullable<DnsFacts[K]> }
}[DnsCheck]

/** What `probeDns` looks at; each check runs when its inputs are there. */
export type DnsProbeInput = DnsProbeOptions & {
  /** The tenant domain: MX, and SPF/DMARC/DKIM unless `from` names another domain. */
  domain?: string
  /** The from-address (envelope and header) the device uses: its domain is the SPF, DMARC and DKIM subject. */
  from?: string
  /** The sending IP: the SPF verdict (with a domain; without an IP the record is audited only) and DNS block lists. */
  ip?: string
  /** The name the device sends in EHLO (SPF macros). */
  helo?: string
  /** Block lists to ask; the defaults when left out. */
  zones?: readonly string[]
  /** Called as each check finishes (they run in parallel), for live progress. */
  onCheck?: (event: DnsCheckEvent) => void
}

/** The domain of an address (`scanner@contoso.com` → `contoso.com`), validated as a DNS name. */
export const FromDomain = z
  .string()
  .max(320)
  .transform((value, ctx) => {
    const at = value.lastIndexOf('@')
    const domain = DomainInput.safeParse(at >= 0 ? value.slice(at + 1) : '')
    if (at <= 0 || !domain.success) {
      ctx.addIssue({ code: 'custom', message: 'not an e-mail address with a valid domain' })
      return z.NEVER
    }
    return domain.data
  })

/**
 * Runs the DNS checks the inputs allow — MX of the domain; SPF (for the IP), DMARC and DKIM
 * selectors of the from-domain (else the domain); DNS block lists for the IP — all in
 * parallel, each under the same deadline and only against the configured resolver.
 * Network failures are facts, never rejections; invalid input rejects with a ZodError
 * before any query is sent.
 */
export async function probeDns(input: DnsProbeInput): Promise<DnsFacts> {
  const options: DnsProbeOptions = {
    ...(input.resolver ? { resolver: input.resolver } : {}),
    ...(input.timeoutMs !== undefined ? { timeoutMs: input.timeoutMs } : {}),
  }
  const domain = input.domain === undefined ? undefined : DomainInput.parse(input.domain)
  const fromDomain = input.from === undefined ? undefined : FromDomain.parse(input.from)
  const ip = input.ip === undefined ? undefined : IpInput.parse(input.ip)
  const mailDomain = fromDomain ?? domain
  // Module loading blocks the event loop; done first, it does not show as slow DNS answers.
  if (mailDomain && ip) await loadMailauth()
  const started = performance.now()
  const facts: DnsFacts = {}

  const run = <K extends DnsCheck>(check: K, work: Promise<NonNullable<DnsFacts[K]>> | undefined) =>
    work?.then((result) => {
      facts[check] = result
      const ms = Math.round((performance.now() - started) * 10) / 10
      input.onCheck?.({ check, ms, facts: result } as DnsCheckEvent)
    })

  await Promise.all([
    run('mx', domain ? probeMx(domain, options) : undefined),
    run(
      'spf',
      // Without an IP there is no verdict, but the record's limits and includes are still checked.
      mailDomain && ip
        ? probeSpf({ domain: mailDomain, ip, ...(input.helo ? { helo: input.helo } : {}), ...options })
        : mailDomain
          ? auditSpfRecord({ domain: mailDomain, ...options })
          : undefined,
    ),
    run('dmarc', mailDomain ? probeDmarc(mailDomain, options) : undefined),
    run('dkim', mailDomain ? probeDkim(mailDomain, options) : undefined),
    run(
      'dnsbl',
      ip ? probeDnsbl(ip, { ...options, ...(input.zones ? { zones: input.zones } : {}) }) : undefined,
    ),
  ])
  // The same key order whichever check finished first.
  const ordered: DnsFacts = {}
  for (const check of DNS_CHECKS) if (facts[check]) Object.assign(ordered, { [check]: facts[check] })
  return ordered
}
