import { request } from 'node:https'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_TENANT_ID, type Sim } from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SimApi, startSimApi } from './helpers.js'

/*
 * The API never takes part in getting a token: no route accepts a client secret (token
 * acquisition is the CLI's, on the admin's machine). It does take a token's decoded claims as
 * a fact, and a token itself for the XOAUTH2 probe, which the simulator validates for real.
 */

const CANARY = 'Kv3~pQ8sT1.nWz6Lr4_yHb9Ec2'
const logs: string[] = []
const bodies: string[] = []
let harness: SimApi | undefined
let sim: Sim
let base: string

beforeAll(async () => {
  harness = await startSimApi((s) => ({
    logger: { level: 'trace', stream: { write: (line: string) => void logs.push(line) } },
    probeAllow: [`smtp.office365.com:${s.endpoints.smtpAuth.port}`],
  }))
  sim = harness.sim
  base = harness.base
})
afterAll(async () => {
  await harness?.close()
})

async function post(
  path: string,
  body: unknown,
): Promise<{ status: number; type: string; json: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  bodies.push(text)
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: JSON.parse(text) }
}

function appToken(scope: string): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: DEMO_CLIENT_ID,
    client_secret: DEMO_CLIENT_SECRET,
    scope,
  }).toString()
  return new Promise((resolve, reject) => {
    const req = request(
      `${sim.endpoints.authority!.url}/${DEMO_TENANT_ID}/oauth2/v2.0/token`,
      {
        method: 'POST',
        ca: sim.certificatePem,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      (res) => {
        let t = ''
        res.setEncoding('utf8').on('data', (d: string) => {
          t += d
        })
        res.on('end', () => resolve(String((JSON.parse(t) as { access_token: string }).access_token)))
      },
    )
    req.on('error', reject)
    req.end(form)
  })
}

const settings = () => ({
  host: 'smtp.office365.com',
  port: sim.endpoints.smtpAuth.port,
  tls: 'starttls',
  username: 'scanner@contoso.com',
  from: 'scanner@contoso.com',
})

describe('OAuth through the API', () => {
  it.each([
    ['settings.clientSecret', () => ({ settings: { ...settings(), clientSecret: CANARY } })],
    ['settings.client_secret', () => ({ settings: { ...settings(), client_secret: CANARY } })],
    ['a top-level clientSecret', () => ({ settings: settings(), clientSecret: CANARY })],
    [
      'an oauth block',
      () => ({ settings: settings(), oauth: { flow: 'client-credentials', clientSecret: CANARY } }),
    ],
  ])('POST /v1/probe refuses %s with 400 problem+json', async (_name, body) => {
    const r = await post('/v1/probe', body())
    expect(r.status).toBe(400)
    expect(r.type).toContain('application/problem+json')
    expect(JSON.stringify(r.json)).not.toContain(CANARY)
  })

  it('POST /v1/diagnose and /v1/classify refuse a client secret in the settings', async () => {
    const facts = await post('/v1/diagnose', {
      facts: { settings: { ...settings(), clientSecret: CANARY } },
      lang: 'en',
    })
    expect(facts.status).toBe(400)
    const cls = await post('/v1/classify', { settings: { ...settings(), clientSecret: CANARY }, lang: 'en' })
    expect(cls.status).toBe(400)
    for (const r of [facts, cls]) expect(JSON.stringify(r.json)).not.toContain(CANARY)
  })

  it('POST /v1/diagnose refuses a raw token inside the token fact (claims only)', async () => {
    const r = await post('/v1/diagnose', {
      facts: { token: { aud: 'https://outlook.office365.com', accessToken: CANARY } },
      lang: 'en',
    })
    expect(r.status).toBe(400)
    expect(JSON.stringify(r.json)).toMatch(/token/)
    expect(JSON.stringify(r.json)).not.toContain(CANARY)
  })

  it('POST /v1/diagnose judges a token fact', async () => {
    const now = Math.floor(Date.now() / 1000)
    const r = await post('/v1/diagnose', {
      facts: {
        token: {
          aud: 'https://graph.microsoft.com',
          idtyp: 'app',
          roles: ['Mail.Send'],
          exp: now + 600,
          checkedAt: now,
        },
      },
      lang: 'cs',
    })
    expect(r.status).toBe(200)
    const findings = r.json.findings as { id: string; title: string }[]
    expect(findings[0]?.id).toBe('token-wrong-audience')
    expect(findings[0]?.title).toMatch(/Exchange Online/)
  })

  it('POST /v1/probe signs in with a real token from the simulated Entra ID (235), and a Graph token is refused (535 5.7.3)', async () => {
    const good = await appToken('https://outlook.office365.com/.default')
    const ok = await post('/v1/probe', { settings: { ...settings(), accessToken: good }, lang: 'en' })
    expect(ok.status).toBe(200)
    expect((ok.json.probe as { auth: { ok: boolean; mechanism: string } }).auth).toMatchObject({
      ok: true,
      mechanism: 'XOAUTH2',
    })
    const graph = await appToken('https://graph.microsoft.com/.default')
    const bad = await post('/v1/probe', { settings: { ...settings(), accessToken: graph }, lang: 'en' })
    expect(
      (bad.json.probe as { auth: { reply: { code: number; enhanced: string } } }).auth.reply,
    ).toMatchObject({ code: 535, enhanced: '5.7.3' })
    // The API reads the token's claims (never keeps the token), so the finding names the cause.
    expect((bad.json.findings as { id: string }[])[0]?.id).toBe('token-wrong-audience')
    for (const t of [good, graph]) {
      const sig = t.split('.')[2]!
      for (const text of [...bodies, ...logs]) expect(text).not.toContain(sig)
    }
  })

  it('no response or log line holds the canary secret in any form', () => {
    const all = [...bodies, ...logs].join('\n')
    for (const f of [
      CANARY,
      Buffer.from(CANARY).toString('base64').replace(/=+$/, ''),
      encodeURIComponent(CANARY),
    ])
      expect(all).not.toContain(f)
    expect(all).not.toContain(DEMO_CLIENT_SECRET)
  })
})
