import { SIM_DNS } from '@smtp-doctor/m365-sim'
import { describe, expect, it } from 'vitest'
import { isMicrosoft365MxHost, probeMx } from '../src/probe/index.js'
import { ProbeFacts } from '../src/schema/index.js'
import { expectWithinDeadline, useSimDns } from './dns-helpers.js'

const sim = useSimDns()

describe('probeMx against the simulator DNS server', () => {
  it('finds the tenant MX on Microsoft 365', async () => {
    const mx = await probeMx(SIM_DNS.tenantDomain, { resolver: sim.resolver() })
    expect(mx).toMatchObject({
      domain: 'contoso.com',
      hosts: [{ exchange: SIM_DNS.tenantMx, priority: 0 }],
      isMicrosoft365: true,
      preferred: SIM_DNS.tenantMx,
    })
    expect(mx.error).toBeUndefined()
    expect(() => ProbeFacts.parse({ mx })).not.toThrow()
  })

  it('normalises case and the trailing dot of the domain', async () => {
    const mx = await probeMx('CONTOSO.com.', { resolver: sim.resolver() })
    expect(mx.domain).toBe('contoso.com')
    expect(mx.isMicrosoft365).toBe(true)
  })

  it('sorts hosts by preference and says when the MX is not Microsoft 365', async () => {
    const mx = await probeMx(SIM_DNS.foreignMxDomain, { resolver: sim.resolver() })
    expect(mx.hosts.map((h) => h.exchange)).toEqual(SIM_DNS.foreignMxHosts)
    expect(mx.hosts.map((h) => h.priority)).toEqual([10, 20])
    expect(mx.isMicrosoft365).toBe(false)
    expect(mx.preferred).toBe('mx1.tailspintoys.com')
    expect(mx.error).toBeUndefined()
  })

  it('names NXDOMAIN as DNS_NOT_FOUND', async () => {
    const mx = await probeMx('no-such-tenant.example', { resolver: sim.resolver() })
    expect(mx.hosts).toEqual([])
    expect(mx.isMicrosoft365).toBe(false)
    expect(mx.error).toMatchObject({ stage: 'dns', code: 'DNS_NOT_FOUND' })
    expect(mx.error?.message).toMatch(/NXDOMAIN/)
  })

  it('names a domain without MX records as DNS_NOT_FOUND', async () => {
    const mx = await probeMx('spf.protection.outlook.com', { resolver: sim.resolver() })
    expect(mx.error).toMatchObject({ code: 'DNS_NOT_FOUND' })
    expect(mx.error?.message).toMatch(/no records/)
  })

  it('names SERVFAIL as DNS_SERVFAIL', async () => {
    const mx = await probeMx(SIM_DNS.servfailDomain, { resolver: sim.resolver() })
    expect(mx.error).toMatchObject({ stage: 'dns', code: 'DNS_SERVFAIL' })
    expect(() => ProbeFacts.parse({ mx })).not.toThrow()
  })

  it('names a server that never answers as DNS_TIMEOUT, at the deadline', async () => {
    const started = performance.now()
    const mx = await probeMx(`tenant.${SIM_DNS.timeoutDomain}`, { resolver: sim.resolver() })
    expectWithinDeadline(performance.now() - started)
    expect(mx.error).toMatchObject({ stage: 'dns', code: 'DNS_TIMEOUT' })
    expect(mx.hosts).toEqual([])
  })

  it('lets timeoutMs override the resolver deadline', async () => {
    const started = performance.now()
    const mx = await probeMx(SIM_DNS.timeoutDomain, { resolver: sim.resolver(), timeoutMs: 300 })
    expectWithinDeadline(performance.now() - started, 300)
    expect(mx.error?.code).toBe('DNS_TIMEOUT')
  })

  it('records a DNS server that is not there as a failure, not a crash', async () => {
    const mx = await probeMx(SIM_DNS.tenantDomain, { resolver: { servers: ['127.0.0.1:1'], timeoutMs: 400 } })
    expect(['DNS_SERVFAIL', 'DNS_TIMEOUT']).toContain(mx.error?.code)
  })

  it('rejects bad input with the zod issue path', async () => {
    await expect(probeMx('not a domain!', { resolver: sim.resolver() })).rejects.toMatchObject({
      issues: [{ message: 'not a valid domain name' }],
    })
    await expect(probeMx('contoso.com', { resolver: { servers: ['dns.example'] } })).rejects.toMatchObject({
      issues: [{ path: ['servers', 0] }],
    })
  })
})

describe('isMicrosoft365MxHost', () => {
  it('knows both Microsoft 365 MX forms and nothing else', () => {
    expect(isMicrosoft365MxHost('contoso-com.mail.protection.outlook.com.')).toBe(true)
    expect(isMicrosoft365MxHost('CONTOSO-COM.MAIL.PROTECTION.OUTLOOK.COM')).toBe(true)
    expect(isMicrosoft365MxHost('contoso-com.o-v1.mx.microsoft')).toBe(true)
    expect(isMicrosoft365MxHost('smtp.office365.com')).toBe(false)
    expect(isMicrosoft365MxHost('mail.protection.outlook.com.evil.example')).toBe(false)
    expect(isMicrosoft365MxHost('contoso-com.mail.eo.outlook.com')).toBe(false)
  })
})
