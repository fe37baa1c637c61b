/**
 * The npm package `npm run dist` writes: installed offline into a temporary global prefix as
 * an admin would (`npm install -g`), it is one package with no dependencies, and its
 * `smtp-doctor` command answers `explain` and `probe` (against the simulator) exactly as the
 * clone's CLI does.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_PASSWORD, demoScenario, type Sim, startSim } from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artefact, CLI_ROOT, type ProbeJson, probeArgs, run, VERSION } from './artefacts.js'

const USER = 'scanner@contoso.com'
const TEXT = '550 5.7.60 SMTP; Client does not have permissions to send as this sender'
const clone = join(CLI_ROOT, 'bin', 'smtp-doctor.js')
const cloneEnv = { SMTP_DOCTOR_SKIP_BUILD_CHECK: '1' }

let sim: Sim
let prefix: string
let installed: string
let bin: string

beforeAll(async () => {
  sim = await startSim(demoScenario)
  prefix = mkdtempSync(join(tmpdir(), 'smtp-doctor-prefix-'))
  const tgz = artefact(`smtp-doctor-${VERSION}.tgz`)
  const r = spawnSync(
    'npm',
    ['install', '-g', '--prefix', prefix, tgz, '--offline', '--no-audit', '--no-fund', '--loglevel=error'],
    { encoding: 'utf8', timeout: 120_000 },
  )
  if (r.status !== 0) throw new Error(`npm install -g failed: ${r.stderr}`)
  installed = join(prefix, 'lib', 'node_modules', 'smtp-doctor')
  bin = join(prefix, 'bin', 'smtp-doctor')
})
afterAll(async () => {
  await sim?.stop()
  if (prefix) rmSync(prefix, { recursive: true, force: true })
})

describe('npm install -g ./dist/smtp-doctor-<version>.tgz', () => {
  it('installs one package with no dependencies and a smtp-doctor command', () => {
    expect(existsSync(bin)).toBe(true)
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>
    expect(pkg.name).toBe('smtp-doctor')
    expect(pkg.version).toBe(VERSION)
    expect(pkg.dependencies).toBeUndefined()
    expect(existsSync(join(installed, 'node_modules'))).toBe(false)
    // Nothing but Node's built-ins is required by the bundle (no workspace package, no zod…).
    const bundle = readFileSync(join(installed, 'dist', 'smtp-doctor.cjs'), 'utf8')
    const required = new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] ?? ''))
    expect(required.size).toBeGreaterThan(0)
    const builtins = new Set(builtinModules)
    expect([...required].filter((m) => !builtins.has(m.replace(/^node:/, '')))).toEqual([])
    // The installed launcher has no sources to compare the bundle with, so it never looks.
    expect(readFileSync(join(installed, 'bin', 'smtp-doctor.js'), 'utf8')).toMatch(
      /^const FROM_SOURCE = false$/m,
    )
  })

  it('--version is the CLI workspace version', async () => {
    const r = await run(bin, ['--version'])
    expect(r).toMatchObject({ code: 0, stdout: `${VERSION}\n` })
  })

  it('explain answers exactly as the clone does, and keeps a code cache beside its bundle', async () => {
    const [mine, theirs] = [
      await run(bin, ['--json', 'explain', TEXT]),
      await run(clone, ['--json', 'explain', TEXT], cloneEnv),
    ]
    expect(theirs.code).toBe(1)
    expect(mine.code).toBe(theirs.code)
    const findings = (JSON.parse(mine.stdout) as { findings: { id: string }[] }).findings
    expect(findings.length).toBeGreaterThan(0)
    expect(JSON.parse(mine.stdout)).toEqual(JSON.parse(theirs.stdout))
    expect(readdirSync(join(installed, 'dist')).filter((f) => f.endsWith('.explain.cache'))).toHaveLength(1)
  })

  it('probe goes through to RCPT TO on the simulator, and never prints the password', async () => {
    const { port } = sim.endpoints.smtpAuth
    const r = await run(bin, probeArgs(port, USER), { SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as ProbeJson
    expect(out.steps.every((s) => s.ok)).toBe(true)
    expect(out.steps.map((s) => s.stage)).toContain('rcpt')
    expect(out.probe.rcpt?.map((r) => r.ok)).toEqual([true])
    for (const secret of [DEMO_PASSWORD, Buffer.from(DEMO_PASSWORD).toString('base64')])
      expect(r.stdout).not.toContain(secret)
  })

  it('a refused sign-in gives the same findings as the clone', async () => {
    const { port } = sim.endpoints.smtpAuth
    const env = { SMTP_DOCTOR_PASSWORD: 'Not-The-Password-1' }
    const mine = await run(bin, probeArgs(port, USER), env)
    const theirs = await run(clone, probeArgs(port, USER), { ...env, ...cloneEnv })
    expect(mine.code).toBe(1)
    const ids = (r: { stdout: string }) => (JSON.parse(r.stdout) as ProbeJson).findings.map((f) => f.id)
    expect(ids(mine).length).toBeGreaterThan(0)
    expect(ids(mine)).toEqual(ids(theirs))
  })
})
