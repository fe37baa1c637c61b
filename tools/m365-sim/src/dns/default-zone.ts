import { DnsZone, type DnsZoneInput } from './zone.js'

/**
 * The addresses and names the default zone is built around, so tests and demos name
 * them instead of repeating literals. Every sending IP is from the documentation ranges
 * (RFC 5737 / RFC 3849); the hosts the simulator itself serves resolve to loopback.
 */
export const SIM_DNS = {
  /** The tenant: MX on Microsoft 365, SPF `ip4:203.0.113.10 include:spf.protection.outlook.com -all`. */
  tenantDomain: 'contoso.com',
  tenantMx: 'contoso-com.mail.protection.outlook.com',
  /** The office's static public IP, listed in contoso.com's SPF. */
  officeIp: '203.0.113.10',
  /** An address inside the stand-in for Exchange Online's outbound range (spf.protection.outlook.com). */
  microsoftIp: '192.0.2.33',
  /** An address nobody's SPF lists and no block list knows. */
  cleanIp: '198.51.100.20',
  /** An address listed on every block list of the zone. */
  listedIp: '198.51.100.7',
  listedIpv6: '2001:db8::7',
  /** SPF `include:spf.protection.outlook.com ~all`: softfail for others. */
  softfailDomain: 'fabrikam.com',
  /** SPF needs 12 DNS lookups (RFC 7208 limit: 10). */
  tooManyLookupsDomain: 'adatum.com',
  /** adatum.com's own A record: the first term matches, before the limit is reached. */
  adatumIp: '203.0.113.40',
  /** SPF with three `a`/`mx` terms whose names do not exist (limit: 2 void lookups). */
  voidLookupsDomain: 'northwindtraders.com',
  /** SPF includes a name whose server fails (temperror). */
  brokenIncludeDomain: 'litwareinc.com',
  /** No SPF record at all. */
  noSpfDomain: 'wingtiptoys.com',
  /** MX on its own servers, not Microsoft 365 (mx1 preferred, mx2 backup). */
  foreignMxDomain: 'tailspintoys.com',
  foreignMxHosts: ['mx1.tailspintoys.com', 'mx2.tailspintoys.com'],
  /** mx1.tailspintoys.com's address (passes tailspintoys.com's `mx` term). */
  foreignMxIp: '198.51.100.25',
  /** Every name at or below these answers SERVFAIL / never answers / NXDOMAIN. */
  servfailDomain: 'servfail.example',
  timeoutDomain: 'timeout.example',
  nxdomainDomain: 'nxdomain.example',
  /** An address nobody's SPF lists and no block list knows: the relay's IP in the CLI/API tests. */
  relayIp: '203.0.113.7',
  /** DMARC `p=reject` (contoso.com, the tenant, publishes it). */
  dmarcRejectDomain: 'contoso.com',
  /** DMARC `p=none`; no DKIM selectors (fabrikam.com). */
  dmarcNoneDomain: 'fabrikam.com',
  /** MX on a DNSSEC-signed `*.mx.microsoft` host, DKIM on `*.dkim.mail.microsoft`. */
  dnssecMxDomain: 'relecloud.com',
  dnssecMx: 'relecloud-com.c-v1.mx.microsoft',
  /** MX on Microsoft 365, SPF without `include:spf.protection.outlook.com`. */
  spfWithoutMicrosoftDomain: 'fourthcoffee.com',
  /** SPF needs exactly 11 DNS lookups (one over the limit). */
  elevenLookupsDomain: 'alpineskihouse.com',
  /** SPF is a chain of 50 nested includes. */
  chainedIncludesDomain: 'proseware.com',
  chainLength: 50,
  /** SPF includes lead back to the domain (an include loop). */
  includeLoopDomain: 'woodgrovebank.com',
  /** SPF record of about 4 KB (split into 255-byte strings; UDP truncates, the resolver retries over TCP). */
  longSpfDomain: 'lucernepublishing.com',
  /** Block lists that answer. */
  dnsblZones: ['zen.spamhaus.example', 'bl.example'],
  /** A block list whose server never answers. */
  timeoutDnsblZone: 'timeout-bl.example',
  /** A block list that refuses the query (answers 127.255.255.254, as Spamhaus does for public resolvers). */
  refusingDnsblZone: 'refused-bl.example',
} as const

