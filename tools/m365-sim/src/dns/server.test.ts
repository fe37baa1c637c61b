import dgram from 'node:dgram'
import { Resolver } from 'node:dns/promises'
import net from 'node:net'
import { Packet } from 'dns2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultDnsZone, SIM_DNS } from './default-zone.js'
import { type DnsServerHandle, startDnsServer } from './server.js'

const LONG_SPF = `v=spf1 ${Array.from({ length: 120 }, (_, i) => `ip4:203.0.113.${i}`).join(' ')} -all`

let server: DnsServerHandle
let custom: DnsServerHandle

function resolver(handle: DnsServerHandle, timeout = 300): Resolver {
  const r = new Resolver({ timeout, tries: 1 })
  r.setServers([handle.address])
  return r
}

async function code(work: Promise<unknown>): Promise<string> {
  try {
    await work
    return 'ok'
  } catch (err) {
    return String((err as NodeJS.ErrnoException).code)
  }
}

beforeAll(async () => {
  server = await startDnsServer(defaultDnsZone)
  custom = await startDnsServer({
    names: {
      'long.example': { TXT: [LONG_SPF] },
      'slow.example': { A: ['192.0.2.9'], delayMs: 50 },
      'deep.tree.example': { A: ['192.0.2.10'] },
    },
  })
})

afterAll(async () => {
  await server?.stop()
  await custom?.stop()
})

