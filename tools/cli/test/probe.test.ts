import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_PASSWORD, demoScenario, type Sim, startSim } from '@smtp-doctor/m365-sim'
import { diagnose } from '@smtp-doctor/rules'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const USER = 'scanner@contoso.com'
const WRONG = 'Wrong-Password-9f3c1e'

let sim: Sim
let host: string
let port: number

beforeAll(async () => {
  sim = await startSim(demoScenario)
  // A name, not the IP literal: an IP in place of the server name is itself a warning.
  host = 'localhost'
  port = sim.endpoints.smtpAuth.port
})
afterAll(async () => {
  await sim?.stop()
})

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve))
  const addr = srv.address()
  await new Promise<void>((resolve) => srv.close(() => resolve()))
  if (!addr || typeof addr === 'string') throw new Error('no port')
  return addr.port
}

function probeArgs(p: number, from = USER): string[] {
  return [
    'probe',
    '--host',
    host,
    '--port',
    String(p),
    '--user',
    USER,
    '--from',
    from,
    '--to',
    'someone@contoso.com',
  ]
}

type ProbeJson = {
  findings: { id: string; severity: string }[]
  probe: NonNullable<Parameters<typeof diagnose>[0]['probe']>
  transcript: string[]
  steps: { stage: string; ms: number; ok: boolean }[]
}

/** The library's findings for what the probe measured, with the settings the CLI was given. */
function libraryFindings(out: ProbeJson, from = USER) {
  return diagnose(
    {
      settings: {
        host,
        port: out.probe.target?.port ?? port,
        tls: 'starttls',
        username: USER,
        password: true,
        from,
        recipients: ['someone@contoso.com'],
      },
      probe: out.probe,
    },
    { lang: 'en' },
  ).findings
}

function expectNoSecret(r: { stdout: string; stderr: string }, secret: string): void {
  for (const form of [secret, Buffer.from(secret).toString('base64')]) {
    expect(r.stdout).not.toContain(form)
    expect(r.stderr).not.toContain(form)
  }
}

