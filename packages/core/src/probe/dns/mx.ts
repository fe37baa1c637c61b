import { performance } from 'node:perf_hooks'
import type { ProbeFacts } from '../../schema/probe.js'
import {
  createDnsResolver,
  type DnsProbeOptions,
  DomainInput,
  dnsDeadlineMs,
  dnsErrorCode,
  dnsErrorMessage,
  withDeadline,
} from './resolver.js'

/** The MX part of the probe facts. */
export type MxFacts = NonNullable<ProbeFacts['mx']>

/**
 * Host-name suffixes of Microsoft 365's inbound endpoints: the classic
 * `<tenant>.mail.protection.outlook.com` and the DNSSEC/DANE-signed `*.mx.microsoft`.
 */
export const MICROSOFT365_MX_SUFFIXES = ['.mail.protection.outlook.com', '.mx.microsoft'] as const

/** The host is one of Microsoft 365's inbound (MX) endpoints. */
export function isMicrosoft365MxHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '')
  return MICROSOFT365_MX_SUFFIXES.some((suffix) => h.endsWith(suffix))
}

/** Which form of Microsoft 365 inbound endpoint a host is (the caller checked that it is one). */
export function mxEndpointKind(host: string): 'mail.protection.outlook.com' | 'mx.microsoft' {
  return host.toLowerCase().replace(/\.$/, '').endsWith('.mx.microsoft')
    ? 'mx.microsoft'
    : 'mail.protection.outlook.com'
}

/**
 * Looks up the domain's MX records: hosts sorted by preference, and whether the preferred one
 * is Microsoft 365. DNS failures become `error` (DNS_NOT_FOUND for NXDOMAIN or no MX,
 * DNS_SERVFAIL, DNS_TIMEOUT at the deadline); network outcomes never reject. An invalid
 * domain or option rejects with a ZodError.
 */
export async function probeMx(domain: string, options: DnsProbeOptions = {}): Promise<MxFacts> {
  const name = DomainInput.parse(domain)
  const ms = dnsDeadlineMs(options)
  const resolver = createDnsResolver(options.resolver, ms)
  const started = performance.now()
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10
  try {
    const records = await withDeadline(resolver.resolveMx(name), ms, resolver)
    const hosts = records
      .map((r) => ({
        exchange: r.exchange.toLowerCase().replace(/\.$/, '').slice(0, 253),
        priority: r.priority,
      }))
      .sort((a, b) => a.priority - b.priority || a.exchange.localeCompare(b.exchange))
      .slice(0, 50)
    const preferred = hosts[0]?.exchange
    if (preferred === undefined) {
      return {
        domain: name,
        hosts,
        isMicrosoft365: false,
        ms: elapsed(),
        error: { stage: 'dns', code: 'DNS_NOT_FOUND', message: `${name} MX: no records of that type` },
      }
    }
    // The endpoint is taken from DNS as it stands: *.mx.microsoft names carry a per-tenant
    // part that cannot be derived from the domain, so it is never built by hand.
    const endpoint = hosts.find((h) => isMicrosoft365MxHost(h.exchange))?.exchange
    return {
      domain: name,
      hosts,
      isMicrosoft365: isMicrosoft365MxHost(preferred),
      preferred,
      ...(endpoint ? { endpoint, endpointKind: mxEndpointKind(endpoint) } : {}),
      ms: elapsed(),
    }
  } catch (err) {
    return {
      domain: name,
      hosts: [],
      isMicrosoft365: false,
      ms: elapsed(),
      error: { stage: 'dns', code: dnsErrorCode(err), message: dnsErrorMessage(err, name, 'MX') },
    }
  }
}
