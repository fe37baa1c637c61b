import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'

/*
 * ≥ 10,000 generated requests (seeded, reproducible): random JSON, valid bodies with one member
 * replaced by a wrong type / huge string / deep nesting / odd unicode, truncated JSON, raw bytes
 * (invalid UTF-8), nesting up to the body limit, odd content types and query strings.
 * No answer may be ≥ 500, and every error must be problem+json.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261127)
const CASES = 10_500

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const rnd = mulberry32(SEED)
const int = (n: number) => Math.floor(rnd() * n)
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T

const UNICODE = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\u202e',
  '😀',
  'Ž',
  'ř',
  '\u0301',
  '\u2028',
  '𝕏',
  '\uffff',
  'příliš žluťoučký kůň',
  '\\',
  '"',
  '\r\n',
]

function randomString(): string {
  switch (int(6)) {
    case 0:
      return ''
    case 1:
      return Array.from({ length: int(40) }, () => pick(UNICODE)).join('')
    case 2:
      return pick([
        '550 5.7.60 SMTP; Client does not have permissions',
        '535 5.7.139 Authentication unsuccessful',
        '421 4.7.66',
        '5.7.708',
      ])
    case 3:
      return pick([
        'smtp.office365.com',
        'contoso-com.mail.protection.outlook.com',
        '127.0.0.1',
        'cs',
        'en',
        'de',
        'starttls',
      ])
    case 4:
      return 'x'.repeat(int(5000))
    default:
      return rnd().toString(36).slice(2)
  }
}

function randomValue(depth: number): unknown {
  const k = depth > 4 ? int(6) : int(9)
  switch (k) {
    case 0:
      return null
    case 1:
      return rnd() < 0.5
    case 2:
      return pick([0, -1, 1.5, 65536, 2 ** 53, -(2 ** 31), 1e308, Number.MIN_VALUE, 587, 25])
    case 3:
    case 4:
    case 5:
      return randomString()
    case 6:
      return Array.from({ length: int(5) }, () => randomValue(depth + 1))
    case 7:
    case 8: {
      const keys = [
        'settings',
        'facts',
        'text',
        'lang',
        'needs',
        'host',
        'port',
        'tls',
        'password',
        '__proto__',
        'constructor',
        'prototype',
        'observed',
        'probe',
        'x',
      ]
      const o: Record<string, unknown> = {}
      for (let i = int(5); i > 0; i--) o[pick(keys)] = randomValue(depth + 1)
      return o
    }
  }
  return null
}

const VALID: Record<string, () => Record<string, unknown>> = {
  '/v1/explain': () => ({
    text: '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
    lang: 'en',
  }),
  '/v1/diagnose': () => ({
    facts: {
      settings: {
        host: 'smtp.office365.com',
        port: 587,
        tls: 'starttls',
        username: 'a@contoso.com',
        password: true,
      },
      tenant: { domain: 'contoso.com', mailbox: { sendAsGranted: false } },
      observed: { errorText: '535 5.7.139', symptoms: ['not-sending'] },
      probe: { tls: { ok: true, protocol: 'TLSv1.2' }, auth: { ok: false, attempted: true } },
    },
    lang: 'cs',
  }),
  '/v1/classify': () => ({
    settings: { host: 'smtp.office365.com', port: 587, tls: 'starttls' },
    lang: 'en',
  }),
  '/v1/advise': () => ({
    needs: { externalRecipients: true, canAuthenticate: false, dailyVolume: 100 },
    lang: 'en',
  }),
  '/v1/probe': () => ({
    settings: { host: 'smtp.office365.com', port: 587, tls: 'starttls' },
    timeoutMs: 500,
    lang: 'en',
  }),
}
const ROUTES = Object.keys(VALID)

function deepNest(n: number): string {
  return int(2) === 0 ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`
}

/** Replaces one member (at a random path) of a valid body. */
function mutate(body: Record<string, unknown>): Record<string, unknown> {
  const path: (Record<string, unknown> | unknown[])[] = [body]
  let node: unknown = body
  while (node && typeof node === 'object' && rnd() < 0.7) {
    const keys = Object.keys(node)
    if (keys.length === 0) break
    const key = pick(keys)
    const next = (node as Record<string, unknown>)[key]
    if (!next || typeof next !== 'object') break
    node = next
    path.push(next as Record<string, unknown>)
  }
  const target = path[path.length - 1] as Record<string, unknown>
  const keys = Object.keys(target)
  const key = keys.length > 0 && rnd() < 0.8 ? pick(keys) : randomString().slice(0, 20)
  target[key] = rnd() < 0.1 ? JSON.parse(deepNest(50 + int(500))) : randomValue(0)
  return body
}

/** Percent-encodes; a lone surrogate becomes the (invalid UTF-8) bytes of one, on purpose. */
function enc(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    return '%ED%A0%80'
  }
}

type Case = { method: 'POST' | 'GET'; url: string; payload?: string | Buffer; contentType?: string }

