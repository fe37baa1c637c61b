import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The committed launcher, as `npx smtp-doctor` runs it. */
export const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'smtp-doctor.js')

export type CliRun = { code: number | null; stdout: string; stderr: string }

/**
 * Runs the real CLI process with a plain, English, colourless environment; `env` adds to it.
 * The global setup built the bundle, so the launcher's staleness check is skipped here: other
 * work in the tree must not trigger a rebuild in the middle of a test run.
 */
export function runCli(
  args: string[],
  opts: { env?: Record<string, string | undefined>; input?: string; timeoutMs?: number } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LANG: 'C',
      NO_COLOR: '1',
      SMTP_DOCTOR_SKIP_BUILD_CHECK: '1',
    }
    for (const [k, v] of Object.entries(opts.env ?? {})) {
      if (v === undefined) delete env[k]
      else env[k] = v
    }
    const child = spawn(process.execPath, [CLI, ...args], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: opts.timeoutMs ?? 20_000,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(opts.input ?? '')
  })
}
