/**
 * Probe verdicts follow the steps: a failed step is named (stage, host, port, reason) and never
 * followed by "No problem found"; exit 1. Real sockets on loopback: a closed port, a server that
 * hangs up at once, and the simulator refusing a wrong password.
 */
import { createServer, type Server } from 'node:net'
import { DEMO_PASSWORD, demoScenario, type Sim, startSim } from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

let sim: Sim
let hangUp: Server
let hangUpPort = 0

beforeAll(async () => {
  sim = await startSim(demoScenario)
  hangUp = createServer((s) => s.destroy())
  await new Promise<void>((r) => hangUp.listen(0, '127.0.0.1', r))
  hangUpPort = (hangUp.address() as { port: number }).port
})
afterAll(async () => {
  await sim?.stop()
  await new Promise<void>((r) => hangUp.close(() => r()))
})

async function closedPort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as { port: number }).port
  await new Promise<void>((r) => srv.close(() => r()))
  return port
}

const probe = (port: number, extra: string[] = [], env: Record<string, string> = {}) =>
  runCli(['probe', '--host', 'localhost', '--port', String(port), '--tls', 'none', ...extra], { env })

describe('probe verdicts', () => {
  it('refused: names host and port, exit 1, no "No problem found"', async () => {
    const port = await closedPort()
    const r = await probe(port)
    expect(r.code).toBe(1)
    expect(r.stdout).not.toContain('No problem found')
    expect(r.stdout).toContain(`✖ The probe failed: localhost:${port} refused the connection`)
    expect(r.stdout).toContain(`port ${port}`)
  })

  it('a server that hangs up: the step and the target are named', async () => {
    const r = await probe(hangUpPort)
    expect(r.code).toBe(1)
    expect(r.stdout).not.toContain('No problem found')
    expect(r.stdout).toMatch(new RegExp(`✖ The probe failed: localhost:${hangUpPort} .*(closed|reset)`))
  })

  it('a refused command (535 on AUTH) is the verdict too, with the reply', async () => {
    const port = sim.endpoints.smtpAuth.port
    const r = await runCli(
      ['probe', '--host', 'localhost', '--port', String(port), '--user', 'scanner@contoso.com'],
      { env: { SMTP_DOCTOR_PASSWORD: `${DEMO_PASSWORD}-wrong` } },
    )
    expect(r.code).toBe(1)
    expect(r.stdout).not.toContain('No problem found')
    expect(r.stdout).toMatch(new RegExp(`✖ The probe failed: localhost:${port} refused AUTH: 535`))
  })

  it('in Czech too', async () => {
    const port = await closedPort()
    const r = await runCli(['--lang', 'cs', 'probe', '--host', 'localhost', '--port', String(port)])
    expect(r.code).toBe(1)
    expect(r.stdout).not.toContain('Nenalezen žádný problém')
    expect(r.stdout).toContain(`✖ Test selhal: localhost:${port} spojení odmítl`)
  })

  it('a probe where every step passes still ends with its findings, exit 0 when nothing is wrong', async () => {
    const port = sim.endpoints.smtpAuth.port
    const r = await runCli(
      [
        'probe',
        '--host',
        'localhost',
        '--port',
        String(port),
        '--user',
        'scanner@contoso.com',
        '--from',
        'scanner@contoso.com',
        '--to',
        'someone@contoso.com',
      ],
      { env: { SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD } },
    )
    expect(r.stdout).not.toContain('The probe failed')
  })
})
