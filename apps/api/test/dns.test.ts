import dgram from 'node:dgram'
import { type DnsServerHandle, SIM_DNS, startDnsServer } from '@smtp-doctor/m365-sim'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { checkTarget, DEFAULT_PROBE_ALLOW, ProbeTargetDenied, parseAllowList } from '../src/probe-guard.js'
import { startSimApi } from './helpers.js'

/*
 * A listening API whose configured resolver is the simulator's DNS server (real UDP/TCP on
 * loopback), asked over real HTTP.
 */

let dnsServer: DnsServerHandle
let app: FastifyInstance
let base: string

beforeAll(async () => {
  dnsServer = await startDnsServer()
  app = await buildApp({
    logger: false,
    dnsResolver: [dnsServer.address],
    rateLimit: { global: false, probe: { max: 1000, timeWindowMs: 60_000 } },
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  base = `http://127.0.0.1:${address.port}`
})
afterAll(async () => {
  await app?.close()
  await dnsServer?.stop()
})

type Answer = {
  findings: { id: string; severity: string; title: string }[]
  dns: {
    mx?: { endpoint?: string; endpointKind?: string; error?: { code: string } }
    spf?: { result: string; lookups?: number }
    dmarc?: { policy?: string; found: boolean }
    dkim?: { microsoft365Ready: boolean }
    dnsbl?: { listed: { zone: string }[] }
  }
}

async function post(
  body: unknown,
  url = `${base}/v1/dns`,
): Promise<{ status: number; type: string; json: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: await res.json() }
}

const zones = [...SIM_DNS.dnsblZones]
const ids = (a: Answer) => a.findings.map((f) => f.id)

describe('POST /v1/dns against the simulator DNS server', () => {
  it('SPF does not list the IP → the SPF rule; DMARC, DKIM and MX measured; only the configured resolver asked', async () => {
    dnsServer.clearQueries()
    const { status, json } = await post({ domain: SIM_DNS.tenantDomain, ip: SIM_DNS.relayIp, dnsbl: zones })
    expect(status).toBe(200)
    const a = json as Answer
    expect(a.dns.spf?.result).toBe('fail')
    expect(ids(a)).toContain('spf-fail-sending-ip')
    expect(a.dns.dmarc).toMatchObject({ found: true, policy: 'reject' })
    expect(a.dns.dkim?.microsoft365Ready).toBe(true)
    expect(a.dns.mx?.endpoint).toBe(SIM_DNS.tenantMx)
    expect(dnsServer.queries().length).toBeGreaterThanOrEqual(8)
  })

  it('a listed IP → the block-list rule, with the zones in the answer', async () => {
    const a = (await post({ domain: SIM_DNS.tenantDomain, ip: SIM_DNS.listedIp, dnsbl: zones }))
      .json as Answer
    expect(ids(a)).toContain('sending-ip-blocklisted')
    expect(a.dns.dnsbl?.listed.map((l) => l.zone)).toEqual(zones)
  })

  it('11 lookups → the permerror rule, in Czech', async () => {
    const a = (
      await post({ domain: SIM_DNS.elevenLookupsDomain, ip: SIM_DNS.relayIp, dnsbl: zones, lang: 'cs' })
    ).json as Answer
    expect(a.dns.spf).toMatchObject({ result: 'permerror', lookups: 11 })
    const f = a.findings.find((x) => x.id === 'spf-permerror')
    expect(f?.title).toMatch(/SPF/)
    expect(f?.title).toMatch(/[ěščřžýáíéůú]/)
  })

  it('the DNSSEC MX endpoint as DNS names it', async () => {
    const a = (await post({ domain: SIM_DNS.dnssecMxDomain })).json as Answer
    expect(a.dns.mx).toMatchObject({ endpoint: SIM_DNS.dnssecMx, endpointKind: 'mx.microsoft' })
  })

  it('a domain that does not exist is a named result', async () => {
    const { status, json } = await post({ domain: 'no-such-tenant.example' })
    expect(status).toBe(200)
    expect((json as Answer).dns.mx?.error?.code).toBe('DNS_NOT_FOUND')
  })

  it.each([
    [{ domain: 'bad\nname.com' }, ['domain']],
    [{ domain: `${'a'.repeat(64)}.com` }, ['domain']],
    [{ domain: 'x'.repeat(300) }, ['domain']],
    [{ domain: 'contoso.com', ip: '300.1.1.1' }, ['ip']],
    [{ domain: 'contoso.com', from: 'nobody' }, ['from']],
    [{ domain: 'contoso.com', dnsbl: ['ok.example', 'bad zone'] }, ['dnsbl', 1]],
    [{ domain: 'contoso.com', resolver: '192.0.2.53' }, []],
    [{ domain: 'contoso.com', timeoutMs: 10 }, ['timeoutMs']],
    [{ domain: 'contoso.com', lang: 'de' }, ['lang']],
  ])('bad body %j → 400 problem+json naming %j', async (body, path) => {
    dnsServer.clearQueries()
    const { status, type, json } = await post(body)
    expect(status).toBe(400)
    expect(type).toMatch(/^application\/problem\+json/)
    const problem = json as { code: string; errors?: { path: (string | number)[] }[] }
    expect(problem.code).toBe('SD_API_VALIDATION')
    if (path.length) expect(problem.errors?.map((e) => e.path)).toContainEqual(path)
    expect(dnsServer.queries()).toEqual([])
  })

  it('is in the OpenAPI document with examples', async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
      paths: Record<string, { post?: { requestBody?: unknown } }>
      components: { schemas: Record<string, { examples?: unknown[] }> }
    }
    expect(doc.paths['/v1/dns']?.post).toBeDefined()
    expect(doc.components.schemas.DnsRequest?.examples?.length).toBeGreaterThan(0)
    const probe = JSON.stringify(doc.components.schemas.ProbeRequest)
    expect(probe).toContain('tlsMatrix')
  })

  it("has a 200 example per request example, the engine's answer — the same findings the route gives for the demo zone", async () => {
    type Media = { examples?: Record<string, { value: unknown }> }
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
      paths: Record<
        string,
        {
          post: {
            requestBody: { content: Record<string, Media> }
            responses: Record<string, { content?: Record<string, Media> }>
          }
        }
      >
    }
    const op = doc.paths['/v1/dns']!.post
    const requests = op.requestBody.content['application/json']!.examples!
    const answers = op.responses['200']!.content!['application/json']!.examples!
    expect(Object.keys(answers).sort()).toEqual(Object.keys(requests).sort())
    for (const [name, { value }] of Object.entries(requests)) {
      const example = answers[name]!.value as {
        findings: { id: string }[]
        dns: { spf?: { result?: string } }
      }
      const live = await post(value as Record<string, unknown>)
      expect(live.status, name).toBe(200)
      const answer = live.json as typeof example
      expect(
        example.findings.map((f) => f.id),
        name,
      ).toEqual(answer.findings.map((f) => f.id))
      expect(example.dns.spf?.result, name).toBe(answer.dns.spf?.result)
    }
    expect((answers.withIp!.value as { findings: { id: string }[] }).findings.map((f) => f.id)).toContain(
      'spf-fail-sending-ip',
    )
  })
})

