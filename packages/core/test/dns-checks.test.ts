import { SIM_DNS } from '@smtp-doctor/m365-sim'
import { describe, expect, it } from 'vitest'
import {
  DNS_CHECKS,
  type DnsCheckEvent,
  organisationalDomain,
  probeDkim,
  probeDmarc,
  probeDns,
  probeMx,
  probeSpf,
  SPF_LOOKUP_LIMIT,
} from '../src/probe/index.js'
import { ProbeFacts } from '../src/schema/index.js'
import { DNS_TIMEOUT_MS, expectWithinDeadline, useSimDns } from './dns-helpers.js'

const sim = useSimDns()
const opts = () => ({ resolver: sim.resolver() })

describe('probeDmarc', () => {
  it('reads p=reject of the tenant', async () => {
    const d = await probeDmarc(SIM_DNS.dmarcRejectDomain, opts())
    expect(d).toMatchObject({
      domain: 'contoso.com',
      found: true,
      name: '_dmarc.contoso.com',
      policy: 'reject',
    })
    expect(d.record).toMatch(/^v=DMARC1; p=reject/)
    expect(() => ProbeFacts.parse({ dmarc: d })).not.toThrow()
  })

  it('reads the tags that matter: pct and strict alignment', async () => {
    const d = await probeDmarc(SIM_DNS.dnssecMxDomain, opts())
    expect(d).toMatchObject({ policy: 'quarantine', pct: 100, adkim: 's' })
    expect(d.aspf).toBeUndefined()
  })

  it('falls back to the organisational domain for a subdomain', async () => {
    const d = await probeDmarc(`scanners.${SIM_DNS.dmarcRejectDomain}`, opts())
    expect(d).toMatchObject({ found: true, name: '_dmarc.contoso.com', policy: 'reject' })
  })

  it('says found: false, without an error, when no record is published', async () => {
    const d = await probeDmarc(SIM_DNS.foreignMxDomain, opts())
    expect(d).toMatchObject({ found: false })
    expect(d.error).toBeUndefined()
  })

  it('names SERVFAIL and a server that never answers', async () => {
    expect((await probeDmarc(SIM_DNS.servfailDomain, opts())).error?.code).toBe('DNS_SERVFAIL')
    const started = performance.now()
    const t = await probeDmarc(SIM_DNS.timeoutDomain, opts())
    expectWithinDeadline(performance.now() - started)
    expect(t.error?.code).toBe('DNS_TIMEOUT')
  })

  it('approximates the organisational domain', () => {
    expect(organisationalDomain('a.b.contoso.com')).toBe('contoso.com')
    expect(organisationalDomain('mail.example.co.uk')).toBe('example.co.uk')
    expect(organisationalDomain('contoso.com')).toBe('contoso.com')
  })
})

describe('probeDkim', () => {
  it('finds both Microsoft 365 selectors as CNAMEs to onmicrosoft.com keys', async () => {
    const k = await probeDkim(SIM_DNS.tenantDomain, opts())
    expect(k.microsoft365Ready).toBe(true)
    expect(k.selectors.map((s) => [s.selector, s.cname, s.keyPublished])).toEqual([
      ['selector1', 'selector1-contoso-com._domainkey.contoso.onmicrosoft.com', true],
      ['selector2', 'selector2-contoso-com._domainkey.contoso.onmicrosoft.com', true],
    ])
    expect(() => ProbeFacts.parse({ dkim: k })).not.toThrow()
  })

  it('knows the newer *.dkim.mail.microsoft key names', async () => {
    const k = await probeDkim(SIM_DNS.dnssecMxDomain, opts())
    expect(k.microsoft365Ready).toBe(true)
    expect(k.selectors[0]?.cname).toMatch(/\.dkim\.mail\.microsoft$/)
  })

  it('says not ready when the selectors are missing', async () => {
    const k = await probeDkim(SIM_DNS.dmarcNoneDomain, opts())
    expect(k.microsoft365Ready).toBe(false)
    expect(k.selectors.every((s) => !s.cname && s.keyPublished === false && !s.error)).toBe(true)
  })

  it('records SERVFAIL on each selector', async () => {
    const k = await probeDkim(SIM_DNS.servfailDomain, opts())
    expect(k.selectors.map((s) => s.error?.code)).toEqual(['DNS_SERVFAIL', 'DNS_SERVFAIL'])
    expect(k.lookupFailed).toBe(true)
  })
})

