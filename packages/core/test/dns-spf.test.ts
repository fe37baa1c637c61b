import { type DnsServerHandle, SIM_DNS, startDnsServer } from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probeSpf, SPF_LOOKUP_LIMIT } from '../src/probe/index.js'
import { ProbeFacts } from '../src/schema/index.js'
import { DNS_TIMEOUT_MS, expectWithinDeadline, useSimDns } from './dns-helpers.js'

const sim = useSimDns()
const spf = (domain: string, ip: string) => probeSpf({ domain, ip, resolver: sim.resolver() })

describe('probeSpf against the simulator DNS server', () => {
  it('passes the office IP named in the tenant record, with the counts of the whole record', async () => {
    const r = await spf(SIM_DNS.tenantDomain, SIM_DNS.officeIp)
    expect(r).toMatchObject({
      domain: 'contoso.com',
      ip: SIM_DNS.officeIp,
      result: 'pass',
      record: 'v=spf1 ip4:203.0.113.10 include:spf.protection.outlook.com -all',
      lookups: 1,
      voidLookups: 0,
      overLookupLimit: false,
      overVoidLimit: false,
      includesMicrosoft365: true,
      includes: [{ domain: 'spf.protection.outlook.com', lookups: 1, kind: 'include', via: 'contoso.com' }],
      // ip4 matched before the include: the evaluation itself needed no lookup.
      evaluatedLookups: 0,
    })
    expect(r.error).toBeUndefined()
    expect(() => ProbeFacts.parse({ spf: r })).not.toThrow()
  })

  it('passes an Exchange Online address through include:spf.protection.outlook.com', async () => {
    const r = await spf(SIM_DNS.tenantDomain, SIM_DNS.microsoftIp)
    expect(r.result).toBe('pass')
    expect(r.evaluatedLookups).toBe(1)
  })

  it('fails an address the record does not name (-all)', async () => {
    const r = await spf(SIM_DNS.tenantDomain, SIM_DNS.cleanIp)
    expect(r.result).toBe('fail')
    expect(r.errorCode).toBeUndefined()
  })

  it('softfails under ~all', async () => {
    const r = await spf(SIM_DNS.softfailDomain, SIM_DNS.cleanIp)
    expect(r.result).toBe('softfail')
    expect(r.includesMicrosoft365).toBe(true)
  })

  it('passes through the mx mechanism', async () => {
    const r = await spf(SIM_DNS.foreignMxDomain, SIM_DNS.foreignMxIp)
    expect(r.result).toBe('pass')
    expect(r.lookups).toBe(2)
  })

  it('says none when the domain publishes no SPF record', async () => {
    const r = await spf(SIM_DNS.noSpfDomain, SIM_DNS.cleanIp)
    expect(r.result).toBe('none')
    expect(r.record).toBeUndefined()
  })

  it('is permerror past 10 DNS lookups, and counts them per include', async () => {
    const r = await spf(SIM_DNS.tooManyLookupsDomain, SIM_DNS.cleanIp)
    expect(r.result).toBe('permerror')
    expect(r.error).toMatch(/Too many DNS requests/)
    expect(r.lookups).toBe(12)
    expect(r.lookups).toBeGreaterThan(SPF_LOOKUP_LIMIT)
    expect(r.overLookupLimit).toBe(true)
    expect(r.evaluatedLookups).toBe(SPF_LOOKUP_LIMIT + 1)
    const byDomain = Object.fromEntries((r.includes ?? []).map((i) => [i.domain, i.lookups]))
    expect(byDomain).toMatchObject({
      'spf.protection.outlook.com': 1,
      '_spf.crm.example': 3,
      '_spf1.crm.example': 1,
      'mailer.example': 1,
      '_spf.google.example': 4,
      'servers.mcsv.example': 1,
    })
    // The top-level includes plus the a and mx terms make the total.
    const topLevel = (r.includes ?? [])
      .filter((i) => i.via === 'adatum.com')
      .reduce((n, i) => n + i.lookups, 0)
    expect(topLevel + 2).toBe(r.lookups)
  })

  it('still flags an over-limit record when the IP matches before the limit is reached', async () => {
    const r = await spf(SIM_DNS.tooManyLookupsDomain, SIM_DNS.adatumIp)
    expect(r.result).toBe('pass')
    expect(r.evaluatedLookups).toBe(1)
    expect(r.overLookupLimit).toBe(true)
  })

  it('is permerror on the third void lookup', async () => {
    const r = await spf(SIM_DNS.voidLookupsDomain, SIM_DNS.cleanIp)
    expect(r.result).toBe('permerror')
    expect(r.error).toMatch(/void/i)
    expect(r).toMatchObject({ voidLookups: 3, overVoidLimit: true, lookups: 4, evaluatedVoidLookups: 3 })
  })

  it('is temperror with DNS_SERVFAIL when an include cannot be resolved', async () => {
    const r = await spf(SIM_DNS.brokenIncludeDomain, SIM_DNS.cleanIp)
    expect(r.result).toBe('temperror')
    expect(r.errorCode).toBe('DNS_SERVFAIL')
    expect(r.error).toMatch(/servfail\.example/)
    // An incomplete walk gives no count rather than a wrong one.
    expect(r.lookups).toBeUndefined()
  })

  it('is temperror with DNS_TIMEOUT at the deadline when the server never answers', async () => {
    const started = performance.now()
    const r = await spf(`mail.${SIM_DNS.timeoutDomain}`, SIM_DNS.cleanIp)
    expectWithinDeadline(performance.now() - started, DNS_TIMEOUT_MS)
    expect(r).toMatchObject({ result: 'temperror', errorCode: 'DNS_TIMEOUT' })
    expect(() => ProbeFacts.parse({ spf: r })).not.toThrow()
  })

  it('asks each name once for the verdict and the audit together', async () => {
    sim.server().clearQueries()
    // A long per-try timeout: a busy machine must not turn a slow reply into a retransmission.
    await probeSpf({
      domain: SIM_DNS.tooManyLookupsDomain,
      ip: SIM_DNS.cleanIp,
      resolver: { ...sim.resolver(), timeoutMs: 10_000 },
    })
    const asked = sim
      .server()
      .queries()
      .map((q) => `${q.name} ${q.type}`)
    expect(new Set(asked).size).toBe(asked.length)
  })

  it('rejects an invalid IP with the zod issue path', async () => {
    await expect(probeSpf({ domain: 'contoso.com', ip: '300.1.1.1' })).rejects.toMatchObject({
      issues: [{ path: ['ip'] }],
    })
  })
})

