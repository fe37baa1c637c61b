import { request } from 'node:https'
import nodemailer from 'nodemailer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCertificates } from '../certificate.js'
import type { SimScenarioInput } from '../scenario.js'
import { type Sim, startSim } from '../sim.js'
import { AadstsCode } from './scenario.js'

const TENANT = '5f3c8a1e-6b2d-4e7f-9a1c-3d5e7f9b1a2c'
const APP = '2b5a9c4e-1d3f-4a6b-8c7d-9e0f1a2b3c4d'
const SECRET = 'sim-secret-value-0001'
const NO_SP = '3c6b0d5f-2e4a-4b7c-9d8e-0f1a2b3c4d5e'

const scenario = {
  accounts: [
    { username: 'scanner@contoso.com', password: 'Correct-Horse-1' },
    { username: 'other@contoso.com', password: 'Correct-Horse-1' },
    { username: 'ca@contoso.com', password: 'Correct-Horse-1', signIn: 'conditional-access' },
  ],
  oauth: {
    tenantId: TENANT,
    apps: [
      {
        clientId: APP,
        secrets: [{ value: SECRET }, { value: 'sim-old-secret-0002', expired: true }],
        mailboxes: ['scanner@contoso.com'],
        delegated: ['SMTP.Send'],
      },
      {
        clientId: NO_SP,
        secrets: [{ value: SECRET }],
        exchangeServicePrincipal: false,
        mailboxes: ['scanner@contoso.com'],
      },
    ],
  },
} satisfies SimScenarioInput

let sim: Sim
let base: string
const ca = makeCertificates('device.contoso.com').server.cert

beforeAll(async () => {
  sim = await startSim(scenario)
  base = sim.endpoints.authority!.url
}, 60_000)
afterAll(async () => {
  await sim.stop()
}, 60_000)

type Answer = { status: number; body: Record<string, unknown> }
function call(method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<Answer> {
  const data = form ? new URLSearchParams(form).toString() : undefined
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        ca,
        headers: data
          ? { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(data) }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        )
      },
    )
    req.on('error', reject)
    req.end(data)
  })
}
const token = (form: Record<string, string>, tenant = TENANT) =>
  call('POST', `${base}/${tenant}/oauth2/v2.0/token`, form)
const cc = (extra: Record<string, string> = {}) =>
  token({
    grant_type: 'client_credentials',
    client_id: APP,
    client_secret: SECRET,
    scope: 'https://outlook.office365.com/.default',
    ...extra,
  })
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'))

async function smtpAuth(user: string, accessToken: string): Promise<{ ok: boolean; response?: string }> {
  const t = nodemailer.createTransport({
    host: sim.endpoints.smtpAuth.host,
    port: sim.endpoints.smtpAuth.port,
    secure: false,
    requireTLS: true,
    tls: { ca },
    auth: { type: 'OAuth2', user, accessToken },
    connectionTimeout: 5000,
    socketTimeout: 5000,
  })
  try {
    await t.verify()
    return { ok: true }
  } catch (err) {
    return { ok: false, response: (err as { response?: string }).response }
  } finally {
    t.close()
  }
}