/** The reversed-nibble form of an IPv6 address, as DNS block lists are queried (RFC 5782 §2.4). */
function nibbles(ipv6: string): string {
  const [head = '', tail = ''] = ipv6.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
  return groups
    .map((g) => g.padStart(4, '0'))
    .join('')
    .split('')
    .reverse()
    .join('.')
}

const reversed = (ipv4: string): string => ipv4.split('.').reverse().join('.')

const M365_SPF = 'v=spf1 ip4:192.0.2.0/25 ip6:2001:db8:f400::/48 -all'

/** Microsoft 365's DKIM CNAMEs for a domain, pointing at key names that answer in this zone. */
function dkimM365(domain: string, keyHost: string): DnsZoneInput['names'] {
  const dashed = domain.replace(/\./g, '-')
  const names: DnsZoneInput['names'] = {}
  for (const selector of ['selector1', 'selector2']) {
    const target = `${selector}-${dashed}._domainkey.${keyHost}`
    names[`${selector}._domainkey.${domain}`] = { CNAME: target }
    // A stand-in public key: DKIM is not verified here, only that one is published.
    names[target] = { TXT: [`v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${selector}sim`] }
  }
  return names
}

/** proseware.com → _spf1.proseware.com → … → _spf50.proseware.com (each one include deeper). */
function chainedIncludes(domain: string, length: number): DnsZoneInput['names'] {
  const names: DnsZoneInput['names'] = {
    [domain]: { TXT: [`v=spf1 include:_spf1.${domain} -all`] },
  }
  for (let i = 1; i <= length; i++) {
    names[`_spf${i}.${domain}`] = {
      TXT: [i < length ? `v=spf1 include:_spf${i + 1}.${domain} ~all` : 'v=spf1 ip4:198.51.100.200 ~all'],
    }
  }
  return names
}

/** An SPF record of ip4 terms (RFC 2544's benchmark range), just over 4000 characters. */
function longSpf(): string {
  const terms: string[] = []
  let record = 'v=spf1 include:spf.protection.outlook.com -all'
  for (let i = 0; record.length < 4000; i++) {
    terms.push(`ip4:198.18.${Math.floor(i / 256)}.${i % 256}`)
    record = `v=spf1 ${terms.join(' ')} include:spf.protection.outlook.com -all`
  }
  return record
}

