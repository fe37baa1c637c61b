export { type DkimFacts, isMicrosoft365DkimTarget, MICROSOFT365_DKIM_SELECTORS, probeDkim } from './dkim.js'
export { type DmarcFacts, dmarcTags, organisationalDomain, probeDmarc } from './dmarc.js'
export { DEFAULT_DNSBL_ZONES, type DnsblFacts, dnsblQueryName, probeDnsbl } from './dnsbl.js'
export {
  isMicrosoft365MxHost,
  MICROSOFT365_MX_SUFFIXES,
  type MxFacts,
  mxEndpointKind,
  probeMx,
} from './mx.js'
export {
  DNS_CHECKS,
  type DnsCheck,
  type DnsCheckEvent,
  type DnsFacts,
  type DnsProbeInput,
  FromDomain,
  probeDns,
} from './probe-dns.js'
export {
  createDnsResolver,
  DEFAULT_DNS_TIMEOUT_MS,
  type DnsProbeOptions,
  DnsResolverOptions,
  DomainInput,
  dnsErrorCode,
  IpInput,
} from './resolver.js'
export { auditSpfRecord, probeSpf, SpfAuditInput, type SpfFacts, SpfProbeInput } from './spf.js'
export { MICROSOFT365_SPF_INCLUDE, SPF_LOOKUP_LIMIT, SPF_VOID_LOOKUP_LIMIT } from './spf-audit.js'
