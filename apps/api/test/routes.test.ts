import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { PROBLEMS } from '../src/errors.js'

let app: FastifyInstance

beforeAll(async () => {
  app = await buildApp({
    logger: false,
    rateLimit: { global: false, probe: { max: 2, timeWindowMs: 60_000 } },
  })
  // A route that fails the way a bug would, to see what a client gets for a 500.
  app.get('/v1/test-boom', async () => {
    throw new Error('internal detail at /srv/secret/path.ts:42')
  })
  await app.ready()
})
afterAll(async () => {
  await app.close()
})

const SEND_AS = '550 5.7.60 SMTP; Client does not have permissions to send as this sender'

function post(url: string, payload: unknown) {
  return app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> })
}

function expectProblem(
  res: Awaited<ReturnType<typeof post>>,
  code: keyof typeof PROBLEMS,
): { errors?: { path: (string | number)[]; message: string }[]; detail: string } {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  const body = res.json()
  const def = PROBLEMS[code]
  expect(res.statusCode).toBe(def.status)
  expect(body).toMatchObject({ type: def.type, title: def.title, status: def.status, code })
  expect(typeof body.detail).toBe('string')
  expect(typeof body.instance).toBe('string')
  expect(body.requestId).toBe(res.headers['x-request-id'])
  expect(res.body).not.toMatch(/\bat .+:\d+:\d+|stack/)
  return body
}

