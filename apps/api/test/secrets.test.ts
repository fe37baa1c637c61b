import { DEMO_PASSWORD, DEMO_TOKEN, type Sim } from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SimApi, startSimApi } from './helpers.js'

/*
 * Every log line (at trace level) and every response body/header is captured while secrets
 * travel through every route, valid and invalid; none of them may contain a secret in any form.
 */

const WRONG = 'Zq9-Canary-Secret-Wrong'
const TOKEN_WRONG = 'canary-token-5f1e2d3c4b5a69788796a5b4'
const SECRETS = [DEMO_PASSWORD, DEMO_TOKEN, WRONG, TOKEN_WRONG]

function forms(secret: string): string[] {
  const b64 = Buffer.from(secret).toString('base64').replace(/=+$/, '')
  return [secret, b64, encodeURIComponent(secret)]
}

const logs: string[] = []
const responses: string[] = []
let sim: Sim
let harness: SimApi | undefined
let base: string

beforeAll(async () => {
  harness = await startSimApi(
    (sim) => ({
      logger: { level: 'trace', stream: { write: (line: string) => void logs.push(line) } },
      probeAllow: [`smtp.office365.com:${sim.endpoints.smtpAuth.port}`],
    }),
    (app) => {
      // A bug deep in some library that quotes its input in the error message.
      app.post('/v1/test-throw', async (request) => {
        const body = request.body as { settings: { password: string; accessToken: string } }
        throw Object.assign(new Error(`boom ${body.settings.password} ${body.settings.accessToken}`), body)
      })
    },
  )
  sim = harness.sim
  base = harness.base
})
afterAll(async () => {
  await harness?.close()
})

async function call(path: string, body?: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body }),
  })
  responses.push(JSON.stringify([...res.headers]))
  responses.push(await res.text())
  return res.status
}

const settings = () => ({ host: 'smtp.office365.com', port: sim.endpoints.smtpAuth.port, tls: 'starttls' })

describe('secrets never reach logs or responses', () => {
  it('runs every route with secrets in the body', async () => {
    const s = settings()
    const statuses = [
      // probe: success with PLAIN/LOGIN, failure, XOAUTH2 success and failure
      await call(
        '/v1/probe',
        JSON.stringify({
          settings: {
            ...s,
            username: 'scanner@contoso.com',
            password: DEMO_PASSWORD,
            from: 'scanner@contoso.com',
          },
        }),
      ),
      await call(
        '/v1/probe',
        JSON.stringify({ settings: { ...s, username: 'scanner@contoso.com', password: WRONG } }),
      ),
      await call(
        '/v1/probe',
        JSON.stringify({
          settings: { ...s, username: 'app@contoso.com', accessToken: DEMO_TOKEN, authMethod: 'xoauth2' },
        }),
      ),
      await call(
        '/v1/probe',
        JSON.stringify({
          settings: { ...s, username: 'app@contoso.com', accessToken: TOKEN_WRONG, authMethod: 'xoauth2' },
        }),
      ),
      // a refused target and an invalid probe body, both carrying the secret
      await call('/v1/probe', JSON.stringify({ settings: { ...s, host: '127.0.0.1', password: WRONG } })),
      await call('/v1/probe', JSON.stringify({ settings: { ...s, port: WRONG, password: WRONG } })),
      // engine routes with a password string
      await call(
        '/v1/classify',
        JSON.stringify({ settings: { ...s, username: 'a@contoso.com', password: WRONG } }),
      ),
      await call(
        '/v1/diagnose',
        JSON.stringify({ facts: { settings: { ...s, password: WRONG, accessToken: TOKEN_WRONG } } }),
      ),
      await call('/v1/explain', JSON.stringify({ text: 42, password: WRONG })),
      // malformed JSON quoting the secret, an Authorization header, a throwing route
      await call('/v1/explain', `{"text": "x", "password": "${WRONG}"`),
      await call('/v1/rules', undefined, { authorization: `Bearer ${TOKEN_WRONG}`, cookie: `s=${WRONG}` }),
      await call(
        '/v1/test-throw',
        JSON.stringify({ settings: { password: WRONG, accessToken: TOKEN_WRONG } }),
      ),
    ]
    expect(statuses).toEqual([200, 200, 200, 200, 403, 400, 200, 200, 400, 400, 200, 500])
  })

  it('captured something to check', () => {
    expect(logs.length).toBeGreaterThan(20)
    expect(logs.join('')).toMatch(/"reqId":"[0-9a-f-]{36}"/)
    expect(responses.join('')).toContain('****')
  })

  it.each(SECRETS)('no form of %j appears anywhere', (secret) => {
    const haystack = [...logs, ...responses].join('\n')
    for (const form of forms(secret)) expect(haystack.includes(form), form).toBe(false)
  })
})
