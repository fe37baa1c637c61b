import { promises as dns } from 'node:dns'
import net from 'node:net'

/**
 * The Microsoft 365 endpoints the probe may reach by default (the MX endpoints in both forms), on the ports devices are set to
 * (465 and the MX endpoint's 587 only to show why they fail) — never any port, so the API
 * cannot be used to scan these hosts.
 */
export const DEFAULT_PROBE_ALLOW = [
  'smtp.office365.com:587',
  'smtp.office365.com:25',
  'smtp.office365.com:465',
  'smtp-legacy.office365.com:587',
  'smtp-legacy.office365.com:25',
  '*.mail.protection.outlook.com:25',
  '*.mail.protection.outlook.com:587',
  // The MX endpoints of DNSSEC (DANE) domains: `<tenant>.<x>-v1.mx.microsoft`, port 25 only.
  '*.mx.microsoft:25',
] as const

/** One allow-list entry, parsed. */
export type AllowEntry = {
  /** Lower-case host name without a trailing dot, or a canonical IP literal. */
  host: string
  /** `*.suffix` entries match any name below `suffix` (never `suffix` itself). */
  wildcard: boolean
  /** The entry names an IP address rather than a host name. */
  ip: boolean
  /** Allowed port; undefined allows any. */
  port: number | undefined
  /**
   * Addresses outside the public internet (loopback, private, link-local…) are allowed for this
   * entry. True only for exact (non-wildcard) entries added by configuration — never for defaults.
   */
  allowPrivate: boolean
}

/** A getaddrinfo-style lookup, injectable for tests. */
export type GuardLookup = (hostname: string) => Promise<ReadonlyArray<{ address: string; family?: number }>>

/** Why a target was refused (stable, part of the problem detail). */
export type DenyReason =
  | 'invalid-host'
  | 'ip-literal'
  | 'not-allowed'
  | 'port-not-allowed'
  | 'resolution-failed'
  | 'non-public-address'

/** Thrown when the target may not be probed. */
export class ProbeTargetDenied extends Error {
  constructor(
    readonly reason: DenyReason,
    message: string,
  ) {
    super(message)
    this.name = 'ProbeTargetDenied'
  }
}

/** A target that passed the guard: connect only to `addresses`. */
export type CheckedTarget = {
  /** Normalised host (lower case, no trailing dot, no brackets). */
  host: string
  port: number
  addresses: string[]
  /** A lookup that answers only the checked addresses, so the probe cannot re-resolve. */
  lookup: GuardLookup
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/
// Any last label that inet_aton / WHATWG URL would read as a number turns the name into an IPv4 literal.
const NUMERIC_LABEL = /^(?:0x[0-9a-f]*|[0-9]+)$/i

function canonicalIp(literal: string): string | null {
  const kind = net.isIP(literal)
  if (kind === 4) return literal
  if (kind === 6) {
    // The URL parser prints IPv6 in RFC 5952 form, so `::1` and `0:0:0:0:0:0:0:1` compare equal.
    try {
      return new URL(`http://[${literal}]/`).hostname.slice(1, -1)
    } catch {
      return null
    }
  }
  return null
}

type ParsedHost = { kind: 'name'; host: string } | { kind: 'ip'; host: string } | { kind: 'invalid' }

/**
 * Classifies a host as typed: a DNS name, a canonical IP literal, or anything else (invalid).
 * IPv4 in other notations (decimal, hex, octal, short) and names ending in a numeric label are
 * not names: they are reported as `ip` with a non-canonical host, which never matches an entry.
 */
export function parseHost(raw: string): ParsedHost {
  let host = raw.trim()
  if (host.length === 0 || host.length > 255) return { kind: 'invalid' }
  if (host.startsWith('[') && host.endsWith(']')) {
    const ip = canonicalIp(host.slice(1, -1))
    return ip && net.isIPv6(ip) ? { kind: 'ip', host: ip } : { kind: 'invalid' }
  }
  const ip = canonicalIp(host)
  if (ip) return { kind: 'ip', host: ip }
  // Anything with characters outside LDH + dot (ports, zone ids, userinfo, unicode digits…) is refused.
  if (!/^[A-Za-z0-9.-]+$/.test(host)) return { kind: 'invalid' }
  host = host.toLowerCase()
  if (host.endsWith('.')) host = host.slice(0, -1)
  if (host.length === 0 || host.length > 253) return { kind: 'invalid' }
  const labels = host.split('.')
  if (!labels.every((l) => LABEL.test(l))) return { kind: 'invalid' }
  if (NUMERIC_LABEL.test(labels[labels.length - 1] as string)) return { kind: 'ip', host: `~${host}` }
  return { kind: 'name', host }
}

/**
 * Parses `host[:port]` entries (`*.suffix` wildcards allowed; IPv6 as `[addr]:port`).
 * @param allowPrivate whether exact entries may reach non-public addresses (true for configured entries).
 */
export function parseAllowList(entries: Iterable<string>, allowPrivate: boolean): AllowEntry[] {
  const out: AllowEntry[] = []
  for (const rawEntry of entries) {
    const entry = rawEntry.trim()
    if (!entry) continue
    let hostPart = entry
    let port: number | undefined
    const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
    if (bracket) {
      hostPart = `[${bracket[1]}]`
      port = bracket[2] === undefined ? undefined : Number(bracket[2])
    } else if (net.isIPv6(entry)) {
      hostPart = entry
    } else {
      const m = /^(.*?)(?::(\d+))?$/.exec(entry)
      hostPart = m?.[1] ?? entry
      port = m?.[2] === undefined ? undefined : Number(m[2])
    }
    if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
      throw new Error(`probe allow-list: bad port in "${entry}"`)
    }
    const wildcard = hostPart.startsWith('*.')
    const parsed = parseHost(wildcard ? hostPart.slice(2) : hostPart)
    if (parsed.kind === 'invalid' || (parsed.kind === 'ip' && (wildcard || parsed.host.startsWith('~')))) {
      throw new Error(`probe allow-list: bad entry "${entry}"`)
    }
    out.push({
      host: parsed.host,
      wildcard,
      ip: parsed.kind === 'ip',
      port,
      allowPrivate: allowPrivate && !wildcard,
    })
  }
  return out
}