describe('POST /v1/dns guards', () => {
  it('is rate-limited like /v1/probe', async () => {
    const limited = await buildApp({
      logger: false,
      dnsResolver: [dnsServer.address],
      rateLimit: { global: false, probe: { max: 2, timeWindowMs: 60_000 } },
    })
    try {
      const codes: number[] = []
      for (let i = 0; i < 3; i++) {
        const res = await limited.inject({
          method: 'POST',
          url: '/v1/dns',
          payload: { domain: 'contoso.com' },
        })
        codes.push(res.statusCode)
        if (res.statusCode === 429) expect(res.headers['content-type']).toMatch(/problem\+json/)
      }
      expect(codes).toEqual([200, 200, 429])
    } finally {
      await limited.close()
    }
  })

  it('a resolver that never answers: named timeouts within the deadline', async () => {
    const silent = dgram.createSocket('udp4')
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', () => resolve()))
    const port = silent.address().port
    const slow = await buildApp({ logger: false, dnsResolver: [`127.0.0.1:${port}`] })
    try {
      const res = await slow.inject({
        method: 'POST',
        url: '/v1/dns',
        payload: { domain: 'contoso.com', ip: SIM_DNS.relayIp, dnsbl: ['bl.example'], timeoutMs: 300 },
      })
      expect(res.statusCode).toBe(200)
      const a = res.json() as Answer
      expect(a.dns.mx?.error?.code).toBe('DNS_TIMEOUT')
      expect(a.dns.spf?.result).toBe('temperror')
    } finally {
      await slow.close()
      silent.close()
    }
  })

  it('/v1/dns and /v1/probe share one cap of concurrent outbound checks', async () => {
    const silent = dgram.createSocket('udp4')
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', () => resolve()))
    const one = await buildApp({
      logger: false,
      maxConcurrentProbes: 1,
      dnsResolver: [`127.0.0.1:${silent.address().port}`],
      probeAllow: ['127.0.0.1:2599'],
    })
    try {
      // The first check holds the only slot until its queries time out.
      const first = one.inject({
        method: 'POST',
        url: '/v1/dns',
        payload: { domain: 'contoso.com', timeoutMs: 1000 },
      })
      await new Promise((resolve) => setTimeout(resolve, 100))
      const probe = await one.inject({
        method: 'POST',
        url: '/v1/probe',
        payload: { settings: { host: '127.0.0.1', port: 2599, tls: 'none' } },
      })
      expect(probe.statusCode).toBe(503)
      expect(probe.json()).toMatchObject({ code: 'SD_API_OVERLOADED' })
      const dns = await one.inject({ method: 'POST', url: '/v1/dns', payload: { domain: 'contoso.com' } })
      expect(dns.statusCode).toBe(503)
      expect((await first).statusCode).toBe(200)
    } finally {
      await one.close()
      silent.close()
    }
  })

  it('refuses to start with a resolver that is not ip[:port]', async () => {
    await expect(buildApp({ logger: false, dnsResolver: ['192.0.2.53', 'dns.example.com'] })).rejects.toThrow(
      'SMTP_DOCTOR_RESOLVER: expected up to 8 comma-separated ip, ip:port or [ipv6]:port, got "dns.example.com"',
    )
  })
})

