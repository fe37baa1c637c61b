import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_TENANT_ID } from '@smtp-doctor/m365-sim'
import { afterEach, describe, expect, it } from 'vitest'
import { CLI, runCli } from './run-cli.js'

/*
 * `smtp-doctor sim` in its own process, then `smtp-doctor probe --oauth` in another, configured
 * only from what the simulator printed: the authority, the CA file to trust, the demo app's ids.
 */

let child: ChildProcessWithoutNullStreams | undefined

afterEach(() => {
  child?.kill('SIGTERM')
  child = undefined
})

/** The whole JSON document has arrived (a chunk may end inside it, after an inner `}`). */
function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** Starts `smtp-doctor sim [args]` and resolves with its stdout once it says it is running. */
function startSim(args: string[]): Promise<{ out: string; exited: Promise<number | null> }> {
  const c = spawn(process.execPath, [CLI, 'sim', ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LANG: 'C',
      NO_COLOR: '1',
      SMTP_DOCTOR_SKIP_BUILD_CHECK: '1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 60_000,
  })
  child = c
  const exited = new Promise<number | null>((resolve) => c.on('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    let out = ''
    c.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d
      if (args.includes('--json') ? isJson(out) : out.includes('Ctrl+C')) resolve({ out, exited })
    })
    c.on('exit', (code) => reject(new Error(`sim exited ${code} early: ${out}`)))
  })
}

/** `KEY=value` pairs from one printed line. */
function envOf(line: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const m of line.matchAll(/\b(SMTP_DOCTOR_[A-Z_]+)=(\S+)/g)) env[m[1]!] = m[2]!
  return env
}

describe('smtp-doctor sim prints what probe --oauth needs', () => {
  it('the authority, its CA file, the demo app — and a probe in another process signs in with XOAUTH2', async () => {
    const { out } = await startSim([])
    const oauthLine = out.split('\n').find((l) => l.startsWith('oauth '))
    expect(oauthLine).toBeDefined()
    const env = envOf(oauthLine!)
    expect(env.SMTP_DOCTOR_AUTHORITY_HOST).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const caFile = env.SMTP_DOCTOR_AUTHORITY_CA!
    expect(readFileSync(caFile, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/)
    expect(out).toContain(`--tenant ${DEMO_TENANT_ID} --client-id ${DEMO_CLIENT_ID}`)
    // The demo app's secret is published demo data; it is named as such.
    expect(out).toContain(`(demo data: SMTP_DOCTOR_CLIENT_SECRET=${DEMO_CLIENT_SECRET})`)

    const tryLine = out.split('\n').find((l) => l.startsWith('try '))!
    const args = tryLine.slice(tryLine.indexOf('smtp-doctor probe') + 'smtp-doctor '.length).split(/\s+/)
    const r = await runCli(['--json', ...args], { env: envOf(tryLine), timeoutMs: 30_000 })
    expect(r.stderr).toBe('')
    const answer = JSON.parse(r.stdout) as {
      probe: { auth?: { ok: boolean; mechanism?: string } }
      steps: { stage: string; ok: boolean }[]
      oauth?: { steps: { stage: string; ok: boolean }[] }
    }
    expect(r.code).toBe(0)
    expect(answer.oauth?.steps.find((s) => s.stage === 'token')?.ok).toBe(true)
    expect(answer.steps.find((s) => s.stage === 'auth')?.ok).toBe(true)
    expect(r.stdout).not.toContain(DEMO_CLIENT_SECRET)
  })

  it('speaks Czech with --lang cs (the settings and commands stay as they are)', async () => {
    const { out } = await startSim(['--lang', 'cs'])
    expect(out).toContain('scénář demo · tenant contoso.com')
    expect(out).toContain('.mail.protection.outlook.com, bez přihlášení)')
    expect(out).toContain('(Entra ID: zjišťování OIDC, token, kód zařízení, JWKS)')
    expect(out).toContain(`aplikace „Scanner mail“: --tenant ${DEMO_TENANT_ID}`)
    expect(out).toContain('(ukázková data: SMTP_DOCTOR_CLIENT_SECRET=')
    expect(out).toContain('(UDP + TCP, ukázková zóna: smtp-doctor dns contoso.com')
    for (const english of ['anonymous', 'demo data', 'the demo zone', 'app "'])
      expect(out).not.toContain(english)
  })

  it('--json carries the same settings; the CA file is removed when the simulator stops', async () => {
    const { out, exited } = await startSim(['--json'])
    const j = JSON.parse(out) as {
      oauth: {
        env: { SMTP_DOCTOR_AUTHORITY_HOST: string; SMTP_DOCTOR_AUTHORITY_CA: string }
        tenantId: string
        apps: { clientId: string; mailboxes: string[] }[]
      }
    }
    expect(j.oauth.tenantId).toBe(DEMO_TENANT_ID)
    expect(j.oauth.apps[0]?.clientId).toBe(DEMO_CLIENT_ID)
    expect(out).not.toContain(DEMO_CLIENT_SECRET)
    const caFile = j.oauth.env.SMTP_DOCTOR_AUTHORITY_CA
    expect(existsSync(caFile)).toBe(true)
    child?.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(existsSync(caFile)).toBe(false)
  })
})
