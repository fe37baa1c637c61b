export { DEFAULT_DNSBL_ZONES, type DnsblFacts, dnsblQueryName, probeDnsbl } from './dnsbl.js'
export { isMicrosoft365MxHost, MICROSOFT365_MX_SUFFIXES, type MxFacts, probeMx } from './mx.js'
export { type DnsFacts, type DnsProbeInput, probeDns } from './probe-dns.js'
export {
  createDnsResolver,
  DEFAULT_DNS_TIMEOUT_MS,
  type DnsProbeOptions,
  DnsResolverOptions,
  dnsErrorCode,
} from './resolver.js'
export { probeSpf, type SpfFacts, SpfProbeInput } from './spf.js'
export { MICROSOFT365_SPF_INCLUDE, SPF_LOOKUP_LIMIT, SPF_VOID_LOOKUP_LIMIT } from './spf-audit.js'
