import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probe } from '../src/probe/index.js'
import {
  certificateWithSubject,
  ECHOES,
  type HostileServer,
  leaks,
  makeSecret,
  startHostile,
} from './hostile-server.js'

/*
 * A hostile server echoes the client's credentials back in every encoding (issue 13, item 1):
 * nothing of the password or the token may be decodable anywhere in the probe's result.
 */

const servers: HostileServer[] = []
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
})

// Usernames of each length mod 3 put the secret at each byte alignment of the AUTH blob.
const USERS = ['ab@c.cz', 'abc@c.cz', 'abcd@c.cz']
const MECHANISMS = ['plain', 'login', 'xoauth2'] as const

function settingsFor(port: number, user: string, mech: (typeof MECHANISMS)[number], secret: string) {
  const base = {
    host: '127.0.0.1',
    port,
    tls: 'none' as const,
    username: user,
    from: user,
    recipients: [user],
  }
  return mech === 'xoauth2'
    ? { ...base, accessToken: secret, authMethod: 'xoauth2' as const }
    : { ...base, password: secret, authMethod: mech }
}

describe('hostile server echoing credentials', () => {
  for (const [name, echo] of Object.entries(ECHOES)) {
    it(`echo "${name}": no secret survives, whatever the mechanism or alignment`, async () => {
      const secret = makeSecret()
      const server = await startHostile({ tls: 'none', echo, secret })
      servers.push(server)
      for (const mech of MECHANISMS) {
        for (const user of USERS) {
          const result = await probe({ ...settingsFor(server.port, user, mech, secret), timeoutMs: 5000 })
          // The session really went through AUTH (else the test proves nothing).
          expect(result.facts.probe?.auth?.attempted, `${mech} ${user}`).toBe(true)
          const text = JSON.stringify(result)
          expect(leaks(text, secret), `${name} ${mech} ${user}`).toEqual([])
          // The reply keeps its code and wording.
          expect(result.facts.probe?.auth?.reply?.code).toBe(535)
          expect(result.facts.probe?.auth?.reply?.text).toMatch(/Authentication unsuccessful/)
        }
      }
    })
  }
})

describe('hostile server with TLS', () => {
  let cert: { cert: string; key: string }
  let secret: string
  beforeAll(() => {
    secret = makeSecret()
    // The certificate subject carries the secret, its base64 and a right-to-left override.
    const b64 = Buffer.from(secret).toString('base64').replace(/=+$/, '')
    cert = certificateWithSubject(`${secret} ${b64} \u202Eevil`)
  })

  for (const mode of ['starttls', 'implicit'] as const) {
    it(`${mode}: certificate subject, EHLO and AUTH echoes are all masked`, async () => {
      const server = await startHostile({
        tls: mode,
        echo: ECHOES.unpadded as (l: string) => string,
        secret,
        cert,
      })
      servers.push(server)
      for (const mech of MECHANISMS) {
        const result = await probe({
          ...settingsFor(server.port, USERS[0] as string, mech, secret),
          tls: mode,
          timeoutMs: 5000,
        })
        expect(result.facts.probe?.tls?.ok, mech).toBe(true)
        const subject = result.facts.probe?.tls?.certificate?.subject ?? ''
        expect(subject).toContain('****')
        // Item 9: the bidirectional override is replaced, not passed on.
        expect(subject).not.toContain('\u202E')
        expect(subject).toContain('\uFFFD')
        expect(leaks(JSON.stringify(result), secret), mech).toEqual([])
      }
    })
  }
})