describe('startDnsServer', () => {
  it('listens on loopback, UDP and TCP on one ephemeral port', () => {
    expect(server.host).toBe('127.0.0.1')
    expect(server.port).toBeGreaterThan(0)
    expect(server.address).toBe(`127.0.0.1:${server.port}`)
  })

  it('answers MX, TXT and A from the default Microsoft 365 zone', async () => {
    const r = resolver(server)
    expect(await r.resolveMx(SIM_DNS.tenantDomain)).toEqual([{ exchange: SIM_DNS.tenantMx, priority: 0 }])
    const txt = (await r.resolveTxt(SIM_DNS.tenantDomain)).map((parts) => parts.join(''))
    expect(txt).toContain('v=spf1 ip4:203.0.113.10 include:spf.protection.outlook.com -all')
    expect(await r.resolve4(SIM_DNS.tenantMx)).toEqual(['127.0.0.1'])
    const listed = `${SIM_DNS.listedIp.split('.').reverse().join('.')}.zen.spamhaus.example`
    expect((await r.resolve4(listed)).sort()).toEqual(['127.0.0.2', '127.0.0.4'])
  })

  it('tells NXDOMAIN from a name without records of the asked type', async () => {
    const r = resolver(server)
    expect(await code(r.resolve4('no-such-name.contoso.com'))).toBe('ENOTFOUND')
    expect(await code(r.resolve6(SIM_DNS.tenantDomain))).toBe('ENODATA')
    // A name with names below it exists even without records of its own.
    expect(await code(r.resolve4('zen.spamhaus.example'))).toBe('ENODATA')
  })

  it('plays the faults of the zone, for the name and every name below it', async () => {
    const r = resolver(server)
    expect(await code(r.resolve4(SIM_DNS.servfailDomain))).toBe('ESERVFAIL')
    expect(await code(r.resolveTxt(`_spf.${SIM_DNS.servfailDomain}`))).toBe('ESERVFAIL')
    expect(await code(r.resolve4(SIM_DNS.nxdomainDomain))).toBe('ENOTFOUND')
    expect(await code(r.resolve4(`a.b.${SIM_DNS.timeoutDomain}`))).toBe('ETIMEOUT')
  })

  it('logs each query with its type and transport', async () => {
    server.clearQueries()
    await resolver(server).resolveMx(SIM_DNS.foreignMxDomain)
    expect(server.queries()).toEqual([{ name: SIM_DNS.foreignMxDomain, type: 'MX', transport: 'udp' }])
  })

  it('splits a long TXT into 255-byte strings and serves it over TCP when UDP truncates', async () => {
    custom.clearQueries()
    const parts = (await resolver(custom, 1000).resolveTxt('long.example'))[0] ?? []
    expect(parts.length).toBeGreaterThan(1)
    expect(parts.every((p) => p.length <= 255)).toBe(true)
    expect(parts.join('')).toBe(LONG_SPF)
    expect(custom.queries().map((q) => q.transport)).toContain('tcp')
  })

  it('answers after the configured delay', async () => {
    expect(await resolver(custom, 2000).resolve4('slow.example')).toEqual(['192.0.2.9'])
    expect(await code(resolver(custom).resolve4('tree.example'))).toBe('ENODATA')
  })

  it('shrugs off garbage on UDP and TCP and keeps answering', async () => {
    const udp = dgram.createSocket('udp4')
    await new Promise<void>((resolve) =>
      udp.send(Buffer.from('\xff\x00garbage'), server.port, '127.0.0.1', () => resolve()),
    )
    udp.close()
    const socket = net.connect(server.port, '127.0.0.1')
    socket.on('error', () => {})
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    socket.write(Buffer.from([0, 4, 0xc0, 0xc0, 0xc0, 0xc0]))
    await closed
    expect(await resolver(server).resolveMx(SIM_DNS.tenantDomain)).toHaveLength(1)
  })

  it('serves the default zone when given none', async () => {
    const plain = await startDnsServer()
    try {
      expect(await resolver(plain).resolve4(SIM_DNS.tenantMx)).toEqual(['127.0.0.1'])
    } finally {
      await plain.stop()
    }
  })

  it('rejects a bad zone with the path of the problem', async () => {
    const bad = startDnsServer({ names: { 'ok.example': { A: ['not-an-ip'] } } })
    await expect(bad).rejects.toMatchObject({ issues: [{ path: ['names', 'ok.example', 'A', 0] }] })
  })

  it('stops promptly with an unanswered query open on a TCP connection', async () => {
    const extra = await startDnsServer(defaultDnsZone)
    const socket = net.connect(extra.port, '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    const query = new Packet()
    query.header.id = 7
    query.questions.push({
      name: SIM_DNS.timeoutDomain,
      type: Packet.TYPE.A,
      class: Packet.CLASS.IN,
    } as never)
    const body = query.toBuffer()
    const len = Buffer.alloc(2)
    len.writeUInt16BE(body.length)
    socket.write(Buffer.concat([len, body]))
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    socket.on('error', () => {})
    await expect.poll(() => extra.queries().length, { timeout: 2000 }).toBe(1)
    await extra.stop()
    await closed
    expect(socket.destroyed).toBe(true)
  })
})

describe('CNAME', () => {
  it('answers the alias and follows it for other types, within the zone', async () => {
    const r = resolver(server)
    const name = `selector1._domainkey.${SIM_DNS.tenantDomain}`
    expect(await r.resolveCname(name)).toEqual(['selector1-contoso-com._domainkey.contoso.onmicrosoft.com'])
    const txt = (await r.resolveTxt(name)).map((parts) => parts.join(''))
    expect(txt).toHaveLength(1)
    expect(txt[0]).toMatch(/^v=DKIM1; k=rsa; p=/)
  })

  it('rejects a name with a CNAME and other records', async () => {
    const bad = startDnsServer({ names: { 'x.example': { CNAME: 'y.example', A: ['192.0.2.1'] } } })
    await expect(bad).rejects.toMatchObject({ issues: [{ path: ['names', 'x.example', 'CNAME'] }] })
  })

  it('stops a CNAME loop after a few hops instead of recursing forever', async () => {
    const looped = await startDnsServer({
      names: { 'a.loop.example': { CNAME: 'b.loop.example' }, 'b.loop.example': { CNAME: 'a.loop.example' } },
    })
    try {
      const r = resolver(looped)
      // The chain ends after a few hops: no address, whatever the resolver makes of it.
      const addresses = await r.resolve4('a.loop.example').catch(() => [])
      expect(addresses).toEqual([])
      expect(await r.resolveCname('a.loop.example')).toEqual(['b.loop.example'])
    } finally {
      await looped.stop()
    }
  })
})
