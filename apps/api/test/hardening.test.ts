import net from 'node:net'
import { explain } from '@smtp-doctor/rules'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiOptions, buildApp } from '../src/app.js'
import { configFromEnv, trustProxyFrom } from '../src/config.js'

/*
 * Issue 13 #4, #5, #8, #10: timeouts against trickling clients, problem+json for every request
 * Node's HTTP parser rejects, 414 for long segments and URIs, settings from the environment,
 * X-Forwarded-For read from the right. Real sockets on 127.0.0.1; no timing assertions (a cut-off
 * client is one whose connection the server closed before it finished).
 */

async function listen(options: ApiOptions): Promise<{ app: FastifyInstance; port: number }> {
  const app = await buildApp({ logger: false, underPressure: false, ...options })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address() as net.AddressInfo
  return { app, port: address.port }
}

type RawAnswer = { status: number; headers: string; body: string; closedByServer: boolean }

/**
 * Sends `chunks` on a raw socket, one every `gapMs`, and reads whatever the server answers until
 * it closes the connection (or all chunks are sent and `settleMs` passed).
 */
function raw(port: number, chunks: (string | Buffer)[], gapMs = 0, settleMs = 2000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    let data = ''
    let closedByServer = false
    let finished = false
    let timer: NodeJS.Timeout | undefined
    const finish = (): void => {
      if (finished) return
      finished = true
      clearTimeout(timer)
      socket.destroy()
      const split = data.indexOf('\r\n\r\n')
      const head = split === -1 ? data : data.slice(0, split)
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0)
      resolve({ status, headers: head, body: split === -1 ? '' : data.slice(split + 4), closedByServer })
    }
    socket.on('data', (d) => {
      data += d.toString('latin1')
    })
    socket.on('end', () => {
      closedByServer = true
      finish()
    })
    socket.on('close', () => {
      closedByServer = true
      finish()
    })
    socket.on('error', (e) => (data ? finish() : reject(e)))
    let i = 0
    const next = (): void => {
      if (finished) return
      if (i >= chunks.length) {
        timer = setTimeout(finish, settleMs)
        return
      }
      socket.write(chunks[i++] as string | Buffer)
      timer = setTimeout(next, gapMs)
    }
    socket.once('connect', next)
  })
}

function problemOf(a: RawAnswer): { code?: string; status?: number } {
  expect(a.headers.toLowerCase()).toContain('content-type: application/problem+json')
  return JSON.parse(a.body) as { code?: string; status?: number }
}

