export { defaultDnsZone, SIM_DNS } from './default-zone.js'
export { type DnsQueryLogEntry, type DnsServerHandle, startDnsServer } from './server.js'
export { DnsFault, DnsName, DnsNameEntry, DnsZone, type DnsZoneInput } from './zone.js'
