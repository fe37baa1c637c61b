import net from 'node:net'
import { type DnsServerHandle, defaultDnsZone, startDnsServer } from '@smtp-doctor/m365-sim'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import type { GuardLookup } from '../src/probe-guard.js'
import { type Canary, resolverLookup, startCanary } from './helpers.js'

/*
 * Every attempt points at a canary listening on loopback. The guard must refuse each one
 * before connecting: the canary counts connections and must end at zero.
 */

let canary: Canary
let canary6: Canary | null = null
let dnsServer: DnsServerHandle
let app: FastifyInstance

beforeAll(async () => {
  canary = await startCanary('127.0.0.1')
  try {
    canary6 = await startCanary('::1', canary.port)
  } catch {
    canary6 = null
  }
  // The simulator's zone answers smtp.office365.com and *.mail.protection.outlook.com with 127.0.0.1,
  // which is exactly what a rebinding or poisoned resolver would do.
  dnsServer = await startDnsServer(defaultDnsZone)
  app = await buildApp({
    logger: false,
    probeLookup: resolverLookup(dnsServer.port),
    rateLimit: { global: false, probe: { max: 100_000, timeWindowMs: 60_000 } },
  })
  await app.ready()
})
afterAll(async () => {
  await app?.close()
  await dnsServer?.stop()
  await canary?.close()
  await canary6?.close()
})

function probeHost(a: FastifyInstance, host: string, port: number) {
  return a.inject({
    method: 'POST',
    url: '/v1/probe',
    payload: {
      settings: { host, port, tls: 'none', username: 'a@contoso.com', password: 'x' },
      timeoutMs: 2000,
    },
  })
}

const LITERALS = [
  '127.0.0.1',
  '2130706433',
  '0x7f000001',
  '0X7F000001',
  '0x7f.1',
  '0x7f.0.0.1',
  '127.1',
  '127.0.1',
  '0177.0.0.1',
  '0177.1',
  '017700000001',
  '127.000.000.001',
  '127.0.0.1.',
  '0',
  '0.0.0.0',
  '[::ffff:127.0.0.1]',
  '::ffff:127.0.0.1',
  '[::ffff:7f00:1]',
  '[::1]',
  '::1',
  '[0:0:0:0:0:0:0:1]',
  '[::]',
  '[::127.0.0.1]',
  '[64:ff9b::127.0.0.1]',
  '[fe80::1%25lo]',
  '１２７.０.０.１',
  '127。0。0。1',
  '127.0.0.1:25',
  '127.0.0.1%00',
  'smtp.office365.com@127.0.0.1',
  '127.0.0.1#.smtp.office365.com',
  '127.0.0.1/smtp.office365.com',
  'localhost',
  'LOCALHOST.',
  'localhost.localdomain',
  'ip6-localhost',
]

const RESOLVING_TO_LOOPBACK = [
  'smtp.office365.com',
  'SMTP.Office365.com.',
  'smtp-legacy.office365.com',
  'contoso-com.mail.protection.outlook.com',
  'fabrikam-com.mail.protection.outlook.com.',
]