describe('probeSpf on a hand-made zone', () => {
  let server: DnsServerHandle
  beforeAll(async () => {
    server = await startDnsServer({
      names: {
        'redirect.example': { TXT: ['v=spf1 redirect=_spf.redirect.example'] },
        '_spf.redirect.example': {
          TXT: ['v=spf1 ip6:2001:db8:1::/48 include:spf.protection.outlook.com -all'],
        },
        'spf.protection.outlook.com': { TXT: ['v=spf1 ip4:192.0.2.0/25 -all'] },
        'two.example': { TXT: ['v=spf1 -all', 'v=spf1 +all'] },
        'loop.example': { TXT: ['v=spf1 include:loop.example -all'] },
      },
    })
  })
  afterAll(async () => {
    await server?.stop()
  })
  const resolver = () => ({ servers: [server.address], timeoutMs: 2000 })

  it('follows redirect= and evaluates IPv6', async () => {
    const r = await probeSpf({ domain: 'redirect.example', ip: '2001:db8:1::25', resolver: resolver() })
    expect(r.result).toBe('pass')
    expect(r.includes).toEqual([
      {
        domain: '_spf.redirect.example',
        lookups: 2,
        voidLookups: 0,
        kind: 'redirect',
        via: 'redirect.example',
      },
      {
        domain: 'spf.protection.outlook.com',
        lookups: 1,
        voidLookups: 0,
        kind: 'include',
        via: '_spf.redirect.example',
      },
    ])
    expect(r.includesMicrosoft365).toBe(true)
  })

  it('is permerror with two SPF records', async () => {
    const r = await probeSpf({ domain: 'two.example', ip: '192.0.2.1', resolver: resolver() })
    expect(r.result).toBe('permerror')
  })

  it('ends an include loop as permerror, without running away', async () => {
    const r = await probeSpf({ domain: 'loop.example', ip: '192.0.2.1', resolver: resolver() })
    expect(r.result).toBe('permerror')
    expect(r.lookups === undefined || r.lookups > SPF_LOOKUP_LIMIT).toBe(true)
    expect(r).toMatchObject({ includeLoop: true, overLookupLimit: true })
  })
})