describe('timeouts', () => {
  let app: FastifyInstance
  let port: number
  beforeAll(async () => {
    ;({ app, port } = await listen({ timeouts: { bodyMs: 300, requestMs: 1500, connectionMs: 5000 } }))
  })
  afterAll(async () => app.close())

  it('a client trickling its body is answered 408 problem+json and disconnected', async () => {
    const head =
      'POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n'
    // 1 byte every 100 ms would take 20 s for the whole body.
    const body = `{"text":"${'x'.repeat(185)}"}`.split('')
    const a = await raw(port, [head, ...body], 100)
    expect(a.closedByServer).toBe(true)
    expect(a.status).toBe(408)
    expect(problemOf(a).code).toBe('SD_API_REQUEST_TIMEOUT')
  })

  it('a client trickling its headers is answered 408 problem+json and disconnected', async () => {
    const header = 'X-Slow: '.split('').concat('a'.repeat(200).split(''))
    const a = await raw(port, ['GET /healthz HTTP/1.1\r\nHost: x\r\n', ...header], 50)
    expect(a.closedByServer).toBe(true)
    expect(a.status).toBe(408)
    expect(problemOf(a).code).toBe('SD_API_REQUEST_TIMEOUT')
  })

  it('a kept-alive connection idle past the body timeout is not cut off by it', async () => {
    const get = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'
    // Two requests on one connection, the second after more than bodyMs: both answered 200.
    const a = await raw(port, [get, `GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`], 600)
    expect([...a.headers.concat(a.body).matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1])).toEqual([
      '200',
      '200',
    ])
  })

  it('a prompt client is unaffected', async () => {
    const body = JSON.stringify({ text: '535 5.7.139 Authentication unsuccessful' })
    const a = await raw(port, [
      `POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    ])
    expect(a.status).toBe(200)
    expect(JSON.parse(a.body).findings.length).toBeGreaterThan(0)
  })
})

describe('requests the HTTP parser rejects are problem+json', () => {
  let app: FastifyInstance
  let port: number
  beforeAll(async () => {
    ;({ app, port } = await listen({}))
  })
  afterAll(async () => app.close())

  const body = '{"text":"x"}'
  const cases: [string, string, number, string][] = [
    [
      'Transfer-Encoding with Content-Length',
      `POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 12\r\nTransfer-Encoding: chunked\r\n\r\n${body}`,
      400,
      'SD_API_BAD_REQUEST',
    ],
    [
      'two different Content-Length headers',
      `POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 12\r\nContent-Length: 13\r\n\r\n${body}`,
      400,
      'SD_API_BAD_REQUEST',
    ],
    [
      'a negative Content-Length',
      `POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -12\r\n\r\n${body}`,
      400,
      'SD_API_BAD_REQUEST',
    ],
    ['a bare LF', `GET /healthz HTTP/1.1\nHost: x\r\n\r\n`, 400, 'SD_API_BAD_REQUEST'],
    [
      'NUL in a header',
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n`,
      400,
      'SD_API_BAD_REQUEST',
    ],
    [
      'huge headers',
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'SD_API_HEADERS_TOO_LARGE',
    ],
    [
      'a huge URI',
      `GET /v1/rules?x=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      414,
      'SD_API_URI_TOO_LONG',
    ],
    ['garbage', 'HELLO\r\n\r\n', 400, 'SD_API_BAD_REQUEST'],
  ]
  for (const [name, request, status, code] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      const a = await raw(port, [request])
      expect(a.status).toBe(status)
      const p = problemOf(a)
      expect(p).toMatchObject({ code, status })
      expect(a.closedByServer).toBe(true)
    })
  }

  it('a path segment longer than the limit → 414 (not 404)', async () => {
    const res = await app.inject({ method: 'GET', url: `/v1/rules/${'a'.repeat(300)}` })
    expect(res.statusCode).toBe(414)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({ code: 'SD_API_URI_TOO_LONG' })
    const short = await app.inject({ method: 'GET', url: `/v1/rules/${'a'.repeat(150)}` })
    expect(short.json()).toMatchObject({ code: 'SD_API_RULE_NOT_FOUND' })
  })
})

describe('settings from the environment', () => {
  it('rate limits, body limit, timeouts and CORS origins, 0 = off', () => {
    const c = configFromEnv({
      SMTP_DOCTOR_RATE_LIMIT: '1200',
      SMTP_DOCTOR_PROBE_RATE_LIMIT: '0',
      SMTP_DOCTOR_BODY_LIMIT: '2097152',
      SMTP_DOCTOR_REQUEST_TIMEOUT_MS: '5000',
      SMTP_DOCTOR_BODY_TIMEOUT_MS: '0',
      SMTP_DOCTOR_CORS_ORIGINS: 'https://portal.example.com, http://localhost:5173',
    })
    expect(c.app).toMatchObject({
      rateLimit: { global: { max: 1200, timeWindowMs: 60_000 }, probe: false },
      bodyLimit: 2 * 1024 * 1024,
      timeouts: { requestMs: 5000, bodyMs: 0, connectionMs: 60_000 },
      corsOrigins: ['https://portal.example.com', 'http://localhost:5173'],
    })
    expect(configFromEnv({}).app).toMatchObject({
      rateLimit: { global: { max: 600 }, probe: { max: 10 } },
      corsOrigins: [],
      trustProxy: false,
    })
    expect(configFromEnv({ SMTP_DOCTOR_RATE_LIMIT: '0' }).app.rateLimit?.global).toBe(false)
  })

  it('bad values name the variable', () => {
    expect(() => configFromEnv({ SMTP_DOCTOR_RATE_LIMIT: 'lots' })).toThrow(/SMTP_DOCTOR_RATE_LIMIT/)
    expect(() => configFromEnv({ SMTP_DOCTOR_BODY_TIMEOUT_MS: '-1' })).toThrow(/SMTP_DOCTOR_BODY_TIMEOUT_MS/)
    expect(() => configFromEnv({ SMTP_DOCTOR_CORS_ORIGINS: 'portal.example.com/x' })).toThrow(
      /SMTP_DOCTOR_CORS_ORIGINS/,
    )
  })

  it('TRUST_PROXY is a hop count or proxy addresses, never "trust everything"', () => {
    expect(trustProxyFrom(undefined)).toBe(false)
    expect(trustProxyFrom('1')).toBe(1)
    expect(trustProxyFrom('10.0.0.0/8, 192.0.2.1,loopback')).toEqual(['10.0.0.0/8', '192.0.2.1', 'loopback'])
    expect(() => trustProxyFrom('true')).toThrow(/TRUST_PROXY/)
    expect(() => trustProxyFrom('proxy.example.com')).toThrow(/TRUST_PROXY/)
  })

  it('SMTP_DOCTOR_RATE_LIMIT is what the server enforces', async () => {
    const app = await buildApp({
      ...configFromEnv({ SMTP_DOCTOR_RATE_LIMIT: '3' }).app,
      logger: false,
      siteDir: null,
    })
    const codes: number[] = []
    for (let i = 0; i < 5; i++)
      codes.push((await app.inject({ method: 'GET', url: '/v1/rules/x' })).statusCode)
    expect(codes).toEqual([404, 404, 404, 429, 429])
    await app.close()
    const off = await buildApp({
      ...configFromEnv({ SMTP_DOCTOR_RATE_LIMIT: '0' }).app,
      logger: false,
      siteDir: null,
    })
    let limited = 0
    for (let i = 0; i < 620; i++) {
      if ((await off.inject({ method: 'GET', url: '/v1/rules/x' })).statusCode === 429) limited++
    }
    expect(limited).toBe(0)
    await off.close()
  })
})

describe('X-Forwarded-For behind a proxy', () => {
  // The client writes its own X-Forwarded-For; the proxy (127.0.0.1 here) appends the real address.
  const forwarded = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` })

  for (const [name, trustProxy] of [
    ['TRUST_PROXY=1', trustProxyFrom('1')],
    ['TRUST_PROXY=127.0.0.1', trustProxyFrom('127.0.0.1')],
  ] as const) {
    it(`${name}: the client cannot pick its identity with the leftmost entry`, async () => {
      const app = await buildApp({
        logger: false,
        siteDir: null,
        trustProxy,
        rateLimit: { global: { max: 2, timeWindowMs: 60_000 } },
      })
      app.get('/whoami', async (request) => ({ ip: request.ip }))
      const who = await app.inject({ method: 'GET', url: '/whoami', headers: forwarded(1) })
      expect(who.json()).toEqual({ ip: '203.0.113.7' })
      const codes: number[] = []
      for (let i = 2; i < 5; i++) {
        codes.push(
          (await app.inject({ method: 'GET', url: '/v1/rules/x', headers: forwarded(i) })).statusCode,
        )
      }
      expect(codes).toEqual([404, 429, 429])
      await app.close()
    })
  }

  it('without TRUST_PROXY the socket address counts', async () => {
    const app = await buildApp({ logger: false, siteDir: null })
    app.get('/whoami', async (request) => ({ ip: request.ip }))
    expect((await app.inject({ method: 'GET', url: '/whoami', headers: forwarded(1) })).json()).toEqual({
      ip: '127.0.0.1',
    })
    await app.close()
  })
})

describe('CORS is opt-in', () => {
  const preflight = {
    method: 'OPTIONS' as const,
    url: '/v1/explain',
    headers: { origin: 'https://portal.example.com', 'access-control-request-method': 'POST' },
  }

  it('off by default: no CORS headers', async () => {
    const app = await buildApp({ logger: false, siteDir: null })
    const res = await app.inject(preflight)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
    await app.close()
  })

  it('listed origins get CORS headers and preflights; others do not', async () => {
    const app = await buildApp({ logger: false, siteDir: null, corsOrigins: ['https://portal.example.com'] })
    const res = await app.inject(preflight)
    expect(res.statusCode).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe('https://portal.example.com')
    expect(res.headers['access-control-allow-methods']).toContain('POST')
    const other = await app.inject({
      ...preflight,
      headers: { ...preflight.headers, origin: 'https://evil.example' },
    })
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
    const post = await app.inject({
      method: 'POST',
      url: '/v1/explain',
      headers: { origin: 'https://portal.example.com', 'content-type': 'application/json' },
      payload: { text: '535 5.7.139 Authentication unsuccessful' },
    })
    expect(post.statusCode).toBe(200)
    expect(post.headers['access-control-allow-origin']).toBe('https://portal.example.com')
    await app.close()
  })
})

describe('big explain texts run in a worker', () => {
  it('answers exactly what the engine answers inline', async () => {
    const app = await buildApp({ logger: false, siteDir: null, explainPool: { size: 1 } })
    const line = '550 5.7.60 SMTP; Client does not have permissions to send as this sender\n'
    const text = `${line}${'421 4.7.0 Temporary server error. Please try again later.\n'.repeat(2000)}`
    expect(text.length).toBeGreaterThan(64 * 1024)
    const res = await app.inject({ method: 'POST', url: '/v1/explain', payload: { text, lang: 'cs' } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(explain(text, { lang: 'cs' }))))
    await app.close()
  })
})

describe('bidirectional controls never reach the JSON (issue 13 #9)', () => {
  it('a reply with U+202E and friends is quoted with them replaced', async () => {
    const app = await buildApp({ logger: false, siteDir: null })
    for (const c of ['\u202e', '\u2066', '\u200f', '\u061c']) {
      for (const [url, payload] of [
        ['/v1/explain', { text: `550 5.7.999 Rejected ${c}moc.elbatsurt by policy` }],
        [
          '/v1/diagnose',
          { facts: { observed: { errorText: `550 5.7.999 Rejected ${c}moc.elbatsurt by policy` } } },
        ],
      ] as const) {
        const res = await app.inject({ method: 'POST', url, payload })
        expect(res.statusCode).toBe(200)
        expect(res.body).toContain('moc.elbatsurt')
        expect(res.body).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/)
      }
    }
    await app.close()
  })
})

describe('the explain pool is bounded', () => {
  it('jobs beyond the queue bound are refused with 503, the others answered', async () => {
    const { ExplainPool } = await import('../src/explain-pool.js')
    const pool = new ExplainPool(1, 3)
    const text = '550 5.7.60 SMTP; Client does not have permissions to send as this sender\n'.repeat(1000)
    const settled = await Promise.allSettled(Array.from({ length: 6 }, () => pool.run(text, 'en')))
    await pool.close()
    const ok = settled.filter((s) => s.status === 'fulfilled')
    const refused = settled.filter(
      (s) => s.status === 'rejected' && (s.reason as { code?: string }).code === 'SD_API_OVERLOADED',
    )
    expect(ok).toHaveLength(3)
    expect(refused).toHaveLength(3)
  })
})