describe('SSRF: /v1/probe reaches nothing it should not', () => {
  it.each(LITERALS)('refuses %j (IP literal / loopback name) with 403', async (host) => {
    const res = await probeHost(app, host, canary.port)
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('SD_API_PROBE_TARGET_DENIED')
  })

  it.each(RESOLVING_TO_LOOPBACK)('refuses allowed name %j when DNS answers loopback', async (host) => {
    // 587 and 25 are allowed for every default host; the refusal must come from the address.
    const res = await probeHost(app, host, host.includes('mail.protection') ? 25 : 587)
    expect(res.statusCode).toBe(403)
    expect(res.json().detail).toMatch(/non-public-address/)
  })

  it('refuses the default Microsoft 365 hosts on ports no device uses (no port scanning)', async () => {
    for (const [host, port] of [
      ['smtp.office365.com', 22],
      ['smtp.office365.com', 443],
      ['contoso-com.mail.protection.outlook.com', 465],
      ['smtp-legacy.office365.com', canary.port],
    ] as const) {
      const res = await probeHost(app, host, port)
      expect(res.statusCode, `${host}:${port}`).toBe(403)
      expect(res.json().detail).toMatch(/port-not-allowed/)
    }
  })

  it('refuses names that only look like the allowed ones', async () => {
    for (const host of [
      'smtp.office365.com.evil.example',
      'evilsmtp.office365.com',
      'mail.protection.outlook.com',
      'outlook.com',
      'x.mail.protection.outlook.com.evil',
      'x-mail.protection.outlook.co',
    ]) {
      const res = await probeHost(app, host, canary.port)
      expect(res.statusCode, host).toBe(403)
    }
  })

  it('refuses a resolver answer that mixes public and internal addresses', async () => {
    const mixed: GuardLookup = async () => [{ address: '52.96.0.1' }, { address: '127.0.0.1' }]
    const a = await buildApp({ logger: false, probeLookup: mixed, rateLimit: { global: false } })
    try {
      for (const internal of ['169.254.169.254', '10.0.0.1', '100.64.0.1', '::ffff:127.0.0.1', 'fd00::1']) {
        const lookup: GuardLookup = async () => [{ address: '52.96.0.1' }, { address: internal }]
        const b = await buildApp({ logger: false, probeLookup: lookup, rateLimit: { global: false } })
        expect((await probeHost(b, 'smtp.office365.com', canary.port)).statusCode, internal).toBe(403)
        await b.close()
      }
      expect((await probeHost(a, 'smtp.office365.com', canary.port)).statusCode).toBe(403)
    } finally {
      await a.close()
    }
  })

  it('an explicitly allowed host is allowed on its port only', async () => {
    const lookup: GuardLookup = async () => [{ address: '127.0.0.1' }]
    const a = await buildApp({
      logger: false,
      probeLookup: lookup,
      probeAllow: [`sim.test:${canary.port + 1 > 65535 ? 1 : canary.port + 1}`],
      rateLimit: { global: false },
    })
    try {
      const res = await probeHost(a, 'sim.test', canary.port)
      expect(res.statusCode).toBe(403)
      expect(res.json().detail).toMatch(/port-not-allowed/)
    } finally {
      await a.close()
    }
  })

  it('the canaries saw no connection', () => {
    expect(canary.connections()).toBe(0)
    expect(canary6?.connections() ?? 0).toBe(0)
  })
})

describe('DNS rebinding: the probe connects to the address that was checked', () => {
  it('pins the first answer even when the resolver changes its mind', async () => {
    const trap = await startCanary('127.0.0.1')
    // The "legitimate" endpoint listens on 127.0.0.2 at the same port as the trap on 127.0.0.1.
    let legit = 0
    const sockets = new Set<net.Socket>()
    const server = net.createServer((socket) => {
      legit++
      sockets.add(socket)
      socket.on('error', () => {})
      socket.write('554 5.7.1 no service\r\n')
      socket.on('data', () => socket.end('221 bye\r\n'))
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(trap.port, '127.0.0.2', () => resolve())
    })
    let calls = 0
    const rebinding: GuardLookup = async () => {
      calls++
      return [{ address: calls === 1 ? '127.0.0.2' : '127.0.0.1' }]
    }
    const a = await buildApp({
      logger: false,
      probeLookup: rebinding,
      probeAllow: [`rebind.test:${trap.port}`],
      rateLimit: { global: false },
    })
    try {
      const res = await probeHost(a, 'rebind.test', trap.port)
      expect(res.statusCode).toBe(200)
      expect(res.json().probe.tcp).toMatchObject({ ok: true, address: '127.0.0.2' })
      expect(calls).toBe(1)
      expect(legit).toBe(1)
      expect(trap.connections()).toBe(0)
    } finally {
      await a.close()
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await trap.close()
    }
  })
})
