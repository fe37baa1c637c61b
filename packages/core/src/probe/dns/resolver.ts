import { Resolver } from 'node:dns/promises'
import net from 'node:net'
import { domainToASCII } from 'node:url'
import { z } from 'zod'
import type { DnsCheckError } from '../../schema/dns.js'
import type { ProbeErrorCode } from '../../schema/probe.js'

/** The deadline of one DNS probe call when none is given, milliseconds. */
export const DEFAULT_DNS_TIMEOUT_MS = 5000

function isServer(value: string): boolean {
  if (net.isIP(value)) return true
  const v6 = /^\[([0-9a-f:.]+)\]:(\d{1,5})$/i.exec(value)
  if (v6) return net.isIPv6(v6[1] ?? '') && Number(v6[2]) <= 65535
  const v4 = /^([0-9.]+):(\d{1,5})$/.exec(value)
  return v4 !== null && net.isIPv4(v4[1] ?? '') && Number(v4[2]) <= 65535
}

/**
 * Which DNS servers the probes ask and how long they wait. Without `servers` the system's
 * resolvers are used.
 * @example { servers: ['127.0.0.1:5353'], timeoutMs: 2000 }
 */
export const DnsResolverOptions = z
  .object({
    /** `ip`, `ip:port` or `[ipv6]:port`. */
    servers: z
      .array(z.string().max(64).refine(isServer, { message: 'expected ip, ip:port or [ipv6]:port' }))
      .min(1)
      .max(8)
      .optional(),
    /** Deadline of each probe call (all of its queries together), milliseconds. */
    timeoutMs: z.number().int().min(1).max(120_000).optional(),
    /** Attempts per query before the resolver gives up (the deadline still applies). */
    tries: z.number().int().min(1).max(5).optional(),
  })
  .strict()
export type DnsResolverOptions = z.input<typeof DnsResolverOptions>

/** What every DNS probe accepts besides its subject. */
export type DnsProbeOptions = {
  resolver?: DnsResolverOptions
  /** Overrides `resolver.timeoutMs`. */
  timeoutMs?: number
}

/** Deadline in ms for a call: `timeoutMs`, else `resolver.timeoutMs`, else 5 s. */
export function dnsDeadlineMs(options: DnsProbeOptions): number {
  const ms = z.number().int().min(1).max(120_000).optional().parse(options.timeoutMs)
  return ms ?? DnsResolverOptions.parse(options.resolver ?? {}).timeoutMs ?? DEFAULT_DNS_TIMEOUT_MS
}

/**
 * A `node:dns` Resolver set up from the options. Each try waits a third of the deadline, so
 * that a lost UDP packet is retried in time; c-ares backs off between tries, so it gives up
 * after the probe's own deadline, which therefore decides when a call ends.
 */
export function createDnsResolver(options: DnsResolverOptions = {}, deadlineMs?: number): Resolver {
  const o = DnsResolverOptions.parse(options)
  const total = deadlineMs ?? o.timeoutMs ?? DEFAULT_DNS_TIMEOUT_MS
  const tries = o.tries ?? 2
  // With one try there is no back-off to leave room for: the try gets the whole deadline.
  const perTry = tries === 1 ? total : Math.ceil(total / 3)
  const resolver = new Resolver({ timeout: Math.max(20, perTry), tries })
  if (o.servers) resolver.setServers(o.servers)
  return resolver
}

/** A DNS name as the probes accept it: IDNs become punycode, lower case, no trailing dot. */
export const DomainInput = z
  .string()
  .min(1)
  .max(254)
  // domainToASCII drops tabs and line breaks silently; a name with any control character is refused first.
  .refine((value) => !/[\u0000-\u001f\u007f-\u009f]/.test(value), {
    message: 'control characters are not allowed',
  })
  .transform((value, ctx) => {
    const ascii = domainToASCII(value.trim().replace(/\.$/, '')).toLowerCase()
    const ok =
      ascii.length > 0 &&
      ascii.length <= 253 &&
      ascii.split('.').every((l) => /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/.test(l))
    if (!ok) {
      ctx.addIssue({ code: 'custom', message: 'not a valid domain name' })
      return z.NEVER
    }
    return ascii
  })

/** An IPv4 or IPv6 address; IPv4-mapped IPv6 (`::ffff:192.0.2.1`) becomes the IPv4 address. */
export const IpInput = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const v = value.trim().replace(/^\[|\]$/g, '')
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(v)
    const ip = mapped?.[1] ?? v
    if (!net.isIP(ip)) {
      ctx.addIssue({ code: 'custom', message: 'not an IP address' })
      return z.NEVER
    }
    return ip.toLowerCase()
  })

function errCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : ''
}

/** Maps a `node:dns` error to the probe's code. NXDOMAIN and no-data are both "not found". */
export function dnsErrorCode(err: unknown): ProbeErrorCode {
  switch (errCode(err)) {
    case 'ENOTFOUND':
    case 'ENODATA':
      return 'DNS_NOT_FOUND'
    case 'ETIMEOUT':
    case 'ETIMEDOUT':
    case 'ECANCELLED':
      return 'DNS_TIMEOUT'
    default:
      return 'DNS_SERVFAIL'
  }
}

const REASONS: Record<string, string> = {
  ENOTFOUND: 'the name does not exist (NXDOMAIN)',
  ENODATA: 'no records of that type',
  ESERVFAIL: 'the DNS server failed to answer (SERVFAIL)',
  EREFUSED: 'the DNS server refused the query (REFUSED)',
  ECONNREFUSED: 'the DNS server is not reachable (connection refused)',
  ETIMEOUT: 'no answer from the DNS server (timeout)',
  ECANCELLED: 'no answer before the deadline',
  EBADRESP: 'the DNS server sent a malformed answer',
  EFORMERR: 'the DNS server could not parse the query (FORMERR)',
}

/** A short, safe description of a DNS failure for `name` / `type`. */
export function dnsErrorMessage(err: unknown, name: string, type: string): string {
  const code = errCode(err)
  const reason =
    REASONS[code] ?? (code ? `DNS error ${code}` : err instanceof Error ? err.message : String(err))
  return `${name} ${type}: ${reason}`.slice(0, 500)
}

/** The error a probe's own deadline produces; maps to DNS_TIMEOUT. */
export function deadlineError(ms: number): NodeJS.ErrnoException {
  return Object.assign(new Error(`no DNS answer within ${ms} ms`), { code: 'ETIMEOUT' })
}

/**
 * Runs `work` until `ms` have passed; then cancels the resolver's outstanding queries and
 * rejects with an ETIMEOUT error. `work` never becomes an unhandled rejection.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, resolver: Resolver): Promise<T> {
  work.catch(() => {})
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      resolver.cancel()
      reject(deadlineError(ms))
    }, ms)
  })
  try {
    return await Promise.race([work, expired])
  } finally {
    clearTimeout(timer)
  }
}

/** The record types the DNS probes ask for. */
export type RrType = 'A' | 'AAAA' | 'MX' | 'TXT' | 'PTR'

/** One query; resolves like `dns.promises.Resolver#resolve(name, type)`. */
export type DnsQuery = (name: string, type: RrType) => Promise<unknown>

type Outcome = { ok: true; value: unknown } | { ok: false; error: NodeJS.ErrnoException }

function copyError(err: NodeJS.ErrnoException): NodeJS.ErrnoException {
  return Object.assign(new Error(err.message), { code: err.code })
}

/**
 * A query function that asks the network once per (name, type) and hands every caller its
 * own copy of the answer, so two evaluations of the same record (the SPF verdict and the
 * lookup audit) cost one set of queries and cannot mutate each other's results. `count()`
 * is the number of queries sent.
 */
export function memoQuery(resolver: Resolver): DnsQuery & { count(): number } {
  const cache = new Map<string, Promise<Outcome>>()
  const query = (name: string, type: RrType): Promise<unknown> => {
    const key = `${name.toLowerCase()}|${type}`
    let outcome = cache.get(key)
    if (!outcome) {
      outcome = (resolver.resolve(name, type) as Promise<unknown>).then(
        (value): Outcome => ({ ok: true, value }),
        (error: NodeJS.ErrnoException): Outcome => ({ ok: false, error }),
      )
      cache.set(key, outcome)
    }
    return outcome.then((o) => {
      if (!o.ok) throw copyError(o.error)
      return Array.isArray(o.value) ? o.value.map((v) => (Array.isArray(v) ? [...v] : v)) : o.value
    })
  }
  return Object.assign(query, { count: () => cache.size })
}

/** A DNS failure as a check's `error`: the code narrowed to the DNS ones, and the message. */
export function dnsCheckError(err: unknown, name: string, type: string): DnsCheckError {
  const code = dnsErrorCode(err)
  return {
    code: code === 'DNS_NOT_FOUND' || code === 'DNS_TIMEOUT' ? code : 'DNS_SERVFAIL',
    message: dnsErrorMessage(err, name, type),
  }
}