describe('probe against the simulator', () => {
  it('healthy: every step live, no problem, exit 0', async () => {
    const r = await runCli(probeArgs(port), { env: { SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD } })
    expect(r.stderr).toBe('')
    for (const step of ['TCP', 'banner', 'EHLO', 'STARTTLS', 'TLS', 'AUTH', 'MAIL FROM', 'RCPT TO']) {
      expect(r.stdout).toMatch(new RegExp(`^✔ ${step} .* \\d+(\\.\\d)? ms$`, 'm'))
    }
    expect(r.stdout).toMatch(/TLS: TLSv1\.[23]/)
    expect(r.stdout).toContain('No problem found.')
    expect(r.code).toBe(0)
    expectNoSecret(r, DEMO_PASSWORD)
  })

  it('healthy --json: the API shape, findings equal to the library for the measured facts', async () => {
    const r = await runCli([...probeArgs(port), '--json'], { env: { SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD } })
    const out = JSON.parse(r.stdout) as ProbeJson
    expect(Object.keys(out).sort()).toEqual(['findings', 'probe', 'steps', 'transcript'])
    expect(out.probe.auth?.ok).toBe(true)
    expect(out.findings).toEqual(JSON.parse(JSON.stringify(libraryFindings(out))))
    expect(out.transcript.join('\n')).toMatch(/AUTH LOGIN/)
    expectNoSecret(r, DEMO_PASSWORD)
  })

  it('wrong password: 535 5.7.3 diagnosed, exit 1, the password never shown', async () => {
    const r = await runCli(probeArgs(port), { env: { SMTP_DOCTOR_PASSWORD: WRONG } })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^✖ AUTH .*535 5\.7\.3/m)
    expectNoSecret(r, WRONG)
    const withTranscript = await runCli([...probeArgs(port), '--transcript'], {
      env: { SMTP_DOCTOR_PASSWORD: WRONG },
    })
    expect(withTranscript.stdout).toMatch(/Transcript:[\s\S]*\*\*\*\*/)
    expectNoSecret(withTranscript, WRONG)
    const json = await runCli([...probeArgs(port), '--json'], { env: { SMTP_DOCTOR_PASSWORD: WRONG } })
    const out = JSON.parse(json.stdout) as ProbeJson
    expect(out.probe.auth?.ok).toBe(false)
    expect(out.findings.length).toBeGreaterThan(0)
    expect(out.findings).toEqual(JSON.parse(JSON.stringify(libraryFindings(out))))
    expectNoSecret(json, WRONG)
  })

  it('send-as: 5.7.60 at MAIL FROM → send-as-denied, exit 1', async () => {
    const from = 'ceo@contoso.com'
    const r = await runCli([...probeArgs(port, from), '--json'], {
      env: { SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD },
    })
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout) as ProbeJson
    expect(out.findings[0]?.id).toBe('send-as-denied')
    expect(out.findings).toEqual(JSON.parse(JSON.stringify(libraryFindings(out, from))))
    const human = await runCli(probeArgs(port, from), { env: { SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD } })
    expect(human.stdout).toContain('[send-as-denied')
    expectNoSecret(human, DEMO_PASSWORD)
  })

  it('closed port: TCP refused, exit 1, within the timeout', async () => {
    const p = await closedPort()
    const r = await runCli([...probeArgs(p), '--timeout', '5000'], {
      env: { SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD },
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^✖ TCP .*TCP_REFUSED/m)
    const json = await runCli([...probeArgs(p), '--json'], { env: { SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD } })
    const out = JSON.parse(json.stdout) as ProbeJson
    expect(json.code).toBe(1)
    expect(out.probe.error?.code).toBe('TCP_REFUSED')
    expect(out.findings).toEqual(JSON.parse(JSON.stringify(libraryFindings(out))))
  })

  it('--lang cs: findings in Czech', async () => {
    const r = await runCli([...probeArgs(port), '--lang', 'cs'], { env: { SMTP_DOCTOR_PASSWORD: WRONG } })
    expect(r.stdout).toContain('Testuji')
    expect(r.stdout).toContain('Příčina:')
  })

  it('a server silent after connect: the step times out within --timeout, exit 1', async () => {
    const faulty = await startSim({ faults: ['silent-banner'] })
    try {
      const ep = faulty.endpoints.faults['silent-banner']
      if (!ep) throw new Error('no fault endpoint')
      const r = await runCli([...probeArgs(ep.port), '--timeout', '1500', '--json'], {
        env: { SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD },
      })
      expect(r.code).toBe(1)
      const out = JSON.parse(r.stdout) as ProbeJson
      expect(out.probe.error?.stage).toBe('banner')
      expect(out.probe.error?.code).toMatch(/TIMEOUT/)
    } finally {
      await faulty.stop()
    }
  })

  it('no password and no terminal: probes without AUTH rather than hang', async () => {
    const r = await runCli([...probeArgs(port), '--json'], { timeoutMs: 20_000 })
    const out = JSON.parse(r.stdout) as ProbeJson
    expect(out.probe.auth?.ok ?? false).toBe(false)
  })
})

describe('sim', () => {
  it('prints its endpoints and stops on SIGTERM with exit 0', async () => {
    const { spawn } = await import('node:child_process')
    const { CLI } = await import('./run-cli.js')
    const child = spawn(process.execPath, [CLI, 'sim', '--json'], {
      env: { ...process.env, SMTP_DOCTOR_SKIP_BUILD_CHECK: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    })
    let out = ''
    const endpoints = await new Promise<{ smtpAuth: { host: string; port: number } }>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d
        try {
          resolve((JSON.parse(out) as { endpoints: { smtpAuth: { host: string; port: number } } }).endpoints)
        } catch {
          // not all of it yet
        }
      })
      child.on('exit', (code) => reject(new Error(`sim exited ${code} early`)))
    })
    expect(endpoints.smtpAuth.host).toBe('127.0.0.1')
    const r = await runCli(
      [
        'probe',
        '--host',
        'localhost',
        '--port',
        String(endpoints.smtpAuth.port),
        '--user',
        USER,
        '--from',
        USER,
        '--to',
        USER,
      ],
      { env: { SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD } },
    )
    expect(r.code).toBe(0)
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c))
      child.kill('SIGTERM')
    })
    expect(code).toBe(0)
  })

  it('a bad scenario file: exit 2 with the reason', async () => {
    const missing = await runCli(['sim', '/nonexistent/scenario.json'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('no such file')
    const dir = mkdtempSync(join(tmpdir(), 'smtp-doctor-sim-'))
    try {
      const file = join(dir, 'scenario.json')
      writeFileSync(file, JSON.stringify({ accounts: [{ username: 'not-an-address' }] }))
      const invalid = await runCli(['sim', file])
      expect(invalid.code).toBe(2)
      expect(invalid.stderr).toMatch(/accounts\.0\.username/)
      expect(invalid.stderr).not.toMatch(/\n\s+at /)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