describe('probeMx endpoints', () => {
  it('takes a DNSSEC *.mx.microsoft endpoint from DNS as it is', async () => {
    const mx = await probeMx(SIM_DNS.dnssecMxDomain, opts())
    expect(mx).toMatchObject({
      isMicrosoft365: true,
      endpoint: SIM_DNS.dnssecMx,
      endpointKind: 'mx.microsoft',
    })
    // The name DNS gives, not the one the domain would spell.
    expect(mx.endpoint).not.toBe('relecloud-com.mail.protection.outlook.com')
  })

  it('has no endpoint when no MX host is Microsoft 365', async () => {
    const mx = await probeMx(SIM_DNS.foreignMxDomain, opts())
    expect(mx.endpoint).toBeUndefined()
  })
})

describe('SPF edge cases', () => {
  const spf = (domain: string, ip: string) => probeSpf({ domain, ip, ...opts() })

  it('is permerror at 11 lookups, one over the limit, with per-include counts', async () => {
    const r = await spf(SIM_DNS.elevenLookupsDomain, SIM_DNS.relayIp)
    expect(r.result).toBe('permerror')
    expect(r.lookups).toBe(SPF_LOOKUP_LIMIT + 1)
    expect(r.overLookupLimit).toBe(true)
    expect(r.includes?.find((i) => i.domain === '_spf.google.example')).toMatchObject({
      lookups: 4,
      voidLookups: 0,
    })
  })

  it('counts void lookups per include', async () => {
    const r = await spf(SIM_DNS.voidLookupsDomain, SIM_DNS.relayIp)
    expect(r.voidLookups).toBe(3)
    expect(r.overVoidLimit).toBe(true)
    expect(r.includes?.find((i) => i.domain === 'spf.protection.outlook.com')?.voidLookups).toBe(0)
  })

  it('says when the record lacks spf.protection.outlook.com', async () => {
    const r = await spf(SIM_DNS.spfWithoutMicrosoftDomain, SIM_DNS.relayIp)
    expect(r).toMatchObject({ result: 'fail', includesMicrosoft365: false })
  })

  it('ends 50 chained includes as permerror with a lower bound over the limit', async () => {
    const r = await spf(SIM_DNS.chainedIncludesDomain, SIM_DNS.relayIp)
    expect(r.result).toBe('permerror')
    expect(r.lookupsAtLeast).toBe(true)
    expect(r.lookups).toBeGreaterThan(SPF_LOOKUP_LIMIT)
    expect(r.overLookupLimit).toBe(true)
    expect(() => ProbeFacts.parse({ spf: r })).not.toThrow()
  })

  it('names an include loop', async () => {
    const r = await spf(SIM_DNS.includeLoopDomain, SIM_DNS.relayIp)
    expect(r.result).toBe('permerror')
    expect(r.includeLoop).toBe(true)
    expect(r.overLookupLimit).toBe(true)
  })

  it('reads a 4 KB record (over TCP) and evaluates it', async () => {
    sim.server().clearQueries()
    const r = await spf(SIM_DNS.longSpfDomain, '198.18.0.42')
    expect(r.result).toBe('pass')
    expect(r.record?.length).toBeGreaterThan(4000)
    expect(
      sim
        .server()
        .queries()
        .some((q) => q.transport === 'tcp'),
    ).toBe(true)
  })

  it('evaluates an IPv6 sending address and looks it up in nibble form', async () => {
    const facts = await probeDns({
      domain: SIM_DNS.tenantDomain,
      ip: SIM_DNS.listedIpv6,
      zones: SIM_DNS.dnsblZones,
      ...opts(),
    })
    expect(facts.spf?.result).toBe('fail')
    expect(facts.dnsbl?.listed.map((l) => l.zone)).toEqual(['bl.example'])
  })
})

