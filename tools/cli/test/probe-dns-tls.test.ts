import {
  type DnsServerHandle,
  demoScenario,
  SIM_DNS,
  type Sim,
  startDnsServer,
  startSim,
} from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

/*
 * `probe --tls-matrix --device-max-tls --domain --ip --resolver`: the simulator's SMTP AUTH
 * endpoint (real TLS at each version) and its DNS server (real UDP/TCP), in one run.
 */

let sim: Sim
let dns: DnsServerHandle

beforeAll(async () => {
  sim = await startSim(demoScenario)
  dns = await startDnsServer()
})
afterAll(async () => {
  await sim?.stop()
  await dns?.stop()
})

const base = () => [
  'probe',
  '--host',
  'smtp.office365.com',
  '--port',
  String(sim.endpoints.smtpAuth.port),
  '--resolver',
  dns.address,
]

type Answer = {
  findings: { id: string }[]
  probe: {
    tlsVersions?: Record<string, boolean | null>
    tls?: { ok: boolean; error?: { code: string } }
    mx?: { endpoint?: string }
    spf?: { result: string }
    dnsbl?: { listed: { zone: string }[] }
  }
}

describe('probe with the TLS matrix and the DNS checks', () => {
  it('shows the four TLS versions live and measures device-tls-below-1-2 with --device-max-tls 1.1', async () => {
    const r = await runCli([...base(), '--tls-matrix', '--device-max-tls', '1.1'])
    for (const v of ['1.0', '1.1', '1.2', '1.3']) {
      expect(r.stdout).toMatch(
        new RegExp(`^. TLS ${v.replace('.', '\\.')}\\s+(accepted|refused) by the endpoint.*\\d+ ms$`, 'm'),
      )
    }
    expect(r.stdout).toMatch(/TLS 1\.2\s+accepted by the endpoint/)
    expect(r.stdout).toMatch(/TLS 1\.1\s+refused by the endpoint · device ✓/)
    expect(r.stdout).toContain('[device-tls-below-1-2')
    const j = await runCli(['--json', ...base(), '--tls-matrix', '--device-max-tls', '1.1'])
    const answer = JSON.parse(j.stdout) as Answer
    expect(answer.probe.tlsVersions).toEqual({
      TLSv1: false,
      'TLSv1.1': false,
      'TLSv1.2': true,
      'TLSv1.3': true,
    })
    // The probe itself offered no more than the device can: the handshake failed on the version.
    expect(answer.probe.tls?.error?.code).toBe('TLS_VERSION_MISMATCH')
    expect(answer.findings.map((f) => f.id)).toContain('device-tls-below-1-2')
  })

  it('runs the DNS checks in the same run, each a live line, into the probe facts', async () => {
    const args = [
      ...base(),
      '--domain',
      SIM_DNS.tenantDomain,
      '--ip',
      SIM_DNS.listedIp,
      '--dnsbl',
      'bl.example',
    ]
    const r = await runCli(args)
    for (const [mark, check] of [
      ['✔', 'MX'],
      ['✖', 'SPF'],
      ['✔', 'DMARC'],
      ['✔', 'DKIM'],
      ['✖', 'block lists'],
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^${mark} ${check}\\s+.+\\d+ ms$`, 'm'))
    }
    expect(r.stdout).toMatch(/^✔ banner/m)
    const answer = JSON.parse((await runCli(['--json', ...args])).stdout) as Answer
    expect(answer.probe.mx?.endpoint).toBe(SIM_DNS.tenantMx)
    expect(answer.probe.spf?.result).toBe('fail')
    expect(answer.probe.dnsbl?.listed.map((l) => l.zone)).toEqual(['bl.example'])
    expect(answer.findings.map((f) => f.id)).toContain('sending-ip-blocklisted')
  })

  it('a direct send device: the MX conversation and the from-domain DNS checks diagnosed together', async () => {
    const args = [
      '--json',
      'probe',
      '--host',
      SIM_DNS.tenantMx,
      '--port',
      String(sim.endpoints.mx.port),
      '--resolver',
      dns.address,
      '--from',
      `scanner@${SIM_DNS.tenantDomain}`,
      '--to',
      `someone@${SIM_DNS.tenantDomain}`,
      '--ip',
      SIM_DNS.relayIp,
      '--dnsbl',
      'bl.example',
    ]
    const answer = JSON.parse((await runCli(args)).stdout) as Answer
    // No --domain: the checks take the from-address's domain.
    expect(answer.probe.mx?.endpoint).toBe(SIM_DNS.tenantMx)
    const ids = answer.findings.map((f) => f.id)
    expect(ids).toEqual(expect.arrayContaining(['spf-fail-sending-ip', 'dns-dmarc-reject-direct-send']))
  })

  it('--host localhost with --resolver dials loopback and asks the resolver only the DNS checks (RFC 6761)', async () => {
    dns.clearQueries()
    const args = [
      '--json',
      'probe',
      '--host',
      'localhost',
      '--port',
      String(sim.endpoints.mx.port),
      '--resolver',
      dns.address,
      '--from',
      `scanner@${SIM_DNS.tenantDomain}`,
      '--to',
      `someone@${SIM_DNS.tenantDomain}`,
      '--ip',
      SIM_DNS.relayIp,
      '--tls-matrix',
    ]
    const answer = JSON.parse((await runCli(args)).stdout) as Answer & { probe: { dns?: { ok: boolean } } }
    const ids = answer.findings.map((f) => f.id)
    expect(ids).not.toContain('server-name-not-resolved')
    expect(answer.probe.dns?.ok).toBe(true)
    expect(answer.probe.tlsVersions?.['TLSv1.2']).toBe(true)
    expect(ids).toEqual(expect.arrayContaining(['spf-fail-sending-ip', 'dns-dmarc-reject-direct-send']))
    const names = dns.queries().map((q) => q.name.toLowerCase())
    expect(names).toContain(SIM_DNS.tenantDomain)
    expect(names.filter((n) => n.includes('localhost'))).toEqual([])
  })

  it.each([
    [['--device-max-tls', '1.4'], /--device-max-tls/],
    [['--ip', 'not-an-ip'], /not an IP address/],
    [['--resolver', 'dns.example'], /expected ip, ip:port/],
  ])('bad %j → exit 2 before anything is sent', async (extra, message) => {
    dns.clearQueries()
    const r = await runCli([...base(), ...extra])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
    expect(dns.queries()).toEqual([])
  })

  it('smtp-doctor sim serves the demo DNS zone too, and dns answers from it', async () => {
    const { spawn } = await import('node:child_process')
    const { CLI } = await import('./run-cli.js')
    const child = spawn(process.execPath, [CLI, 'sim', '--json'], {
      env: { ...process.env, SMTP_DOCTOR_SKIP_BUILD_CHECK: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    })
    try {
      let out = ''
      const address = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          out += d
          try {
            resolve((JSON.parse(out) as { dns: string }).dns)
          } catch {
            // not all of it yet
          }
        })
        child.on('exit', (code) => reject(new Error(`sim exited ${code} early`)))
      })
      expect(address).toMatch(/^127\.0\.0\.1:\d+$/)
      const r = await runCli([
        '--json',
        'dns',
        SIM_DNS.tenantDomain,
        '--ip',
        SIM_DNS.relayIp,
        '--resolver',
        address,
        '--dnsbl',
        'bl.example',
      ])
      expect((JSON.parse(r.stdout) as Answer & { dns: { spf: { result: string } } }).dns.spf.result).toBe(
        'fail',
      )
    } finally {
      child.kill('SIGTERM')
    }
  })
})
