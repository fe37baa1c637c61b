import { URL } from 'node:url'
import { SIM_DNS } from '@smtp-doctor/m365-sim'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_DNSBL_ZONES, dnsblQueryName, probeDns, probeDnsbl } from '../src/probe/index.js'
import { ProbeFacts } from '../src/schema/index.js'
import { DNS_TIMEOUT_MS, expectWithinDeadline, useSimDns } from './dns-helpers.js'

const sim = useSimDns()
const ZONES = [...SIM_DNS.dnsblZones]

describe('probeDnsbl against the simulator DNS server', () => {
  it('finds a listed IPv4 address on every list, with return codes and reason', async () => {
    const r = await probeDnsbl(SIM_DNS.listedIp, { zones: ZONES, resolver: sim.resolver() })
    expect(r.ip).toBe(SIM_DNS.listedIp)
    expect(r.checked).toEqual(ZONES)
    expect(r.errors).toEqual([])
    expect(r.listed).toEqual([
      {
        zone: 'zen.spamhaus.example',
        codes: expect.arrayContaining(['127.0.0.2', '127.0.0.4']),
        text: 'https://www.spamhaus.org/query/ip/198.51.100.7',
      },
      { zone: 'bl.example', codes: ['127.0.0.2'], text: expect.stringContaining('spam source') },
    ])
    expect(() => ProbeFacts.parse({ dnsbl: r })).not.toThrow()
  })

  it('asks the reversed-octet name, A and TXT', async () => {
    sim.server().clearQueries()
    await probeDnsbl(SIM_DNS.listedIp, { zones: ['bl.example'], resolver: sim.resolver() })
    expect(
      sim
        .server()
        .queries()
        .map((q) => `${q.name} ${q.type}`)
        .sort(),
    ).toEqual(['7.100.51.198.bl.example A', '7.100.51.198.bl.example TXT'])
  })

  it('reports a clean IP as not listed', async () => {
    const r = await probeDnsbl(SIM_DNS.cleanIp, { zones: ZONES, resolver: sim.resolver() })
    expect(r).toMatchObject({ checked: ZONES, listed: [], errors: [] })
  })

  it('looks IPv6 up in nibble format', async () => {
    const r = await probeDnsbl(SIM_DNS.listedIpv6, { zones: ZONES, resolver: sim.resolver() })
    expect(r.listed.map((l) => l.zone)).toEqual(['bl.example'])
    expect(r.errors).toEqual([])
  })

  it('records a zone that never answers as DNS_TIMEOUT at the deadline, and keeps the others', async () => {
    const started = performance.now()
    const r = await probeDnsbl(SIM_DNS.listedIp, {
      zones: [...ZONES, SIM_DNS.timeoutDnsblZone],
      resolver: sim.resolver(),
    })
    expectWithinDeadline(performance.now() - started, DNS_TIMEOUT_MS)
    expect(r.checked).toEqual([...ZONES, SIM_DNS.timeoutDnsblZone])
    expect(r.listed.map((l) => l.zone)).toEqual(ZONES)
    expect(r.errors).toEqual([
      { zone: SIM_DNS.timeoutDnsblZone, code: 'DNS_TIMEOUT', message: expect.any(String) },
    ])
  })

  it('records a list that refuses the query (127.255.255.x) as an error, not a listing', async () => {
    const r = await probeDnsbl(SIM_DNS.listedIp, {
      zones: [SIM_DNS.refusingDnsblZone],
      resolver: sim.resolver(),
    })
    expect(r.listed).toEqual([])
    expect(r.errors).toEqual([{ zone: SIM_DNS.refusingDnsblZone, message: expect.stringMatching(/refused/) }])
  })

  it('records SERVFAIL per zone', async () => {
    const r = await probeDnsbl(SIM_DNS.listedIp, {
      zones: ['bl.example', SIM_DNS.servfailDomain],
      resolver: sim.resolver(),
    })
    expect(r.listed.map((l) => l.zone)).toEqual(['bl.example'])
    expect(r.errors?.[0]).toMatchObject({ zone: SIM_DNS.servfailDomain, code: 'DNS_SERVFAIL' })
  })

  it('de-duplicates zones regardless of case and trailing dot; has Spamhaus among the defaults', async () => {
    const r = await probeDnsbl(SIM_DNS.cleanIp, {
      zones: ['bl.example', 'BL.example.'],
      resolver: sim.resolver(),
    })
    expect(r.checked).toEqual(['bl.example'])
    expect(DEFAULT_DNSBL_ZONES).toContain('zen.spamhaus.org')
  })

  it('rejects an invalid IP with the zod issue', async () => {
    await expect(probeDnsbl('198.51.100', { zones: ZONES })).rejects.toMatchObject({
      issues: [{ message: 'not an IP address' }],
    })
  })
})

describe('probeDns', () => {
  it('returns the mx, spf and dnsbl parts together', async () => {
    const r = await probeDns({
      domain: SIM_DNS.tenantDomain,
      ip: SIM_DNS.listedIp,
      zones: ZONES,
      resolver: sim.resolver(),
    })
    expect(r.mx?.isMicrosoft365).toBe(true)
    expect(r.spf?.result).toBe('fail')
    expect(r.dnsbl?.listed).toHaveLength(2)
    expect(() => ProbeFacts.parse(r)).not.toThrow()
  })

  it('runs only the parts its inputs allow', async () => {
    // Without an IP there is no SPF verdict (the record is audited only) and nothing to look up in block lists.
    const noIp = await probeDns({ domain: SIM_DNS.tenantDomain, resolver: sim.resolver() })
    expect(Object.keys(noIp)).toEqual(['mx', 'spf', 'dmarc', 'dkim'])
    expect(noIp.spf?.result).toBeUndefined()
    expect(noIp.spf?.includesMicrosoft365).toBe(true)
    expect(
      Object.keys(await probeDns({ ip: SIM_DNS.cleanIp, zones: ZONES, resolver: sim.resolver() })),
    ).toEqual(['dnsbl'])
  })
})

describe('dnsblQueryName', () => {
  it('reverses IPv4 octets', () => {
    expect(dnsblQueryName('192.0.2.99', 'bl.example')).toBe('99.2.0.192.bl.example')
  })

  it('turns any IPv6 address into 32 reversed nibbles that spell the same address', () => {
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        if (ip.includes('.')) return // IPv4-embedded forms are normalised before lookup
        const labels = dnsblQueryName(ip.toLowerCase(), 'z.example').split('.')
        expect(labels.slice(-2)).toEqual(['z', 'example'])
        const nibbles = labels.slice(0, -2)
        expect(nibbles).toHaveLength(32)
        const hex = nibbles.reverse().join('')
        const back = hex.match(/.{4}/g)?.join(':') ?? ''
        const canon = (a: string) => new URL(`http://[${a}]/`).hostname
        expect(canon(back)).toBe(canon(ip))
      }),
      { numRuns: 300 },
    )
  })
})