/** Parses `SMTP_DOCTOR_PROBE_ALLOW` (comma-separated `host[:port]`). */
export function allowListFromEnv(value: string | undefined): AllowEntry[] {
  return parseAllowList((value ?? '').split(','), true)
}

// Addresses that are not on the public internet (IANA special-purpose registries).
const nonPublic = new net.BlockList()
for (const [net4, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.31.196.0', 24],
  ['192.52.193.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['192.175.48.0', 24],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  nonPublic.addSubnet(net4, prefix, 'ipv4')
}
// Within IPv6 only global unicast (2000::/3) is public; inside it, these blocks embed IPv4
// (6to4, Teredo) or are reserved for protocols and documentation.
const globalUnicast6 = new net.BlockList()
globalUnicast6.addSubnet('2000::', 3, 'ipv6')
const special6 = new net.BlockList()
for (const [net6, prefix] of [
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['3fff::', 20],
] as const) {
  special6.addSubnet(net6, prefix, 'ipv6')
}

/** Whether `address` is a public unicast address (not private, loopback, link-local, CGNAT, multicast, reserved, mapped). */
export function isPublicAddress(address: string): boolean {
  const kind = net.isIP(address)
  if (kind === 4) return !nonPublic.check(address, 'ipv4')
  if (kind === 6) {
    const canonical = canonicalIp(address)
    if (!canonical) return false
    return globalUnicast6.check(canonical, 'ipv6') && !special6.check(canonical, 'ipv6')
  }
  return false
}

function matches(entry: AllowEntry, host: string, port: number): boolean {
  if (entry.port !== undefined && entry.port !== port) return false
  if (entry.wildcard) return host.endsWith(`.${entry.host}`)
  return host === entry.host
}

const systemLookup: GuardLookup = (hostname) => dns.lookup(hostname, { all: true, verbatim: true })

/** Options of `checkTarget`. */
export type CheckOptions = {
  allow: readonly AllowEntry[]
  /** Resolver used for the check (default: the system's getaddrinfo). */
  lookup?: GuardLookup
  /** Bound on the resolution. */
  timeoutMs: number
}

async function resolveBounded(lookup: GuardLookup, host: string, timeoutMs: number): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined
  const work = lookup(host).then((list) => list.map((a) => a.address))
  work.catch(() => {})
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Decides whether the probe may connect to `host:port`. The name is checked against the
 * allow-list before resolution; every resolved address is checked after it; the answer pins
 * the checked addresses so the probe connects to exactly those (no DNS rebinding).
 * @throws ProbeTargetDenied
 */
export async function checkTarget(
  rawHost: string,
  port: number,
  options: CheckOptions,
): Promise<CheckedTarget> {
  const parsed = parseHost(rawHost)
  if (parsed.kind === 'invalid')
    throw new ProbeTargetDenied('invalid-host', 'the host is not a valid DNS name')
  const candidates = options.allow.filter(
    (e) => e.ip === (parsed.kind === 'ip') && matches(e, parsed.host, port),
  )
  const byName = options.allow.filter(
    (e) =>
      e.ip === (parsed.kind === 'ip') &&
      (e.wildcard ? parsed.host.endsWith(`.${e.host}`) : e.host === parsed.host),
  )
  if (candidates.length === 0) {
    if (byName.length > 0)
      throw new ProbeTargetDenied('port-not-allowed', `port ${port} is not allowed for this host`)
    if (parsed.kind === 'ip') {
      throw new ProbeTargetDenied('ip-literal', 'IP address literals are not allowed as probe targets')
    }
    throw new ProbeTargetDenied('not-allowed', 'the host is not on the probe allow-list')
  }
  const allowPrivate = candidates.some((e) => e.allowPrivate)
  let addresses: string[]
  if (parsed.kind === 'ip') {
    addresses = [parsed.host]
  } else {
    try {
      addresses = await resolveBounded(options.lookup ?? systemLookup, parsed.host, options.timeoutMs)
    } catch {
      throw new ProbeTargetDenied('resolution-failed', 'the host name could not be resolved')
    }
    addresses = addresses.filter((a) => net.isIP(a) !== 0).slice(0, 64)
    if (addresses.length === 0)
      throw new ProbeTargetDenied('resolution-failed', 'the host name has no addresses')
  }
  // One non-public answer poisons the whole set: a rebinding resolver mixes them on purpose.
  if (!allowPrivate && !addresses.every(isPublicAddress)) {
    throw new ProbeTargetDenied('non-public-address', 'the host resolves to a non-public address')
  }
  const pinned = addresses.map((address) => ({ address, family: net.isIP(address) }))
  return { host: parsed.host, port, addresses, lookup: async () => pinned }
}
