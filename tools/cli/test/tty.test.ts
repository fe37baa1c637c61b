import { spawn, spawnSync } from 'node:child_process'
import { DEMO_PASSWORD, demoScenario, type Sim, startSim } from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI } from './run-cli.js'

// util-linux `script` gives the CLI a real terminal (a pty); without it these tests are skipped.
const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0

/**
 * Runs the CLI on a pseudo-terminal, answering each prompt (matched by regexp) once it appears.
 * Returns everything the terminal showed.
 */
function onTerminal(
  args: string[],
  answers: [RegExp, string][],
  env: Record<string, string> = {},
): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LANG: 'C',
        NO_COLOR: '1',
        SMTP_DOCTOR_SKIP_BUILD_CHECK: '1',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 30_000,
    })
    let screen = ''
    let next = 0
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      screen += d
      while (next < answers.length && (answers[next] as [RegExp, string])[0].test(screen)) {
        child.stdin.write(`${(answers[next] as [RegExp, string])[1]}\r`)
        next++
      }
      if (next === answers.length) child.stdin.end()
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      screen += d
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, screen }))
  })
}

let sim: Sim
beforeAll(async () => {
  if (hasScript) sim = await startSim(demoScenario)
})
afterAll(async () => {
  await sim?.stop()
})

describe.skipIf(!hasScript)('on a terminal', () => {
  it('probe asks for the password without echoing it', async () => {
    const { port } = sim.endpoints.smtpAuth
    const args = ['probe', '--host', 'localhost', '--port', String(port), '--user', 'scanner@contoso.com']
    const r = await onTerminal(
      [...args, '--from', 'scanner@contoso.com', '--to', 'someone@contoso.com'],
      [[/Password for scanner@contoso\.com/, DEMO_PASSWORD]],
    )
    expect(r.screen).toMatch(/✔ AUTH +235/)
    expect(r.screen).not.toContain(DEMO_PASSWORD)
    expect(r.code).toBe(0)
  })

  it('Ctrl+C at the password prompt or at advise’s first question exits 130, with no error report', async () => {
    const { port } = sim.endpoints.smtpAuth
    const probe = await onTerminal(
      ['probe', '--host', 'localhost', '--port', String(port), '--user', 'scanner@contoso.com'],
      [[/Password for scanner@contoso\.com/, '\u0003']],
    )
    expect(probe.code).toBe(130)
    expect(probe.screen).not.toMatch(/unexpected error|cancelled/i)
    const advise = await onTerminal(['advise'], [[/outside your organisation\?/, '\u0003']])
    expect(advise.code).toBe(130)
    expect(advise.screen).not.toMatch(/unexpected error/i)
  })

  it('colours on a terminal, plain with NO_COLOR', async () => {
    const coloured = await onTerminal(['explain', '535 5.7.3 Authentication unsuccessful'], [], {
      NO_COLOR: '',
    })
    expect(coloured.screen).toMatch(/\x1b\[31m/)
    const plain = await onTerminal(['explain', '535 5.7.3 Authentication unsuccessful'], [])
    expect(plain.screen).not.toMatch(/\x1b\[/)
  })

  it('advise asks its questions when no flags are given', async () => {
    const r = await onTerminal(
      ['advise'],
      [
        [/outside your organisation\?/, 'y'],
        [/username and password\?/, 'y'],
        [/OAuth 2\.0/, 'n'],
        [/Highest TLS version/, '1.2'],
        [/static public IP/, ''],
        [/several different from-addresses/, 'n'],
        [/hosted by a third party/, ''],
        [/port 25 open/, ''],
        [/email domain/, 'contoso.com'],
      ],
    )
    expect(r.code).toBe(0)
    expect(r.screen).toContain('Recommended: SMTP AUTH client submission (password)')
    expect(r.screen).toContain('smtp.office365.com')
  })
})
