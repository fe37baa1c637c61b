import { promises as dns } from 'node:dns'
import net from 'node:net'
import { dnsFailure, ProbeFailure } from './errors.js'

/** A getaddrinfo-style lookup (like `dns.promises.lookup(host, { all: true })`). Injectable for tests. */
export type LookupFn = (hostname: string) => Promise<ReadonlyArray<{ address: string; family?: number }>>

/** A DNS resolver (a `dns.promises.Resolver` pointed at a test server fits). */
export type ResolverLike = {
  resolve4(hostname: string): Promise<string[]>
  resolve6(hostname: string): Promise<string[]>
}

/** How the probe turns a host name into addresses. */
export type ResolveOptions = { lookup?: LookupFn; resolver?: ResolverLike }

const systemLookup: LookupFn = (hostname) => dns.lookup(hostname, { all: true, verbatim: true })

async function viaResolver(resolver: ResolverLike, hostname: string): Promise<string[]> {
  const [v4, v6] = await Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)])
  const out = [...(v4.status === 'fulfilled' ? v4.value : []), ...(v6.status === 'fulfilled' ? v6.value : [])]
  if (out.length > 0) return out
  throw v4.status === 'rejected'
    ? v4.reason
    : v6.status === 'rejected'
      ? v6.reason
      : Object.assign(new Error('no addresses'), { code: 'ENODATA' })
}

/** Resolves `host` to addresses (IPv4 first) until `deadline`; IP literals pass through. */
export async function resolveHost(
  host: string,
  options: ResolveOptions,
  deadline: number,
): Promise<string[]> {
  const literal = host.replace(/^\[|\]$/g, '')
  if (net.isIP(literal)) return [literal]
  const work: Promise<string[]> = options.lookup
    ? options.lookup(host).then((list) => list.map((a) => a.address))
    : options.resolver
      ? viaResolver(options.resolver, host)
      : systemLookup(host).then((list) => list.map((a) => a.address))
  let timer: NodeJS.Timeout | undefined
  const wait = Math.max(0, deadline - Date.now())
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeFailure('DNS_TIMEOUT', `no DNS answer within ${wait} ms`)), wait)
  })
  // A lookup still running after the timeout must not surface as an unhandled rejection.
  work.catch(() => {})
  try {
    const addresses = await Promise.race([work, timeout])
    const valid = addresses.filter((a) => net.isIP(a) !== 0)
    if (valid.length === 0) throw new ProbeFailure('DNS_NOT_FOUND', `${host} has no addresses`)
    return [...valid.filter((a) => net.isIPv4(a)), ...valid.filter((a) => net.isIPv6(a))].slice(0, 64)
  } catch (err) {
    throw dnsFailure(err)
  } finally {
    clearTimeout(timer)
  }
}