const jsonSamples = fc.sample(fc.jsonValue({ maxDepth: 5 }), { seed: SEED, numRuns: 2000 })
const anySamples = fc.sample(fc.string({ unit: 'binary', maxLength: 200 }), { seed: SEED + 1, numRuns: 500 })

function makeCase(i: number): Case {
  const url = pick(ROUTES)
  const template = VALID[url] as () => Record<string, unknown>
  const post = (payload: string | Buffer, contentType = 'application/json'): Case => ({
    method: 'POST',
    url,
    payload,
    contentType,
  })
  const kind = int(100)
  if (kind < 30) return post(JSON.stringify(mutate(template())))
  if (kind < 45) return post(JSON.stringify(jsonSamples[i % jsonSamples.length]))
  if (kind < 55) return post(JSON.stringify(randomValue(0)))
  if (kind < 62) {
    const text = JSON.stringify(mutate(template()))
    return post(text.slice(0, int(text.length)))
  }
  if (kind < 68) {
    // Invalid UTF-8 inside and around JSON strings.
    const bad = Buffer.from(
      Array.from({ length: 1 + int(8) }, () => pick([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0xf8])),
    )
    const text = JSON.stringify(template())
    const at = int(text.length)
    return post(Buffer.concat([Buffer.from(text.slice(0, at)), bad, Buffer.from(text.slice(at))]))
  }
  if (kind < 72) return post(Buffer.from(Array.from({ length: int(2000) }, () => int(256))))
  if (kind < 76) return post(anySamples[i % anySamples.length] ?? '')
  if (kind < 79) {
    // Lone surrogates and control characters as JSON escapes.
    const esc = pick(['\\ud800', '\\udfff', '\\u0000', '\\ud83d\\ude00', '\\u202e', '\\x41', '\\u12', '\\'])
    return post(`{"text":"${esc}${esc}","lang":"en"}`)
  }
  if (kind < 80 && i % 40 === 0) return post(deepNest(10_000 + int(150_000)))
  if (kind < 81 && i % 80 === 0) return post(JSON.stringify({ text: 'y'.repeat(900_000 + int(300_000)) }))
  if (kind < 86) {
    const ct = pick([
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/jsonx',
      'multipart/form-data; boundary=x',
      '',
      'application/json;;;',
    ])
    return post(JSON.stringify(template()), ct)
  }
  if (kind < 93) {
    const qs = [
      `lang=${enc(randomString().slice(0, 50))}`,
      `option=${enc(randomString().slice(0, 50))}`,
      `code=${enc(randomString().slice(0, 50))}`,
      'lang=cs&lang=en',
      'lang[]=cs',
      '%zz=1',
      `lang=${'%'.repeat(int(5))}`,
    ]
    return { method: 'GET', url: `/v1/rules?${pick(qs)}` }
  }
  const id = pick([
    randomString().slice(0, 100),
    '..%2F..%2Fetc%2Fpasswd',
    '%00',
    '%E0%A4%A',
    'send-as-denied',
    'constructor',
    '__proto__',
  ])
  return { method: 'GET', url: `/v1/rules/${enc(id).slice(0, 250)}?lang=${pick(['cs', 'en', 'xx'])}` }
}

let app: FastifyInstance

beforeAll(async () => {
  app = await buildApp({
    logger: false,
    rateLimit: { global: false, probe: { max: 1_000_000, timeWindowMs: 60_000 } },
    // A fuzzed body that passes validation must not reach the network.
    probeLookup: async () => {
      throw Object.assign(new Error('no DNS in the fuzz test'), { code: 'ENOTFOUND' })
    },
    underPressure: false,
  })
  await app.ready()
})
afterAll(async () => {
  await app.close()
})

describe('fuzz', () => {
  it(`answers ${CASES} generated requests without a 5xx (seed ${SEED})`, { timeout: 600_000 }, async () => {
    const byStatus = new Map<number, number>()
    const failures: string[] = []
    for (let i = 0; i < CASES; i++) {
      const c = makeCase(i)
      const res = await app.inject({
        method: c.method,
        url: c.url,
        ...(c.payload === undefined ? {} : { payload: c.payload }),
        headers: c.contentType === undefined ? {} : { 'content-type': c.contentType },
      })
      byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1)
      const problem =
        res.statusCode >= 400 && !/^application\/problem\+json/.test(String(res.headers['content-type']))
      if ((res.statusCode >= 500 || problem) && failures.length < 10) {
        failures.push(`#${i} ${c.method} ${c.url} → ${res.statusCode} ${res.body.slice(0, 200)}`)
      }
    }
    const total = [...byStatus.values()].reduce((a, b) => a + b, 0)
    const fiveHundreds = [...byStatus].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0)
    expect(total).toBeGreaterThanOrEqual(10_000)
    expect(failures).toEqual([])
    expect(fiveHundreds).toBe(0)
    // The generator reaches both sides: accepted bodies and every kind of refusal.
    for (const status of [200, 400, 403, 404, 415])
      expect(byStatus.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0)
  })
})
