import net from 'node:net'
import { performance } from 'node:perf_hooks'
import { z } from 'zod'
import type { ProbeErrorCode, ProbeFacts } from '../../schema/probe.js'
import {
  createDnsResolver,
  type DnsProbeOptions,
  DomainInput,
  deadlineError,
  dnsDeadlineMs,
  dnsErrorCode,
  dnsErrorMessage,
  IpInput,
} from './resolver.js'

/** The DNSBL part of the probe facts. */
export type DnsblFacts = NonNullable<ProbeFacts['dnsbl']>

/** Block lists asked when none are given: the ones Microsoft 365 support articles name most. */
export const DEFAULT_DNSBL_ZONES = ['zen.spamhaus.org', 'bl.spamcop.net', 'b.barracudacentral.org'] as const

const Zones = z.array(DomainInput).min(1).max(100)

/**
 * The name to query for `ip` in `zone` (RFC 5782 §2.1, §2.4): IPv4 octets reversed,
 * IPv6 as 32 reversed nibbles.
 */
export function dnsblQueryName(ip: string, zone: string): string {
  if (net.isIPv4(ip)) return `${ip.split('.').reverse().join('.')}.${zone}`
  const [head = '', tail = ''] = ip.toLowerCase().split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left
  const hex = groups.map((g) => g.padStart(4, '0')).join('')
  return `${hex.split('').reverse().join('.')}.${zone}`
}

/** 127.255.255.x answers mean "query refused" (Spamhaus: 252 typo, 254 public resolver, 255 rate limit). */
function classify(addresses: string[]): 'listed' | 'refused' | 'odd' {
  if (addresses.every((a) => a.startsWith('127.255.255.'))) return 'refused'
  return addresses.every((a) => a.startsWith('127.')) ? 'listed' : 'odd'
}

type ZoneOutcome =
  | { kind: 'clean' }
  | { kind: 'listed'; codes: string[]; text?: string }
  | { kind: 'error'; message: string; code?: ProbeErrorCode }

/**
 * Looks the IP up in DNS block lists, all zones in parallel (A for the listing, TXT for the
 * reason). A zone that fails, times out or refuses the query is recorded in `errors` and
 * never hides the others; `checked` lists every zone asked. Network outcomes never reject;
 * an invalid IP, zone or option rejects with a ZodError.
 */
export async function probeDnsbl(
  ip: string,
  options: DnsProbeOptions & { zones?: readonly string[] } = {},
): Promise<DnsblFacts> {
  const address = IpInput.parse(ip)
  const zones = [...new Set(Zones.parse(options.zones ?? [...DEFAULT_DNSBL_ZONES]))]
  const ms = dnsDeadlineMs(options)
  const resolver = createDnsResolver(options.resolver, ms)
  const started = performance.now()

  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(deadlineError(ms)), ms)
  })
  expired.catch(() => {})

  const lookupZone = async (zone: string): Promise<ZoneOutcome> => {
    const name = dnsblQueryName(address, zone)
    const a = resolver.resolve4(name)
    const txt = resolver.resolveTxt(name)
    txt.catch(() => {})
    try {
      const addresses = await Promise.race([a, expired])
      const kind = classify(addresses)
      if (kind === 'refused')
        return { kind: 'error', message: `${zone} refused the query (${addresses.join(', ')})` }
      if (kind === 'odd')
        return { kind: 'error', message: `${zone} answered ${addresses.join(', ')}, not 127.0.0.x` }
      let text: string | undefined
      try {
        const rows = await Promise.race([txt, expired])
        text =
          rows
            .map((r) => r.join(''))
            .join(' | ')
            .slice(0, 1024) || undefined
      } catch {
        text = undefined
      }
      return { kind: 'listed', codes: addresses.slice(0, 20), ...(text ? { text } : {}) }
    } catch (err) {
      const code = dnsErrorCode(err)
      if (code === 'DNS_NOT_FOUND') return { kind: 'clean' }
      return { kind: 'error', code, message: dnsErrorMessage(err, name, 'A') }
    }
  }

  const outcomes = await Promise.all(zones.map((zone) => lookupZone(zone)))
  clearTimeout(timer)
  resolver.cancel()

  const facts: DnsblFacts = { ip: address, checked: zones, listed: [], errors: [] }
  outcomes.forEach((outcome, i) => {
    const zone = zones[i] ?? ''
    if (outcome.kind === 'listed')
      facts.listed.push({ zone, codes: outcome.codes, ...(outcome.text ? { text: outcome.text } : {}) })
    if (outcome.kind === 'error')
      facts.errors?.push({ zone, message: outcome.message, ...(outcome.code ? { code: outcome.code } : {}) })
  })
  facts.ms = Math.round((performance.now() - started) * 10) / 10
  return facts
}