describe('POST /v1/probe with tlsMatrix', () => {
  it('tests TLS 1.0–1.3 on the allowed target only, in probe.tlsVersions', async () => {
    const harness = await startSimApi((sim) => ({
      logger: false,
      probeAllow: [`smtp.office365.com:${sim.endpoints.smtpAuth.port}`],
    }))
    try {
      const port = harness.sim.endpoints.smtpAuth.port
      const ask = (tlsMatrix: boolean, host = 'smtp.office365.com') =>
        fetch(`${harness.base}/v1/probe`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ settings: { host, port, tls: 'starttls' }, tlsMatrix, timeoutMs: 10_000 }),
        })
      const res = await ask(true)
      expect(res.status).toBe(200)
      const body = (await res.json()) as { probe: { tlsVersions?: Record<string, boolean | null> } }
      expect(Object.keys(body.probe.tlsVersions ?? {}).sort()).toEqual([
        'TLSv1',
        'TLSv1.1',
        'TLSv1.2',
        'TLSv1.3',
      ])
      expect(body.probe.tlsVersions?.['TLSv1.2']).toBe(true)
      const without = (await (await ask(false)).json()) as { probe: { tlsVersions?: unknown } }
      expect(without.probe.tlsVersions).toBeUndefined()
      // The matrix goes through the same guard: a target off the list is refused before any connection.
      expect((await ask(true, 'mail.example.net')).status).toBe(403)
    } finally {
      await harness.close()
    }
  })
})

describe('the probe guard knows the DNSSEC MX endpoints', () => {
  const publicLookup = async () => [{ address: '52.101.0.10' }]
  const defaults = parseAllowList(DEFAULT_PROBE_ALLOW, false)

  it('allows *.mx.microsoft on port 25, as the MX record names it', async () => {
    const t = await checkTarget(SIM_DNS.dnssecMx, 25, {
      allow: defaults,
      lookup: publicLookup,
      timeoutMs: 1000,
    })
    expect(t.host).toBe(SIM_DNS.dnssecMx)
  })

  it.each([
    ['mx.microsoft', 25],
    [SIM_DNS.dnssecMx, 587],
    ['evil.mx.microsoft.example', 25],
  ])('refuses %s:%d', async (host, port) => {
    await expect(
      checkTarget(host, port, { allow: defaults, lookup: publicLookup, timeoutMs: 1000 }),
    ).rejects.toBeInstanceOf(ProbeTargetDenied)
  })
})