const zone: DnsZoneInput = {
  ttl: 300,
  names: {
    // ── Microsoft 365 endpoints the simulator serves: loopback ──
    'smtp.office365.com': { A: ['127.0.0.1'] },
    'smtp-legacy.office365.com': { A: ['127.0.0.1'] },
    'contoso-com.mail.protection.outlook.com': { A: ['127.0.0.1'] },
    'fabrikam-com.mail.protection.outlook.com': { A: ['127.0.0.1'] },
    'adatum-com.mail.protection.outlook.com': { A: ['127.0.0.1'] },
    'northwindtraders-com.mail.protection.outlook.com': { A: ['127.0.0.1'] },
    'litwareinc-com.mail.protection.outlook.com': { A: ['127.0.0.1'] },
    'wingtiptoys-com.mail.protection.outlook.com': { A: ['127.0.0.1'] },
    'spf.protection.outlook.com': { TXT: [M365_SPF] },

    // ── contoso.com: the tenant, set up as Microsoft documents it ──
    'contoso.com': {
      A: ['203.0.113.80'],
      MX: [{ exchange: 'contoso-com.mail.protection.outlook.com', priority: 0 }],
      TXT: ['MS=ms47110815', 'v=spf1 ip4:203.0.113.10 include:spf.protection.outlook.com -all'],
    },
    'autodiscover.contoso.com': { A: ['203.0.113.80'] },

    // ── fabrikam.com: softfail ──
    'fabrikam.com': {
      MX: [{ exchange: 'fabrikam-com.mail.protection.outlook.com', priority: 0 }],
      TXT: ['v=spf1 include:spf.protection.outlook.com ~all'],
    },

    // ── adatum.com: an SPF record that grew one vendor at a time (12 lookups) ──
    'adatum.com': {
      A: ['203.0.113.40'],
      MX: [{ exchange: 'adatum-com.mail.protection.outlook.com', priority: 0 }],
      TXT: [
        'v=spf1 a mx include:spf.protection.outlook.com include:_spf.crm.example include:mailer.example ' +
          'include:_spf.google.example include:servers.mcsv.example -all',
      ],
    },
    '_spf.crm.example': { TXT: ['v=spf1 include:_spf1.crm.example include:_spf2.crm.example ~all'] },
    '_spf1.crm.example': { TXT: ['v=spf1 ip4:198.51.100.128/27 ~all'] },
    '_spf2.crm.example': { TXT: ['v=spf1 ip4:198.51.100.160/27 ~all'] },
    'mailer.example': { TXT: ['v=spf1 ip4:203.0.113.192/27 -all'] },
    '_spf.google.example': {
      TXT: [
        'v=spf1 include:_netblocks.google.example include:_netblocks2.google.example ' +
          'include:_netblocks3.google.example ~all',
      ],
    },
    '_netblocks.google.example': { TXT: ['v=spf1 ip4:192.0.2.128/26 ~all'] },
    '_netblocks2.google.example': { TXT: ['v=spf1 ip6:2001:db8:4860::/48 ~all'] },
    '_netblocks3.google.example': { TXT: ['v=spf1 ip4:192.0.2.192/27 ~all'] },
    'servers.mcsv.example': { TXT: ['v=spf1 ip4:203.0.113.224/28 -all'] },

    // ── northwindtraders.com: three terms naming hosts that were retired (void lookups) ──
    'northwindtraders.com': {
      MX: [{ exchange: 'northwindtraders-com.mail.protection.outlook.com', priority: 0 }],
      TXT: [
        'v=spf1 a:old-relay.northwindtraders.com mx:legacy.northwindtraders.com a:fax.northwindtraders.com ' +
          'include:spf.protection.outlook.com -all',
      ],
    },

    // ── litwareinc.com: includes a vendor whose DNS is broken (temperror) ──
    'litwareinc.com': {
      MX: [{ exchange: 'litwareinc-com.mail.protection.outlook.com', priority: 0 }],
      TXT: ['v=spf1 include:spf.protection.outlook.com include:_spf.servfail.example -all'],
    },

    // ── wingtiptoys.com: no SPF ──
    'wingtiptoys.com': {
      MX: [{ exchange: 'wingtiptoys-com.mail.protection.outlook.com', priority: 0 }],
      TXT: ['google-site-verification=sim-only'],
    },

    // ── tailspintoys.com: mail still lands on its own servers ──
    'tailspintoys.com': {
      // Listed backup-first on purpose: the probe must sort by preference.
      MX: [
        { exchange: 'mx2.tailspintoys.com', priority: 20 },
        { exchange: 'mx1.tailspintoys.com', priority: 10 },
      ],
      TXT: ['v=spf1 mx include:spf.protection.outlook.com -all'],
    },
    'mx1.tailspintoys.com': { A: ['198.51.100.25'] },
    'mx2.tailspintoys.com': { A: ['198.51.100.26'] },

    '_dmarc.contoso.com': { TXT: ['v=DMARC1; p=reject; rua=mailto:dmarc-reports@contoso.com'] },
    ...dkimM365('contoso.com', 'contoso.onmicrosoft.com'),
    '_dmarc.fabrikam.com': { TXT: ['v=DMARC1; p=none'] },

    // ── relecloud.com: a DNSSEC domain — the MX name has a part no one can guess ──
    'relecloud.com': {
      MX: [{ exchange: 'relecloud-com.c-v1.mx.microsoft', priority: 0 }],
      TXT: ['v=spf1 include:spf.protection.outlook.com -all'],
    },
    'relecloud-com.c-v1.mx.microsoft': { A: ['127.0.0.1'] },
    '_dmarc.relecloud.com': { TXT: ['v=DMARC1; p=quarantine; pct=100; adkim=s'] },
    ...dkimM365('relecloud.com', 'relecloud.r-v1.dkim.mail.microsoft'),

    // ── fourthcoffee.com: on Microsoft 365, but SPF lists only the office ──
    'fourthcoffee.com': {
      MX: [{ exchange: 'fourthcoffee-com.mail.protection.outlook.com', priority: 0 }],
      TXT: ['v=spf1 ip4:203.0.113.50 -all'],
    },
    'fourthcoffee-com.mail.protection.outlook.com': { A: ['127.0.0.1'] },

    // ── alpineskihouse.com: 11 lookups, one over the limit ──
    'alpineskihouse.com': {
      A: ['203.0.113.60'],
      MX: [{ exchange: 'alpineskihouse-com.mail.protection.outlook.com', priority: 0 }],
      TXT: [
        'v=spf1 a mx include:spf.protection.outlook.com include:_spf.crm.example include:mailer.example ' +
          'include:_spf.google.example -all',
      ],
    },
    'alpineskihouse-com.mail.protection.outlook.com': { A: ['127.0.0.1'] },

    // ── proseware.com: 50 nested includes ──
    ...chainedIncludes('proseware.com', 50),

    // ── woodgrovebank.com: includes that loop back ──
    'woodgrovebank.com': { TXT: ['v=spf1 include:_spf.woodgrovebank.com -all'] },
    '_spf.woodgrovebank.com': { TXT: ['v=spf1 include:woodgrovebank.com ~all'] },

    // ── lucernepublishing.com: a 4 KB SPF record ──
    'lucernepublishing.com': { TXT: [longSpf()] },

    // ── faults ──
    'servfail.example': { fault: 'servfail' },
    'timeout.example': { fault: 'timeout' },
    'nxdomain.example': { fault: 'nxdomain', A: ['192.0.2.1'] },

    // ── DNS block lists (RFC 5782): 127.0.0.2 is every list's test point ──
    '2.0.0.127.zen.spamhaus.example': {
      A: ['127.0.0.2'],
      TXT: ['https://www.spamhaus.org/query/ip/127.0.0.2'],
    },
    [`${reversed('198.51.100.7')}.zen.spamhaus.example`]: {
      A: ['127.0.0.2', '127.0.0.4'],
      TXT: ['https://www.spamhaus.org/query/ip/198.51.100.7'],
    },
    '2.0.0.127.bl.example': { A: ['127.0.0.2'], TXT: ['Test point'] },
    [`${reversed('198.51.100.7')}.bl.example`]: {
      A: ['127.0.0.2'],
      TXT: ['Listed: spam source 198.51.100.7, see https://bl.example/lookup?ip=198.51.100.7'],
    },
    [`${nibbles('2001:db8::7')}.bl.example`]: {
      A: ['127.0.0.2'],
      TXT: ['Listed: spam source 2001:db8::7'],
    },
    'timeout-bl.example': { fault: 'timeout' },
    [`${reversed('198.51.100.7')}.refused-bl.example`]: { A: ['127.255.255.254'] },
    [`${reversed('198.51.100.20')}.refused-bl.example`]: { A: ['127.255.255.254'] },
  },
}

/**
 * A zone that reproduces Microsoft 365 tenants and their neighbours: a tenant set up as
 * documented (contoso.com), softfail, an SPF record over the 10-lookup limit, one with
 * three void lookups, a broken include, no SPF, an MX that is not Microsoft 365, a DNSSEC
 * `*.mx.microsoft` MX, DMARC `p=reject` / `p=none`, Microsoft 365 DKIM CNAMEs, 11 lookups,
 * 50 nested includes, an include loop, a 4 KB record, faulty names, and DNS block lists
 * listing 198.51.100.7. See `SIM_DNS` for the names.
 */
export const defaultDnsZone: DnsZone = DnsZone.parse(zone)
