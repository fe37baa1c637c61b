/**
 * CLI habits (issue 12): help exits 0, Ctrl+C exits 130 quietly, --json errors are JSON, a
 * missing file is an error, every command's help has an example and the global options, and
 * help and errors are Czech under --lang cs. Also the classify header and article links.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_PROBE_TIMEOUT_MS } from '@smtp-doctor/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HELP_CS } from '../src/help-text.js'
import { CLI, runCli } from './run-cli.js'

const COMMANDS = [
  [],
  ['explain'],
  ['diagnose'],
  ['classify'],
  ['advise'],
  ['probe'],
  ['sim'],
  ['rules'],
  ['rules', 'list'],
  ['rules', 'show'],
]

describe('help', () => {
  it('`help`, `help <command>` and --help exit 0 and print to stdout', async () => {
    for (const args of [['help'], ['help', 'classify'], ['classify', '--help'], ['--help']]) {
      const r = await runCli(args)
      expect(r.code, args.join(' ')).toBe(0)
      expect(r.stdout).toMatch(/^Usage: smtp-doctor/)
    }
  })

  it.each([...COMMANDS, ['dns'], ['token']])(
    'every command has an example and lists --json and --lang: %j',
    async (...args) => {
      const r = await runCli([...args, '--help'])
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/\nExamples?:\n {2}(SMTP_DOCTOR_[A-Z_]+=… )?smtp-doctor /)
      expect(r.stdout).toContain('--json')
      expect(r.stdout).toContain('--lang <lang>')
    },
  )

  it('probe --timeout defaults to the API probe budget (core DEFAULT_PROBE_TIMEOUT_MS)', async () => {
    const r = await runCli(['probe', '--help'])
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`(default: "${DEFAULT_PROBE_TIMEOUT_MS}")`)
  })

  it.each([...COMMANDS, ['dns'], ['token']])(
    '--lang cs: no English description is left in %j --help',
    async (...args) => {
      const wide = { env: { COLUMNS: '400' } }
      const en = await runCli([...args, '--help'], wide)
      const cs = (await runCli(['--lang', 'cs', ...args, '--help'], wide)).stdout.replace(/\s+/g, ' ')
      // Option, argument and command lines: a term, two spaces, then the description.
      const descriptions = [...en.stdout.matchAll(/^ {2}\S.*? {2,}(\S.*)$/gm)]
        .map((m) => (m[1] ?? '').replace(/\s*\((choices|default):.*$/, '').trim())
        .filter((d) => /[a-z]{3,} [a-z]{3,}/.test(d))
      expect(descriptions.length).toBeGreaterThan(0)
      for (const d of descriptions) expect(cs, d).not.toContain(d.replace(/\s+/g, ' ').slice(0, 30))
    },
  )

  it('--lang cs: the help page is Czech (titles, descriptions, example heading)', async () => {
    const r = await runCli(['--lang', 'cs', 'classify', '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Použití: smtp-doctor classify/)
    expect(r.stdout).toContain('Volby:')
    expect(r.stdout).toContain('Globální volby:')
    expect(r.stdout).toContain(HELP_CS['sign-in name, if one is entered'])
    expect(r.stdout).toMatch(/\nPříklad:\n/)
    expect(r.stdout).not.toContain('sign-in name, if one is entered')
    // LANG=cs_CZ chooses Czech too.
    const env = await runCli(['help'], { env: { LANG: 'cs_CZ.UTF-8' } })
    expect(env.stdout).toMatch(/^Použití:/)
  })
})

describe('errors', () => {
  it('--lang cs: parse errors and the CLI’s own errors are Czech', async () => {
    const unknown = await runCli(['--lang', 'cs', 'classify', '--bogus'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^chyba: neznámá volba '--bogus'\nPoužití: smtp-doctor classify/)
    const host = await runCli(['--lang', 'cs', 'classify'])
    expect(host.code).toBe(2)
    expect(host.stderr).toMatch(/^smtp-doctor classify: volba --host je povinná\nPoužití: /)
    const choice = await runCli(['classify', '--lang', 'cs', '--host', 'h', '--tls', 'ssl'])
    expect(choice.stderr).toContain("hodnota 'ssl' volby '--tls <mode>' není platná")
  })

  it('--lang cs: validation messages (zod) are Czech too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smtp-doctor-habits-'))
    try {
      const file = join(dir, 'facts.json')
      writeFileSync(
        file,
        JSON.stringify({ settings: { host: 'smtp.office365.com', port: 'x', tls: 'starttls' } }),
      )
      const cs = await runCli(['--lang', 'cs', 'diagnose', file])
      expect(cs.code).toBe(2)
      expect(cs.stderr).toMatch(
        /^smtp-doctor diagnose: neplatný vstup: settings\.port: Neplatný vstup: očekáváno číslo/,
      )
      const en = await runCli(['diagnose', file])
      expect(en.stderr).toContain('settings.port: Invalid input: expected number')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('--json: usage and input errors are one JSON object on stdout, exit 2', async () => {
    for (const args of [
      ['--json', 'classify'],
      ['--json', 'classify', '--bogus'],
      ['--json', 'explain', './no-such.log'],
      ['--json', 'rules', 'show', 'no-such-rule'],
    ]) {
      const r = await runCli(args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toBe('')
      const body = JSON.parse(r.stdout) as { error: { message: string; exitCode: number; usage?: string } }
      expect(body.error.exitCode).toBe(2)
      expect(body.error.message.length).toBeGreaterThan(5)
    }
  })

  it('a path-like argument that does not exist is an error (exit 2), not text', async () => {
    for (const path of ['./nonexistent.log', '../x/printer.txt', 'printer.log', '/tmp/none/scan.log']) {
      const r = await runCli(['explain', path])
      expect(r.code, path).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toContain(`no such file: ${path}`)
    }
    // A bare code is still text.
    const code = await runCli(['explain', '--json', '5.7.3'])
    expect(code.code).not.toBe(2)
  })
})

describe('Ctrl+C', () => {
  let server: Server
  let port = 0
  const sockets: Socket[] = []
  beforeAll(async () => {
    // Accepts and never greets: the probe waits at the banner until interrupted.
    server = createServer((s) => sockets.push(s))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    port = (server.address() as { port: number }).port
  })
  afterAll(async () => {
    for (const s of sockets) s.destroy()
    await new Promise<void>((r) => server.close(() => r()))
  })

  it('exits 130 with no "unexpected error"', async () => {
    const child = spawn(
      process.execPath,
      [CLI, 'probe', '--host', '127.0.0.1', '--port', String(port), '--tls', 'none', '--timeout', '60000'],
      { env: { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1', SMTP_DOCTOR_SKIP_BUILD_CHECK: '1' } },
    )
    let stdout = ''
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    const closed = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal })),
    )
    // Interrupt once the TCP step has shown: the probe is waiting for the banner.
    await new Promise<void>((resolve) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d
        if (/TCP/.test(stdout)) resolve()
      })
    })
    child.kill('SIGINT')
    const { code, signal } = await closed
    expect(signal).toBeNull()
    expect(code).toBe(130)
    expect(stderr).not.toMatch(/unexpected error/i)
    expect(stdout).not.toMatch(/No problem found/)
  })
})

describe('classify header and links', () => {
  it('the header describes the settings classified: port 465, no TLS, signed in', async () => {
    const r = await runCli([
      'classify',
      '--host',
      'smtp.office365.com',
      '--port',
      '465',
      '--tls',
      'none',
      '--user',
      'a@contoso.com',
      '--password-set',
    ])
    const header = r.stdout.split('\n')[0]
    expect(header).toMatch(/^Configured for: SMTP AUTH client submission/)
    expect(header).toContain('smtp.office365.com:465')
    expect(header).toContain('no TLS')
    expect(header).not.toContain('587')
  })

  it('without SMTP_DOCTOR_DOCS_URL, article links are `smtp-doctor rules show <id>`', async () => {
    const r = await runCli(['explain', '535 5.7.3 Authentication unsuccessful'])
    expect(r.stdout).toMatch(/smtp-doctor rules show [a-z0-9-]+/)
    expect(r.stdout).not.toContain('smtp-doctor.example')
  })
})
