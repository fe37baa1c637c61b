/**
 * The OpenAPI document an integrator uses: an operationId on every operation, `servers`, a
 * description on every property, and examples that work — each request example sent to the real
 * app answers exactly the documented response example (probe and DNS examples are only validated:
 * running them would leave loopback).
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { OPERATIONS } from '../src/openapi-doc.js'
import { ProbeBody } from '../src/schemas.js'

type Media = { examples?: Record<string, { value: unknown }> }
type Op = {
  operationId?: string
  parameters?: { name: string; in: string; example?: unknown }[]
  requestBody?: { content: Record<string, Media> }
  responses: Record<string, { content?: Record<string, Media> }>
}
type Doc = {
  servers?: { url: string }[]
  paths: Record<string, Record<string, Op>>
  components: { schemas: Record<string, unknown> }
}

let app: FastifyInstance
let doc: Doc
beforeAll(async () => {
  app = await buildApp({ logger: false, rateLimit: { global: false } })
  await app.ready()
  doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as Doc
})
afterAll(async () => {
  await app.close()
})

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  )

describe('OpenAPI document', () => {
  it('names a server, and every operation has a unique operationId', () => {
    expect(doc.servers?.[0]?.url).toBe('/')
    const ids = operations().map((o) => o.op.operationId)
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBeGreaterThanOrEqual(9)
  })

  it('every POST has request examples; every operation but DNS a 200 example', () => {
    for (const { path, method, op } of operations()) {
      if (method === 'post') {
        expect(
          Object.keys(op.requestBody?.content['application/json']?.examples ?? {}).length,
          path,
        ).toBeGreaterThan(0)
      }
      if (path === '/v1/dns') continue
      expect(
        Object.keys(op.responses['200']?.content?.['application/json']?.examples ?? {}).length,
        path,
      ).toBeGreaterThan(0)
    }
  })

  it('every request example answers the documented response example (Try it out)', async () => {
    for (const { path, method, op } of operations()) {
      if (method !== 'post' || path === '/v1/probe' || path === '/v1/dns') continue
      const requests = op.requestBody?.content['application/json']?.examples ?? {}
      const answers = op.responses['200']?.content?.['application/json']?.examples ?? {}
      for (const [name, ex] of Object.entries(requests)) {
        const res = await app.inject({
          method: 'POST',
          url: path,
          payload: ex.value as Record<string, unknown>,
        })
        expect(res.statusCode, `${path} ${name}`).toBe(200)
        expect(res.json(), `${path} ${name}`).toEqual(answers[name]?.value)
      }
    }
    const probe = doc.paths['/v1/probe']?.post?.requestBody?.content['application/json']?.examples ?? {}
    for (const ex of Object.values(probe)) expect(ProbeBody.safeParse(ex.value).success).toBe(true)
  })

  it('GET parameter examples answer the documented responses', async () => {
    const list = doc.paths['/v1/rules']?.get
    const code = list?.parameters?.find((p) => p.name === 'code')?.example
    const res = await app.inject({ method: 'GET', url: `/v1/rules?lang=en&code=${code}` })
    expect(res.json()).toEqual(list?.responses['200']?.content?.['application/json']?.examples?.byCode?.value)
    const one = doc.paths['/v1/rules/{id}']?.get
    const id = one?.parameters?.find((p) => p.name === 'id')?.example
    const rule = await app.inject({ method: 'GET', url: `/v1/rules/${id}?lang=en` })
    expect(rule.json()).toEqual(one?.responses['200']?.content?.['application/json']?.examples?.sendAs?.value)
  })

  it('the 400 example is the problem the API sends for settings.to', async () => {
    const ex =
      doc.paths['/v1/diagnose']?.post?.responses['4XX']?.content?.['application/problem+json']?.examples
    const documented = ex?.unknownKey?.value as { errors: unknown[] }
    const res = await app.inject({
      method: 'POST',
      url: '/v1/diagnose',
      payload: {
        facts: {
          settings: {
            host: 'smtp.office365.com',
            port: 587,
            tls: 'starttls',
            username: 'scanner@contoso.com',
            password: true,
            from: 'scanner@contoso.com',
            to: ['x@gmail.com'],
          },
        },
      },
    })
    expect(res.json().errors).toEqual(documented.errors)
  })

  it('every property of every request and response schema is described', () => {
    const missing: string[] = []
    const walk = (s: unknown, path: string) => {
      if (!s || typeof s !== 'object') return
      const o = s as Record<string, unknown>
      for (const [k, v] of Object.entries((o.properties as Record<string, unknown>) ?? {})) {
        if (!(v as { description?: string }).description) missing.push(`${path}.${k}`)
        walk(v, `${path}.${k}`)
      }
      for (const key of ['items', 'additionalProperties']) walk(o[key], `${path}[]`)
      for (const key of ['anyOf', 'oneOf', 'allOf'])
        for (const x of (o[key] as unknown[]) ?? []) walk(x, path)
    }
    for (const [name, schema] of Object.entries(doc.components.schemas)) walk(schema, name)
    expect(missing).toEqual([])
  })

  it('every documented operation exists in the app (no stale entries)', () => {
    const present = new Set(operations().map((o) => `${o.method} ${o.path}`))
    for (const key of Object.keys(OPERATIONS)) expect(present.has(key), key).toBe(true)
  })
})
