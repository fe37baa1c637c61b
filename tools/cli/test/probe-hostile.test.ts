import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ECHOES,
  type HostileServer,
  leaks,
  makeSecret,
  startHostile,
} from '../../../packages/core/test/hostile-server.js'
import { runCli } from './run-cli.js'

/*
 * `smtp-doctor probe` against a hostile server that echoes the credentials in every encoding:
 * the live steps, --transcript and --json output and stderr hold nothing decodable of the
 * password or the token (issue 13, item 1).
 */

const servers: HostileServer[] = []
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
})

const secret = makeSecret()
const ports: Record<string, number> = {}
beforeAll(async () => {
  for (const [name, echo] of Object.entries(ECHOES)) {
    const s = await startHostile({ tls: 'none', echo, secret })
    servers.push(s)
    ports[name] = s.port
  }
})

describe('probe against a hostile server', () => {
  for (const name of Object.keys(ECHOES)) {
    it(`echo "${name}": neither --transcript nor --json output carries the secret`, async () => {
      const base = ['probe', '--host', '127.0.0.1', '--port', String(ports[name]), '--tls', 'none']
      const runs = [
        { user: 'ab@c.cz', env: { SMTP_DOCTOR_PASSWORD: secret } },
        { user: 'abc@c.cz', env: { SMTP_DOCTOR_PASSWORD: secret } },
        { user: 'abcd@c.cz', env: { SMTP_DOCTOR_TOKEN: secret } },
      ]
      for (const { user, env } of runs) {
        for (const extra of [['--transcript'], ['--json']]) {
          const r = await runCli([...base, '--user', user, '--from', user, ...extra], { env })
          expect(r.code, r.stderr).toBe(1)
          if (extra[0] === '--json') {
            const out = JSON.parse(r.stdout) as { probe: { auth?: { attempted?: boolean } } }
            expect(out.probe.auth?.attempted).toBe(true)
          } else {
            expect(r.stdout).toMatch(/AUTH/)
          }
          expect(leaks(r.stdout, secret), `${name} ${user} ${extra[0]}`).toEqual([])
          expect(leaks(r.stderr, secret)).toEqual([])
        }
      }
    })
  }
})
