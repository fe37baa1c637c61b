import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  certificateWithSubject,
  ECHOES,
  type HostileServer,
  leaks,
  makeSecret,
  startHostile,
} from '../../../packages/core/test/hostile-server.js'
import { buildApp } from '../src/app.js'

/*
 * POST /v1/probe against a hostile SMTP server that echoes the credentials in every encoding (and
 * carries them in EHLO and its certificate): neither the response nor any log line (trace level)
 * may hold anything decodable of the password or the token (issue 13, item 1).
 */

const secret = makeSecret()
const logs: string[] = []
const servers: HostileServer[] = []
let app: FastifyInstance
let base: string
const ports: Record<string, number> = {}

beforeAll(async () => {
  const cert = certificateWithSubject(`${secret} ${Buffer.from(secret).toString('base64')}`)
  for (const [name, echo] of Object.entries(ECHOES)) {
    const s = await startHostile({ tls: name === 'unpadded' ? 'starttls' : 'none', echo, secret, cert })
    servers.push(s)
    ports[name] = s.port
  }
  app = await buildApp({
    logger: { level: 'trace', stream: { write: (line: string) => void logs.push(line) } },
    probeAllow: Object.values(ports).map((p) => `127.0.0.1:${p}`),
    probeAllowDefaults: false,
    rateLimit: { global: false, probe: { max: 10_000, timeWindowMs: 60_000 } },
    underPressure: false,
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  base = `http://127.0.0.1:${address.port}`
})

afterAll(async () => {
  await app?.close()
  await Promise.all(servers.map((s) => s.close()))
})

describe('POST /v1/probe against a hostile server', () => {
  for (const name of Object.keys(ECHOES)) {
    it(`echo "${name}": nothing decodable of the secret in the answer or the logs`, async () => {
      const port = ports[name] as number
      for (const creds of [
        { username: 'ab@c.cz', password: secret, authMethod: 'plain' },
        { username: 'abc@c.cz', password: secret, authMethod: 'login' },
        { username: 'abcd@c.cz', accessToken: secret, authMethod: 'xoauth2' },
      ]) {
        const tls = name === 'unpadded' ? 'starttls' : 'none'
        const res = await fetch(`${base}/v1/probe`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ settings: { host: '127.0.0.1', port, tls, from: 'a@c.cz', ...creds } }),
        })
        const text = await res.text()
        expect(res.status, text).toBe(200)
        const body = JSON.parse(text) as { probe: { auth?: { attempted?: boolean } } }
        expect(body.probe.auth?.attempted).toBe(true)
        expect(leaks(text, secret), `${name} ${creds.authMethod}`).toEqual([])
      }
      expect(leaks(logs.join('\n'), secret)).toEqual([])
    })
  }
})
