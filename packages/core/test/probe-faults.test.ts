import { promises as dns } from 'node:dns'
import net, { type AddressInfo } from 'node:net'
import {
  type DnsServerHandle,
  defaultDnsZone,
  SIM_DNS,
  type Sim,
  SimFault,
  startDnsServer,
  startSim,
} from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProbeErrorCode, ProbeStage } from '../src/index.js'
import { type ProbeInput, probe, tlsMatrix } from '../src/probe/index.js'
import { assertClean } from './helpers.js'

const PASSWORD = 'Fault-Case-Secret-77'
const TIMEOUT_MS = 1200
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason)
}

let sim: Sim
let dnsServer: DnsServerHandle
let closedPort: number

const openSockets = (): number =>
  process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'TLSWrap').length
let socketsBefore = 0

beforeAll(async () => {
  socketsBefore = openSockets()
  process.on('unhandledRejection', onUnhandled)
  sim = await startSim({
    implicitTls: true,
    faults: [...SimFault.options],
  })
  dnsServer = await startDnsServer(defaultDnsZone)
  // A port that was just free: bind, note it, close; nothing listens there afterwards.
  const srv = net.createServer()
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve))
  closedPort = (srv.address() as AddressInfo).port
  await new Promise<void>((resolve) => srv.close(() => resolve()))
}, 60_000)

afterAll(async () => {
  await sim.stop()
  await dnsServer.stop()
  process.off('unhandledRejection', onUnhandled)
  expect(unhandled).toEqual([])
  // Every socket the probes opened is gone once the servers are.
  await new Promise((r) => setTimeout(r, 50))
  expect(openSockets()).toBe(socketsBefore)
}, 60_000)

function faultInput(fault: SimFault, extra: Partial<ProbeInput> = {}): ProbeInput {
  const ep = sim.endpoints.faults[fault]
  if (!ep) throw new Error(`fault ${fault} not started`)
  return {
    host: ep.host,
    port: ep.port,
    tls: 'starttls',
    username: 'scanner@contoso.com',
    password: PASSWORD,
    from: 'scanner@contoso.com',
    recipients: ['someone@fabrikam.com'],
    timeoutMs: TIMEOUT_MS,
    ...extra,
  }
}

const cases: { fault: SimFault; stage: ProbeStage; code: ProbeErrorCode; tls?: 'implicit' }[] = [
  { fault: 'silent-banner', stage: 'banner', code: 'TIMEOUT' },
  { fault: 'silent-mid-tls', stage: 'tls', code: 'TIMEOUT' },
  { fault: 'reset-after-banner', stage: 'ehlo', code: 'TCP_RESET' },
  { fault: 'garbage', stage: 'banner', code: 'PROTOCOL_ERROR' },
  { fault: 'long-line', stage: 'banner', code: 'LINE_TOO_LONG' },
  { fault: 'slow-drip', stage: 'banner', code: 'TIMEOUT' },
  { fault: 'tls-version-mismatch', stage: 'tls', code: 'TLS_VERSION_MISMATCH' },
  { fault: 'tls-version-mismatch-implicit', stage: 'tls', code: 'TLS_VERSION_MISMATCH', tls: 'implicit' },
]

