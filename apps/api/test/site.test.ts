import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'

/* The built docs site served at `/` beside the API; the API keeps priority and its problem+json 404s. */

let dir: string
let app: FastifyInstance

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'smtp-doctor-site-'))
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>home</title>')
  writeFileSync(path.join(dir, '404.html'), '<!doctype html><title>not found page</title>')
  mkdirSync(path.join(dir, 'en', 'rules', 'send-as-denied'), { recursive: true })
  writeFileSync(
    path.join(dir, 'en', 'rules', 'send-as-denied', 'index.html'),
    '<!doctype html><title>send as</title>',
  )
  // A file that collides with an API path must not shadow the API.
  writeFileSync(path.join(dir, 'healthz'), 'static file')
  app = await buildApp({ logger: false, siteDir: dir })
  await app.ready()
})
afterAll(async () => {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('docs site at /', () => {
  it('serves the home page and a rule page', async () => {
    const home = await app.inject('/index.html')
    expect(home.statusCode).toBe(200)
    expect(home.body).toContain('home')
    const page = await app.inject('/en/rules/send-as-denied/')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('send as')
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
  })

  it('/ redirects by Accept-Language: cs → /cs/, anything else → /en/', async () => {
    const cases: [string | undefined, string][] = [
      ['cs-CZ,cs;q=0.9,en;q=0.8', '/cs/'],
      ['en-US,en;q=0.9,cs;q=0.5', '/en/'],
      ['de-DE,de;q=0.9,cs;q=0.7', '/cs/'],
      ['cs;q=0,en', '/en/'],
      ['fr', '/en/'],
      [undefined, '/en/'],
    ]
    for (const [lang, where] of cases) {
      const res = await app.inject({ url: '/', headers: lang ? { 'accept-language': lang } : {} })
      expect(res.statusCode, String(lang)).toBe(302)
      expect(res.headers.location, String(lang)).toBe(where)
      expect(String(res.headers.vary)).toMatch(/accept-language/i)
    }
  })

  it('API routes keep priority', async () => {
    const res = await app.inject('/healthz')
    expect(res.json()).toMatchObject({ status: 'ok' })
    expect((await app.inject('/v1/rules')).statusCode).toBe(200)
  })

  it('unknown paths: problem+json under /v1, the site’s 404 page for browsers elsewhere', async () => {
    const api = await app.inject({ url: '/v1/nope', headers: { accept: 'text/html' } })
    expect(api.statusCode).toBe(404)
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/)
    const page = await app.inject({
      url: '/en/nope/',
      headers: { accept: 'text/html,application/xhtml+xml' },
    })
    expect(page.statusCode).toBe(404)
    expect(page.body).toContain('not found page')
    const machine = await app.inject({ url: '/en/nope/', headers: { accept: 'application/json' } })
    expect(machine.statusCode).toBe(404)
    expect(machine.headers['content-type']).toMatch(/^application\/problem\+json/)
  })

  it('does not serve files outside the site', async () => {
    const res = await app.inject('/..%2F..%2F..%2Fetc%2Fpasswd')
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.statusCode).toBeLessThan(500)
    expect(res.body).not.toContain('root:')
  })
})
