/**
 * Strict contracts and the classify description: every nested object in a body refuses unknown
 * keys with a 400 naming the path and the key meant; classify describes the settings it classified.
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildApp({ logger: false, rateLimit: { global: false } })
  await app.ready()
})
afterAll(async () => {
  await app.close()
})

const post = (url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> })

type Problem = { code: string; errors: { path: (string | number)[]; message: string }[] }

const SETTINGS = {
  host: 'smtp.office365.com',
  port: 587,
  tls: 'starttls',
  username: 'a@contoso.com',
  password: true,
}

describe('unknown keys are refused at every depth', () => {
  it('POST /v1/diagnose settings.to → 400 naming facts.settings.to and "recipients"', async () => {
    const res = await post('/v1/diagnose', { facts: { settings: { ...SETTINGS, to: ['x@gmail.com'] } } })
    expect(res.statusCode).toBe(400)
    const body = res.json() as Problem
    expect(body.code).toBe('SD_API_VALIDATION')
    expect(body.errors).toContainEqual({
      path: ['facts', 'settings', 'to'],
      message: expect.stringContaining('"to" (did you mean "recipients"?)'),
    })
  })

  it('a misspelt key deep in the facts names the closest key', async () => {
    const cases: [unknown, (string | number)[], string][] = [
      [{ settings: { ...SETTINGS, usrname: 'a' } }, ['facts', 'settings', 'usrname'], '"username"'],
      [
        { tenant: { mailbox: { sendAsGrantd: false } } },
        ['facts', 'tenant', 'mailbox', 'sendAsGrantd'],
        '"sendAsGranted"',
      ],
      [{ observed: { errortext: '535 5.7.3' } }, ['facts', 'observed', 'errortext'], '"errorText"'],
      [
        { probe: { tcp: { ok: false, adress: '1.2.3.4' } } },
        ['facts', 'probe', 'tcp', 'adress'],
        '"address"',
      ],
    ]
    for (const [facts, path, hint] of cases) {
      const body = (await post('/v1/diagnose', { facts })).json() as Problem
      expect(body.errors.find((e) => JSON.stringify(e.path) === JSON.stringify(path))?.message).toContain(
        `did you mean ${hint}?`,
      )
    }
  })

  it('classify, probe and advise bodies refuse unknown nested keys too', async () => {
    const classify = (await post('/v1/classify', { settings: { ...SETTINGS, user: 'a' } })).json() as Problem
    expect(classify.errors[0]?.path).toEqual(['settings', 'user'])
    expect(classify.errors[0]?.message).toContain('did you mean "username"?')
    const probe = await post('/v1/probe', { settings: { ...SETTINGS, timeout: 5 } })
    expect(probe.statusCode).toBe(400)
    const advise = (await post('/v1/advise', { needs: { 'static-ip': true } })).json() as Problem
    expect(advise.errors[0]).toMatchObject({
      path: ['needs', 'static-ip'],
      message: expect.stringContaining('"staticIp"'),
    })
  })

  it('the OpenAPI document says so: additionalProperties false on nested objects', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const text = JSON.stringify(doc)
    expect(text).toContain('"additionalProperties":false')
  })
})

describe('POST /v1/classify describes the settings it classified', () => {
  it('port 465 without TLS is described as such, not as smtp.office365.com:587', async () => {
    const res = await post('/v1/classify', { settings: { ...SETTINGS, port: 465, tls: 'none' } })
    expect(res.statusCode).toBe(200)
    const { description } = res.json()
    expect(description).toMatchObject({ option: 'smtp-auth', port: 465, tls: 'none', signIn: 'password' })
    expect(description.text).toContain('smtp.office365.com:465')
    expect(description.text).not.toContain('587')
  })
})

describe('a code alone, and filled commands, through the API', () => {
  it('POST /v1/explain "5.7.139": the problems that code can mean, each marked and with its whole reply', async () => {
    for (const text of ['5.7.139', '535 5.7.139']) {
      const { findings } = (await post('/v1/explain', { text })).json() as {
        findings: { id: string; match?: string; symptom: string; severity: string }[]
      }
      const shared = findings.filter((f) => f.match === 'code')
      expect(shared.length, text).toBeGreaterThanOrEqual(2)
      expect(new Set(shared.map((f) => f.id)).size).toBe(shared.length)
      for (const f of shared) expect(f.symptom.length).toBeGreaterThan(20)
      expect(findings.some((f) => f.severity === 'error' || f.severity === 'warning')).toBe(true)
    }
    // The whole line names one problem: no candidates then.
    const whole = (
      await post('/v1/explain', {
        text: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.',
      })
    ).json() as { findings: { id: string; match?: string }[] }
    expect(whole.findings[0]?.id).toBe('smtp-auth-disabled-mailbox')
    expect(whole.findings.some((f) => f.match === 'code')).toBe(false)
  })

  it('commands are filled from the settings, and another request gets its own', async () => {
    const ask = async (user: string) =>
      (
        await post('/v1/diagnose', {
          facts: {
            settings: { ...SETTINGS, username: user, from: user },
            observed: {
              errorText:
                '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.',
            },
          },
        })
      ).json() as { findings: { id: string; commands: string[] }[] }
    const a = await ask('printer@fabrikam.com')
    const b = await ask('scanner2@northwind.com')
    const cmdA = a.findings.find((f) => f.id === 'smtp-auth-disabled-mailbox')?.commands.join('\n')
    const cmdB = b.findings.find((f) => f.id === 'smtp-auth-disabled-mailbox')?.commands.join('\n')
    expect(cmdA).toContain('Get-CASMailbox -Identity "printer@fabrikam.com"')
    expect(cmdA).toContain('Connect-ExchangeOnline -UserPrincipalName admin@fabrikam.com')
    expect(cmdB).toContain('Get-CASMailbox -Identity "scanner2@northwind.com"')
    expect(cmdB).not.toContain('fabrikam')
  })
})

describe('CLI and API defaults agree', () => {
  it('a left-out port and TLS mode mean what the CLI flags mean (core withSettingsDefaults)', async () => {
    const mx = (
      await post('/v1/classify', { settings: { host: 'contoso-com.mail.protection.outlook.com' } })
    ).json()
    expect(mx.description).toMatchObject({ port: 25, tls: 'starttls', option: 'direct-send' })
    const auth = (await post('/v1/classify', { settings: { host: 'smtp.office365.com', port: 465 } })).json()
    expect(auth.description).toMatchObject({ port: 465, tls: 'implicit' })
    const plain = (await post('/v1/classify', { settings: { host: 'smtp.office365.com' } })).json()
    expect(plain.description).toMatchObject({ port: 587, tls: 'starttls' })
  })
})