describe('faults become named error codes within the timeout', () => {
  for (const c of cases) {
    it(`${c.fault} → ${c.stage} ${c.code}`, { timeout: TIMEOUT_MS * 4 }, async () => {
      const before = process.memoryUsage().arrayBuffers
      const r = await probe(faultInput(c.fault, c.tls ? { tls: c.tls } : {}))
      expect(r.facts.probe?.error).toMatchObject({ stage: c.stage, code: c.code })
      expect(r.steps.at(-1)).toMatchObject({ stage: c.stage, ok: false })
      assertClean(r, [PASSWORD])
      // Whatever the server sends, the probe holds at most about one capped line of it.
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(12 * 1024 * 1024)
    })
  }

  it('implicit TLS dialled at a STARTTLS port → TLS_HANDSHAKE_FAILED (not a version problem)', async () => {
    const ep = sim.endpoints.smtpAuth
    const r = await probe({ host: ep.host, port: ep.port, tls: 'implicit', timeoutMs: TIMEOUT_MS })
    expect(r.facts.probe?.error).toMatchObject({ stage: 'tls', code: 'TLS_HANDSHAKE_FAILED' })
  })

  it('STARTTLS expected at an implicit-TLS port → TIMEOUT at the banner', async () => {
    const ep = sim.endpoints.implicit as { host: string; port: number }
    const r = await probe({ host: ep.host, port: ep.port, tls: 'starttls', timeoutMs: 500 })
    expect(r.facts.probe?.error).toMatchObject({ stage: 'banner', code: 'TIMEOUT' })
  })

  it('port closed → TCP_REFUSED', async () => {
    const r = await probe({ host: '127.0.0.1', port: closedPort, tls: 'starttls', timeoutMs: TIMEOUT_MS })
    expect(r.facts.probe?.error).toMatchObject({ stage: 'tcp', code: 'TCP_REFUSED' })
    expect(r.facts.probe?.tcp?.ok).toBe(false)
  })

  it('an onStep callback that throws does not break the probe', async () => {
    const r = await probe({
      ...faultInput('garbage'),
      onStep: () => {
        throw new Error('printer on fire')
      },
    })
    expect(r.facts.probe?.error?.code).toBe('PROTOCOL_ERROR')
  })

  it('an async onStep callback that rejects leaves no unhandled rejection', async () => {
    const r = await probe({ ...faultInput('garbage'), onStep: async () => Promise.reject(new Error('nope')) })
    expect(r.facts.probe?.error?.code).toBe('PROTOCOL_ERROR')
  })

  it('an aborted probe ends with TIMEOUT at the running step', async () => {
    const ac = new AbortController()
    const running = probe({ ...faultInput('silent-banner'), timeoutMs: 10_000, signal: ac.signal })
    setTimeout(() => ac.abort(), 100)
    const r = await running
    expect(r.facts.probe?.error).toMatchObject({ stage: 'banner', code: 'TIMEOUT' })
  })

  it('an abort during name resolution ends the probe at once with TIMEOUT at dns', async () => {
    const ac = new AbortController()
    const running = probe({
      host: 'smtp.office365.com',
      port: 587,
      tls: 'starttls',
      timeoutMs: 60_000,
      signal: ac.signal,
      lookup: () => new Promise(() => {}),
    })
    setTimeout(() => ac.abort(), 50)
    const r = await running
    expect(r.facts.probe?.error).toMatchObject({ stage: 'dns', code: 'TIMEOUT' })
  })

  it('the TLS matrix says "refused" for versions the endpoint does not speak', async () => {
    const ep = sim.endpoints.faults['tls-version-mismatch'] as { host: string; port: number }
    const m = await tlsMatrix({ host: ep.host, port: ep.port, tls: 'starttls', timeoutMs: 3000 })
    expect(m).toEqual({ TLSv1: true, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': false })
    const silent = sim.endpoints.faults['silent-banner'] as { host: string; port: number }
    const none = await tlsMatrix({ host: silent.host, port: silent.port, tls: 'starttls', timeoutMs: 300 })
    expect(none).toEqual({ TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null })
  })
})

describe('name resolution', () => {
  function resolver(): dns.Resolver {
    const r = new dns.Resolver({ timeout: 300, tries: 1 })
    r.setServers([dnsServer.address])
    return r
  }

  it('resolves through an injected resolver (the simulator zone)', async () => {
    const r = await probe({
      host: 'smtp.office365.com',
      port: sim.endpoints.smtpAuth.port,
      tls: 'starttls',
      timeoutMs: 5000,
      resolver: resolver(),
    })
    expect(r.facts.probe?.dns).toMatchObject({ ok: true, addresses: ['127.0.0.1'] })
    expect(r.facts.probe?.tls?.certificate?.hostnameMatches).toBe(true)
  })

  it('NXDOMAIN → DNS_NOT_FOUND', async () => {
    const r = await probe({
      host: 'no-such-host.contoso.com',
      port: 587,
      tls: 'starttls',
      resolver: resolver(),
    })
    expect(r.facts.probe?.error).toMatchObject({ stage: 'dns', code: 'DNS_NOT_FOUND' })
  })

  it('SERVFAIL → DNS_SERVFAIL', async () => {
    const r = await probe({
      host: `smtp.${SIM_DNS.servfailDomain}`,
      port: 587,
      tls: 'starttls',
      resolver: resolver(),
    })
    expect(r.facts.probe?.error).toMatchObject({ stage: 'dns', code: 'DNS_SERVFAIL' })
  })

  it('no answer → DNS_TIMEOUT within the probe timeout', async () => {
    const r = await probe({
      host: `smtp.${SIM_DNS.timeoutDomain}`,
      port: 587,
      tls: 'starttls',
      timeoutMs: TIMEOUT_MS,
      lookup: () => new Promise(() => {}),
    })
    expect(r.facts.probe?.error).toMatchObject({ stage: 'dns', code: 'DNS_TIMEOUT' })
    const viaServer = await probe({
      host: `smtp.${SIM_DNS.timeoutDomain}`,
      port: 587,
      tls: 'starttls',
      timeoutMs: TIMEOUT_MS,
      resolver: resolver(),
    })
    expect(viaServer.facts.probe?.error).toMatchObject({ stage: 'dns', code: 'DNS_TIMEOUT' })
  })
})

describe('input', () => {
  it('bad settings are a ZodError with paths, never a probe', async () => {
    await expect(probe({ host: '', port: 70000, tls: 'starttls' })).rejects.toMatchObject({
      name: 'ZodError',
    })
    await expect(probe({ host: 'x', port: 25, tls: 'none', timeoutMs: -5 })).rejects.toThrow(/timeoutMs/)
  })

  it('a ZodError for a bad field never carries the password', async () => {
    const err = await probe({ host: 'x', port: 0, tls: 'none', password: PASSWORD }).catch((e: unknown) => e)
    expect(JSON.stringify(err)).not.toContain(PASSWORD)
    expect(String(err)).not.toContain(PASSWORD)
  })
})
