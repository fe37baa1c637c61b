import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  certificateWithSubject,
  ECHOES,
  type HostileServer,
  makeSecret,
  startHostile,
} from '../../../packages/core/test/hostile-server.js'
import { runCli } from './run-cli.js'

/*
 * Issue 13 #9: bidirectional overrides from a server (its reply, its certificate subject) or from
 * a pasted log never reach the terminal.
 */

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

let server: HostileServer
beforeAll(async () => {
  const cert = certificateWithSubject('mail.\u202Emoc.elbatsurt\u202C.example')
  server = await startHostile({
    tls: 'implicit',
    echo: ECHOES.unpadded as (l: string) => string,
    secret: makeSecret(),
    cert,
  })
})
afterAll(async () => server?.close())

describe('terminal output is printable', () => {
  it('explain: a reply with U+202E is quoted with it replaced', async () => {
    const text = '550 5.7.999 Rejected \u202Emoc.elbatsurt by policy'
    const plain = await runCli(['explain', text])
    expect(plain.stdout).toContain('5.7.999')
    expect(plain.stdout).not.toMatch(BIDI)
    const json = await runCli(['explain', text, '--json'])
    expect(json.stdout).toContain('moc.elbatsurt')
    expect(json.stdout).not.toMatch(BIDI)
  })

  it('probe: a certificate subject with U+202E is shown with it replaced', async () => {
    const r = await runCli([
      'probe',
      '--host',
      '127.0.0.1',
      '--port',
      String(server.port),
      '--tls',
      'implicit',
    ])
    expect(r.stdout).toContain('moc.elbatsurt')
    expect(r.stdout).not.toMatch(BIDI)
    const json = await runCli([
      'probe',
      '--host',
      '127.0.0.1',
      '--port',
      String(server.port),
      '--tls',
      'implicit',
      '--json',
    ])
    expect(json.stdout).toContain('moc.elbatsurt')
    expect(json.stdout).not.toMatch(BIDI)
  })
})