describe('simulated Entra ID authority', () => {
  it('serves OIDC discovery for the tenant id and for a domain, and instance discovery, over HTTPS with the simulator CA', async () => {
    for (const tenant of [TENANT, 'contoso.com']) {
      const d = await call('GET', `${base}/${tenant}/v2.0/.well-known/openid-configuration`)
      expect(d.status).toBe(200)
      expect(d.body.token_endpoint).toBe(`${base}/${tenant}/oauth2/v2.0/token`)
      expect(d.body.issuer).toBe(`${base}/${TENANT}/v2.0`)
    }
    const i = await call('GET', `${base}/common/discovery/instance?api-version=1.1&authorization_endpoint=x`)
    expect(i.body.tenant_discovery_endpoint).toContain('/{tenant}/v2.0/.well-known/openid-configuration')
    const keys = await call('GET', `${base}/${TENANT}/discovery/v2.0/keys`)
    expect((keys.body.keys as { kty: string }[])[0]?.kty).toBe('RSA')
  })

  it('issues an RS256 app-only token for Exchange with SMTP.SendAsApp, and Exchange accepts it', async () => {
    const r = await cc()
    expect(r.status).toBe(200)
    const at = String(r.body.access_token)
    const c = claims(at)
    expect(c).toMatchObject({
      aud: 'https://outlook.office365.com',
      tid: TENANT,
      appid: APP,
      idtyp: 'app',
      roles: ['SMTP.SendAsApp'],
    })
    expect(JSON.parse(Buffer.from(at.split('.')[0]!, 'base64url').toString()).alg).toBe('RS256')
    expect(await smtpAuth('scanner@contoso.com', at)).toEqual({ ok: true })
  })

  it('Exchange refuses a Graph token, a token for a mailbox the app may not use, a tampered one, and one without a service principal', async () => {
    const graph = await cc({ scope: 'https://graph.microsoft.com/.default' })
    expect(claims(String(graph.body.access_token)).aud).toBe('https://graph.microsoft.com')
    expect((await smtpAuth('scanner@contoso.com', String(graph.body.access_token))).response).toMatch(
      /^535 5\.7\.3 Authentication unsuccessful/,
    )
    const good = String((await cc()).body.access_token)
    expect((await smtpAuth('other@contoso.com', good)).response).toMatch(/^535 5\.7\.3 /)
    const [h, p] = good.split('.')
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims(good), roles: ['SMTP.SendAsApp', 'x'] })).toString('base64url')}.${good.split('.')[2]}`
    expect(p).toBeTruthy()
    expect((await smtpAuth('scanner@contoso.com', forged)).response).toMatch(/^535 5\.7\.3 /)
    const noSp = await cc({ client_id: NO_SP })
    expect((await smtpAuth('scanner@contoso.com', String(noSp.body.access_token))).response).toMatch(
      /^535 5\.7\.3 /,
    )
  })

  it.each([
    [{ client_id: '00000000-0000-4000-8000-000000000000' }, 700016, 'unauthorized_client'],
    [{ client_secret: 'wrong-secret-value' }, 7000215, 'invalid_client'],
    [{ client_secret: 'sim-old-secret-0002' }, 7000222, 'invalid_client'],
    [{ client_secret: '' }, 7000218, 'invalid_client'],
    [{ scope: 'https://outlook.office365.com/SMTP.SendAsApp' }, 70011, 'invalid_scope'],
    [{ scope: 'https://nothing.example/.default' }, 500011, 'invalid_resource'],
    [{ scope: '' }, 900144, 'invalid_request'],
  ])('answers %j with AADSTS%s in Entra’s error shape', async (extra, code, error) => {
    const r = await cc(extra)
    expect(r.status).toBeGreaterThanOrEqual(400)
    expect(r.body).toMatchObject({ error, error_codes: [code] })
    expect(String(r.body.error_description)).toMatch(new RegExp(`^AADSTS${code}: `))
    expect(JSON.stringify(r.body)).not.toContain(SECRET)
    for (const k of ['timestamp', 'trace_id', 'correlation_id', 'error_uri']) expect(r.body[k]).toBeTruthy()
  })

  it('answers an unknown tenant with AADSTS90002 at discovery and at the token endpoint', async () => {
    const d = await call('GET', `${base}/fabrikam.example/v2.0/.well-known/openid-configuration`)
    expect(d.body.error_codes).toEqual([90002])
    expect((await token({ grant_type: 'client_credentials' }, 'fabrikam.example')).body.error_codes).toEqual([
      90002,
    ])
  })

  it('runs the device-code flow: pending, then a delegated SMTP.Send token that Exchange accepts; CA blocks with 53003', async () => {
    const dc = await call('POST', `${base}/contoso.com/oauth2/v2.0/devicecode`, {
      client_id: APP,
      scope: 'https://outlook.office.com/SMTP.Send offline_access openid profile',
    })
    expect(dc.body.user_code).toBeTruthy()
    const poll = () =>
      token({
        grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
        client_id: APP,
        device_code: String(dc.body.device_code),
      })
    expect((await poll()).body.error).toBe('authorization_pending')
    const t = await poll()
    expect(t.status).toBe(200)
    expect(claims(String(t.body.access_token))).toMatchObject({
      scp: 'SMTP.Send',
      upn: 'scanner@contoso.com',
      idtyp: 'user',
    })
    expect(await smtpAuth('scanner@contoso.com', String(t.body.access_token))).toEqual({ ok: true })
    expect((await smtpAuth('other@contoso.com', String(t.body.access_token))).ok).toBe(false)
    const bad = await call('POST', `${base}/contoso.com/oauth2/v2.0/devicecode`, {
      client_id: APP,
      scope: 'https://outlook.office.com/Nope.Send',
    })
    expect(bad.body.error_codes).toEqual([650053])
  })

  it('has a knob for every AADSTS error', async () => {
    for (const code of AadstsCode.options) {
      const s = await startSim({ ...scenario, oauth: { ...scenario.oauth, failWith: code } })
      try {
        const r = await call('POST', `${s.endpoints.authority!.url}/${TENANT}/oauth2/v2.0/token`, {
          grant_type: 'client_credentials',
          client_id: APP,
          client_secret: SECRET,
          scope: 'https://outlook.office365.com/.default',
        })
        expect(r.body.error_codes).toEqual([Number(code)])
        expect(String(r.body.error_description)).toMatch(new RegExp(`^AADSTS${code}: \\S`))
      } finally {
        await s.stop()
      }
    }
  }, 60_000)

  it('answers SMTP AUTH disabled for the tenant with 5.7.139 even for a good token', async () => {
    const s = await startSim({ ...scenario, smtpAuth: { enabled: false } })
    try {
      const r = await call('POST', `${s.endpoints.authority!.url}/${TENANT}/oauth2/v2.0/token`, {
        grant_type: 'client_credentials',
        client_id: APP,
        client_secret: SECRET,
        scope: 'https://outlook.office365.com/.default',
      })
      const t = nodemailer.createTransport({
        host: s.endpoints.smtpAuth.host,
        port: s.endpoints.smtpAuth.port,
        secure: false,
        requireTLS: true,
        tls: { ca },
        auth: { type: 'OAuth2', user: 'scanner@contoso.com', accessToken: String(r.body.access_token) },
      })
      await expect(t.verify()).rejects.toMatchObject({
        response: expect.stringMatching(/^535 5\.7\.139 .*disabled for the Tenant/),
      })
      t.close()
    } finally {
      await s.stop()
    }
  })
})