describe('engine routes', () => {
  it('POST /v1/explain answers findings with stable ids and help URLs', async () => {
    const res = await post('/v1/explain', { text: SEND_AS, lang: 'en' })
    expect(res.statusCode).toBe(200)
    const { findings } = res.json()
    expect(findings[0]).toMatchObject({ id: 'send-as-denied', docs: '/en/rules/send-as-denied/' })
    expect(findings[0].codes).toContain('5.7.60')
    for (const key of ['option', 'severity', 'title', 'cause', 'steps', 'commands', 'sources']) {
      expect(findings[0]).toHaveProperty(key)
    }
  })

  it('POST /v1/explain answers in Czech, and English by default', async () => {
    const cs = (await post('/v1/explain', { text: SEND_AS, lang: 'cs' })).json()
    expect(cs.findings[0].docs).toBe('/cs/rules/send-as-denied/')
    const en = (await post('/v1/explain', { text: SEND_AS })).json()
    expect(en.findings[0].docs).toBe('/en/rules/send-as-denied/')
    expect(cs.findings[0].title).not.toBe(en.findings[0].title)
  })

  it('POST /v1/diagnose answers findings for facts', async () => {
    const res = await post('/v1/diagnose', {
      facts: {
        settings: {
          host: 'smtp.office365.com',
          port: 587,
          tls: 'starttls',
          username: 'a@contoso.com',
          password: true,
        },
        observed: { errorText: SEND_AS },
      },
      lang: 'en',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().findings.map((f: { id: string }) => f.id)).toContain('send-as-denied')
  })

  it('POST /v1/diagnose with empty facts answers an empty or informative list', async () => {
    const res = await post('/v1/diagnose', { facts: {} })
    expect(res.statusCode).toBe(200)
    expect(Array.isArray(res.json().findings)).toBe(true)
  })

  it('POST /v1/classify names the option', async () => {
    const res = await post('/v1/classify', {
      settings: {
        host: 'smtp.office365.com',
        port: 587,
        tls: 'starttls',
        username: 'a@contoso.com',
        password: true,
      },
      lang: 'en',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ option: 'smtp-auth' })
    const mixed = await post('/v1/classify', {
      settings: {
        host: 'contoso-com.mail.protection.outlook.com',
        port: 25,
        tls: 'starttls',
        username: 'a',
        password: true,
      },
    })
    expect(mixed.statusCode).toBe(200)
    expect(mixed.json().findings.length).toBeGreaterThan(0)
  })

  it('POST /v1/classify accepts a password string but never echoes it', async () => {
    const res = await post('/v1/classify', {
      settings: {
        host: 'smtp.office365.com',
        port: 587,
        tls: 'starttls',
        username: 'a@contoso.com',
        password: 'Hunter-22',
      },
    })
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toContain('Hunter-22')
  })

  it('POST /v1/advise ranks options', async () => {
    const res = await post('/v1/advise', {
      needs: { externalRecipients: true, canAuthenticate: true, maxTlsVersion: 'TLSv1.2' },
      lang: 'cs',
    })
    expect(res.statusCode).toBe(200)
    expect(Array.isArray(res.json().options)).toBe(true)
    expect(res.json().options.length).toBeGreaterThan(0)
  })
})

describe('rules and meta routes', () => {
  it('GET /v1/rules lists every rule with docs paths, in the asked language', async () => {
    const en = (await app.inject('/v1/rules')).json()
    expect(en.rules.length).toBeGreaterThan(0)
    const sendAs = en.rules.find((r: { id: string }) => r.id === 'send-as-denied')
    expect(sendAs).toMatchObject({ docs: '/en/rules/send-as-denied/', severity: 'error' })
    const cs = (await app.inject('/v1/rules?lang=cs')).json()
    expect(cs.rules.length).toBe(en.rules.length)
    expect(cs.rules.find((r: { id: string }) => r.id === 'send-as-denied').docs).toBe(
      '/cs/rules/send-as-denied/',
    )
  })

  it('GET /v1/rules filters by option and by code', async () => {
    const all = (await app.inject('/v1/rules')).json().rules as {
      id: string
      options: string[]
      codes: string[]
    }[]
    const byCode = (await app.inject('/v1/rules?code=5.7.60')).json().rules as typeof all
    expect(byCode.map((r) => r.id)).toContain('send-as-denied')
    expect(byCode.every((r) => r.codes.includes('5.7.60'))).toBe(true)
    const relay = (await app.inject('/v1/rules?option=relay')).json().rules as typeof all
    expect(relay.every((r) => r.options.includes('relay') || r.options.includes('any'))).toBe(true)
    expect(relay.length).toBeLessThan(all.length)
    expectProblem(await app.inject('/v1/rules?option=carrier-pigeon'), 'SD_API_VALIDATION')
    expectProblem(await app.inject('/v1/rules?code=5.7'), 'SD_API_VALIDATION')
  })

  it('GET /v1/rules/:id answers one rule, 404 problem for an unknown id', async () => {
    const res = await app.inject('/v1/rules/send-as-denied?lang=cs')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: 'send-as-denied', docs: '/cs/rules/send-as-denied/' })
    expect(res.json().steps.length).toBeGreaterThan(0)
    expect(res.json().sources[0].url).toMatch(/^https:\/\//)
    expectProblem(await app.inject('/v1/rules/no-such-rule'), 'SD_API_RULE_NOT_FOUND')
    expectProblem(await app.inject(`/v1/rules/${'x'.repeat(300)}`), 'SD_API_URI_TOO_LONG')
    expectProblem(await app.inject('/v1/rules/%E0%A4%A'), 'SD_API_BAD_REQUEST')
  })

  it('GET /healthz', async () => {
    const res = await app.inject('/healthz')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok' })
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('GET /openapi.json describes every route from the zod schemas', async () => {
    const res = await app.inject('/openapi.json')
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toMatch(/^3\./)
    for (const p of ['/v1/diagnose', '/v1/explain', '/v1/classify', '/v1/advise', '/v1/probe']) {
      expect(doc.paths[p].post.requestBody).toBeDefined()
      expect(doc.paths[p].post.responses['4XX'].content['application/problem+json']).toBeDefined()
    }
    for (const p of ['/v1/rules', '/v1/rules/{id}', '/healthz']) expect(doc.paths[p].get).toBeDefined()
    const text = JSON.stringify(doc)
    // The fact schema's fields and enums come through (core's DeviceSettings, TlsMode, Lang).
    for (const word of ['starttls', 'implicit', 'hostFieldMaxLength', 'externalRecipients', '"cs"']) {
      expect(text).toContain(word)
    }
  })

  it('GET /docs serves the API reference without any external CDN', async () => {
    const res = await app.inject('/docs/')
    expect([200, 302]).toContain(res.statusCode)
    const html = res.statusCode === 302 ? (await app.inject(res.headers.location as string)).body : res.body
    expect(html).toContain('swagger')
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[a-z]/i)
    const init = await app.inject('/docs/static/swagger-initializer.js')
    expect(init.statusCode).toBe(200)
    expect(init.body).not.toMatch(/validator\.swagger\.io|unpkg|jsdelivr|cdnjs/)
  })
})

describe('errors are problem+json', () => {
  it('malformed JSON → 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/explain',
      headers: { 'content-type': 'application/json' },
      payload: '{"text": "password=hunter2", ',
    })
    const body = expectProblem(res, 'SD_API_MALFORMED_JSON')
    expect(res.body).not.toContain('hunter2')
    expect(body.detail).toMatch(/JSON/)
  })

  it('empty JSON body → 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/explain',
      headers: { 'content-type': 'application/json' },
      payload: '',
    })
    expectProblem(res, 'SD_API_MALFORMED_JSON')
  })

  it('prototype pollution keys → 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/explain',
      headers: { 'content-type': 'application/json' },
      payload: '{"text":"x","__proto__":{"polluted":true}}',
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('unknown lang → 400 with the issue path', async () => {
    const body = expectProblem(await post('/v1/explain', { text: SEND_AS, lang: 'de' }), 'SD_API_VALIDATION')
    expect(body.errors).toEqual([expect.objectContaining({ path: ['lang'] })])
    expectProblem(await app.inject('/v1/rules?lang=de'), 'SD_API_VALIDATION')
    expectProblem(await app.inject('/v1/rules/send-as-denied?lang=xx'), 'SD_API_VALIDATION')
  })

  it('wrong types → 400 with zod issue paths, never the values', async () => {
    const res = await post('/v1/diagnose', {
      facts: {
        settings: {
          host: 'smtp.office365.com',
          port: 'five-eight-seven',
          tls: 'sometimes',
          password: 12345678,
        },
        observed: { symptoms: ['not-sending', 'on-fire'] },
      },
    })
    const body = expectProblem(res, 'SD_API_VALIDATION')
    const paths = body.errors?.map((e) => e.path.join('.'))
    expect(paths).toEqual(
      expect.arrayContaining([
        'facts.settings.port',
        'facts.settings.tls',
        'facts.settings.password',
        'facts.observed.symptoms.1',
      ]),
    )
    expect(body.errors?.find((e) => e.path.join('.') === 'facts.observed.symptoms.1')?.path[3]).toBe(1)
    expect(res.body).not.toContain('12345678')
    expect(res.body).not.toContain('five-eight-seven')
  })

  it('missing and unknown members → 400', async () => {
    const missing = expectProblem(await post('/v1/explain', { lang: 'en' }), 'SD_API_VALIDATION')
    expect(missing.errors?.[0]?.path).toEqual(['text'])
    const unknown = expectProblem(await post('/v1/explain', { text: 'x', lnag: 'cs' }), 'SD_API_VALIDATION')
    expect(unknown.errors?.[0]?.message).toMatch(/lnag/)
    expectProblem(await post('/v1/explain', [1, 2, 3]), 'SD_API_VALIDATION')
    expectProblem(await post('/v1/advise', { needs: { dailyVolume: -1 } }), 'SD_API_VALIDATION')
    // (port and tls may be left out — they default as the CLI's flags do — but not the host)
    expectProblem(await post('/v1/probe', { settings: { port: 587 } }), 'SD_API_VALIDATION')
  })

  it('body over 1 MiB → 413', async () => {
    const res = await post('/v1/explain', { text: 'x'.repeat(1024 * 1024 + 10) })
    expectProblem(res, 'SD_API_BODY_TOO_LARGE')
  })

  it('a body just under 1 MiB is accepted', async () => {
    const res = await post('/v1/explain', { text: `${SEND_AS}\n${'y'.repeat(900_000)}` })
    expect(res.statusCode).toBe(200)
  })

  it('wrong content type → 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/explain',
      headers: { 'content-type': 'text/plain' },
      payload: SEND_AS,
    })
    expectProblem(res, 'SD_API_UNSUPPORTED_MEDIA_TYPE')
  })

  it('unknown routes and methods → 404 problem', async () => {
    expectProblem(await app.inject('/v1/nope'), 'SD_API_NOT_FOUND')
    expectProblem(await app.inject('/nope'), 'SD_API_NOT_FOUND')
    expectProblem(await app.inject({ method: 'GET', url: '/v1/diagnose' }), 'SD_API_NOT_FOUND')
    expectProblem(await app.inject({ method: 'DELETE', url: '/v1/rules' }), 'SD_API_NOT_FOUND')
  })

  it('a failing route → 500 without its message or stack', async () => {
    const res = await app.inject('/v1/test-boom')
    expectProblem(res, 'SD_API_INTERNAL')
    expect(res.body).not.toContain('/srv/secret')
    expect(res.body).not.toContain('internal detail')
  })

  it('probe target refused → 403 before any connection', async () => {
    const body = expectProblem(
      await post('/v1/probe', { settings: { host: '127.0.0.1', port: 25, tls: 'none' } }),
      'SD_API_PROBE_TARGET_DENIED',
    )
    expect(body.detail).toMatch(/ip-literal/)
  })

  it('probe rate limit per client → 429 problem with Retry-After', async () => {
    const payload = { settings: { host: 'evil.example', port: 25, tls: 'none' } }
    const codes: number[] = []
    for (let i = 0; i < 4; i++) codes.push((await post('/v1/probe', payload)).statusCode)
    // The earlier refused probes in this file count too; at most 2 per window get through.
    expect(codes.slice(-1)).toEqual([429])
    const res = await post('/v1/probe', payload)
    expectProblem(res, 'SD_API_RATE_LIMITED')
    expect(res.headers['retry-after']).toBeDefined()
    // Other routes are not affected by the probe's limit.
    expect((await app.inject('/healthz')).statusCode).toBe(200)
  })
})

describe('load shedding and global rate limits', () => {
  it('a global per-client limit answers 429 problem+json', async () => {
    const small = await buildApp({ logger: false, rateLimit: { global: { max: 3, timeWindowMs: 60_000 } } })
    try {
      const codes: number[] = []
      for (let i = 0; i < 5; i++) codes.push((await small.inject('/v1/rules')).statusCode)
      expect(codes).toEqual([200, 200, 200, 429, 429])
      expectProblem(await small.inject('/v1/rules'), 'SD_API_RATE_LIMITED')
    } finally {
      await small.close()
    }
  })

  it('under pressure the server sheds load with 503 problem+json and Retry-After', async () => {
    // An RSS ceiling of 1 byte is exceeded as soon as under-pressure takes its first sample.
    const loaded = await buildApp({ logger: false, underPressure: { maxRssBytes: 1 } })
    try {
      let res = await loaded.inject('/v1/rules')
      for (let i = 0; i < 100 && res.statusCode !== 503; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        res = await loaded.inject('/v1/rules')
      }
      expectProblem(res, 'SD_API_OVERLOADED')
      expect(res.headers['retry-after']).toBe('10')
    } finally {
      await loaded.close()
    }
  })
})
