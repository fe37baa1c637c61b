import type { ProbeFacts } from '../../schema/probe.js'
import { probeDnsbl } from './dnsbl.js'
import { probeMx } from './mx.js'
import type { DnsProbeOptions } from './resolver.js'
import { probeSpf } from './spf.js'

/** What `probeDns` looks at; each part runs when its inputs are there. */
export type DnsProbeInput = DnsProbeOptions & {
  /** The tenant / envelope-from domain: MX, and SPF when `ip` is given too. */
  domain?: string
  /** The sending IP: SPF (with `domain`) and DNS block lists. */
  ip?: string
  /** The name the device sends in EHLO (SPF macros). */
  helo?: string
  /** Block lists to ask; the defaults when left out. */
  zones?: readonly string[]
}

/** The DNS parts of the probe facts. */
export type DnsFacts = Pick<ProbeFacts, 'mx' | 'spf' | 'dnsbl'>

/**
 * Runs the MX, SPF and DNSBL probes in parallel, each under the same deadline, and returns
 * their parts of the probe facts. Network failures are facts, never rejections.
 */
export async function probeDns(input: DnsProbeInput): Promise<DnsFacts> {
  const options: DnsProbeOptions = {
    ...(input.resolver ? { resolver: input.resolver } : {}),
    ...(input.timeoutMs !== undefined ? { timeoutMs: input.timeoutMs } : {}),
  }
  const { domain, ip } = input
  const [mx, spf, dnsbl] = await Promise.all([
    domain ? probeMx(domain, options) : undefined,
    domain && ip
      ? probeSpf({ domain, ip, ...(input.helo ? { helo: input.helo } : {}), ...options })
      : undefined,
    ip ? probeDnsbl(ip, { ...options, ...(input.zones ? { zones: input.zones } : {}) }) : undefined,
  ])
  const facts: DnsFacts = {}
  if (mx) facts.mx = mx
  if (spf) facts.spf = spf
  if (dnsbl) facts.dnsbl = dnsbl
  return facts
}