describe('probeDns', () => {
  it('runs every check, reports each as it finishes, and keeps one key order', async () => {
    const events: DnsCheckEvent[] = []
    const facts = await probeDns({
      domain: SIM_DNS.tenantDomain,
      from: `scanner@${SIM_DNS.tenantDomain}`,
      ip: SIM_DNS.listedIp,
      zones: SIM_DNS.dnsblZones,
      onCheck: (e) => events.push(e),
      ...opts(),
    })
    expect(Object.keys(facts)).toEqual([...DNS_CHECKS])
    expect(events.map((e) => e.check).sort()).toEqual([...DNS_CHECKS].sort())
    expect(events.every((e) => e.ms >= 0)).toBe(true)
    expect(facts.dmarc?.policy).toBe('reject')
    expect(facts.dnsbl?.listed).toHaveLength(2)
    expect(() => ProbeFacts.parse(facts)).not.toThrow()
  })

  it('without an IP audits the SPF record (limits, includes, Microsoft 365) and gives no verdict', async () => {
    const eleven = await probeDns({ domain: SIM_DNS.elevenLookupsDomain, ...opts() })
    expect(eleven.spf).toMatchObject({
      domain: SIM_DNS.elevenLookupsDomain,
      lookups: 11,
      overLookupLimit: true,
    })
    expect(eleven.spf?.result).toBeUndefined()
    expect(eleven.spf?.ip).toBeUndefined()
    expect(eleven.spf?.record).toMatch(/^v=spf1 /)
    expect(eleven.dnsbl).toBeUndefined()
    const noM365 = await probeDns({ domain: SIM_DNS.spfWithoutMicrosoftDomain, ...opts() })
    expect(noM365.spf).toMatchObject({ includesMicrosoft365: false, overLookupLimit: false })
    const none = await probeDns({ domain: SIM_DNS.noSpfDomain, ...opts() })
    expect(none.spf?.record).toBeUndefined()
    expect(none.spf?.errorCode).toBeUndefined()
    const broken = await probeDns({ domain: SIM_DNS.brokenIncludeDomain, ...opts() })
    expect(broken.spf?.errorCode).toMatch(/^DNS_/)
    for (const f of [eleven, noM365, none, broken]) expect(() => ProbeFacts.parse(f)).not.toThrow()
  })

  it('takes SPF, DMARC and DKIM from the from-address domain', async () => {
    const facts = await probeDns({
      domain: SIM_DNS.tenantDomain,
      from: `copier@${SIM_DNS.dmarcNoneDomain}`,
      ip: SIM_DNS.relayIp,
      zones: SIM_DNS.dnsblZones,
      ...opts(),
    })
    expect(facts.mx?.domain).toBe('contoso.com')
    expect([facts.spf?.domain, facts.dmarc?.domain, facts.dkim?.domain]).toEqual([
      'fabrikam.com',
      'fabrikam.com',
      'fabrikam.com',
    ])
  })

  it('answers a nonexistent domain with named results', async () => {
    const facts = await probeDns({
      domain: 'no-such-tenant.example',
      ip: SIM_DNS.relayIp,
      zones: ['bl.example'],
      ...opts(),
    })
    expect(facts.mx?.error?.code).toBe('DNS_NOT_FOUND')
    expect(facts.spf?.result).toBe('none')
    expect(facts.dmarc).toMatchObject({ found: false })
    expect(facts.dnsbl?.listed).toEqual([])
  })

  it('ends every check at the deadline when the resolver never answers', async () => {
    const started = performance.now()
    const facts = await probeDns({
      domain: SIM_DNS.timeoutDomain,
      ip: SIM_DNS.relayIp,
      zones: [SIM_DNS.timeoutDnsblZone],
      ...opts(),
    })
    expectWithinDeadline(performance.now() - started, DNS_TIMEOUT_MS)
    expect(facts.mx?.error?.code).toBe('DNS_TIMEOUT')
    expect(facts.spf).toMatchObject({ result: 'temperror', errorCode: 'DNS_TIMEOUT' })
    expect(facts.dmarc?.error?.code).toBe('DNS_TIMEOUT')
    expect(facts.dkim?.selectors.every((s) => s.error?.code === 'DNS_TIMEOUT')).toBe(true)
    expect(facts.dnsbl?.errors?.[0]?.code).toBe('DNS_TIMEOUT')
  })

  it('rejects a bad from-address or domain before any query', async () => {
    sim.server().clearQueries()
    await expect(probeDns({ from: 'no-at-sign', ...opts() })).rejects.toMatchObject({
      issues: [{ message: expect.stringMatching(/e-mail/) }],
    })
    await expect(probeDns({ domain: 'bad\nname.com', ...opts() })).rejects.toThrow()
    await expect(probeDns({ domain: `${'a'.repeat(64)}.com`, ...opts() })).rejects.toThrow()
    expect(sim.server().queries()).toEqual([])
  })
})
