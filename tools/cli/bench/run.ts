/**
 * Cold start of `smtp-doctor probe`, three ways, against `swaks --quit-after RCPT`: the same
 * transaction (TCP, banner, EHLO, STARTTLS, EHLO, AUTH LOGIN, MAIL FROM, RCPT TO, QUIT) on the
 * same simulator endpoint, each a fresh process from start to exit.
 *
 *   - the launcher from a clone (bin/smtp-doctor.js, with its source check), as `npx` would run it
 *     minus npx itself;
 *   - the npm package (`npm run dist`), installed offline into a temporary global prefix;
 *   - the Linux single executable (`npm run dist`), code cache in its blob.
 *
 * Runs are interleaved (the order flips every round) so load from other processes hits all
 * alike; medians and their ratios to swaks are printed, with bare `node -e 0` as the floor no
 * Node CLI can go below. Without swaks the absolute medians are printed alone.
 *
 *   npm run bench -w @smtp-doctor/cli          (BENCH_RUNS=30 for more rounds; default 15)
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEMO_PASSWORD, demoScenario, startSim } from '@smtp-doctor/m365-sim'

const cliRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
const repo = join(cliRoot, '..', '..')
const cli = join(cliRoot, 'bin', 'smtp-doctor.js')
const runs = Math.max(15, Number(process.env.BENCH_RUNS) || 15)
const version = (JSON.parse(readFileSync(join(cliRoot, 'package.json'), 'utf8')) as { version: string })
  .version

type Case = { name: string; cmd: string; args: string[]; env?: NodeJS.ProcessEnv; okCodes: number[] }

/** One run, spawned asynchronously: the simulator shares this process's event loop. */
function once(c: Case): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint()
    const child = spawn(c.cmd, c.args, {
      stdio: 'ignore',
      env: { ...process.env, ...c.env },
      // Long enough for the clone's launcher to rebuild itself when sources changed.
      timeout: 600_000,
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6
      if (c.okCodes.includes(code ?? -1)) resolve(ms)
      else reject(new Error(`${c.name} exited ${code}`))
    })
  })
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

// The package and the executable, fresh from the current bundle inputs (a few seconds; the
// Windows executable is not needed here).
console.log('building the npm package and the Linux executable (scripts/dist.ts --only=package,linux)…')
const built = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(cliRoot, 'scripts', 'dist.ts'), '--only=package,linux'],
  {
    cwd: cliRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
)
if (built.status !== 0) throw new Error('scripts/dist.ts failed')
const prefix = mkdtempSync(join(tmpdir(), 'smtp-doctor-bench-prefix-'))
const installed = spawnSync(
  'npm',
  [
    'install',
    '-g',
    '--prefix',
    prefix,
    join(repo, 'dist', `smtp-doctor-${version}.tgz`),
    '--offline',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
)
if (installed.status !== 0) throw new Error('npm install -g of the package failed')
const installedBin = join(prefix, 'bin', 'smtp-doctor')
const sea = join(repo, 'dist', 'smtp-doctor-linux-x64')

const sim = await startSim(demoScenario)
try {
  const { host, port } = sim.endpoints.smtpAuth
  const user = 'scanner@contoso.com'
  const to = 'someone@contoso.com'
  const probe = ['probe', '--host', host, '--port', String(port), '--user', user, '--from', user, '--to', to]
  const env = { SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD, NO_COLOR: '1' }
  const CLONE = 'launcher from a clone'
  const PACKAGE = 'installed npm package'
  const SEA = 'Linux single executable'
  const SWAKS = 'swaks --quit-after RCPT'
  const FLOOR = 'node -e 0 (floor)'
  const cases: Case[] = [
    { name: FLOOR, cmd: process.execPath, args: ['-e', '0'], okCodes: [0] },
    { name: CLONE, cmd: process.execPath, args: [cli, ...probe], env, okCodes: [0, 1] },
    // The installed command as a shell runs it: the bin link, its #!/usr/bin/env node line.
    { name: PACKAGE, cmd: installedBin, args: probe, env, okCodes: [0, 1] },
    { name: SEA, cmd: sea, args: probe, env, okCodes: [0, 1] },
  ]
  const hasSwaks = spawnSync('swaks', ['--version'], { stdio: 'ignore' }).status === 0
  if (hasSwaks) {
    cases.push({
      name: SWAKS,
      cmd: 'swaks',
      args: [
        '--server',
        `${host}:${port}`,
        '--tls',
        '--auth',
        'LOGIN',
        '--auth-user',
        user,
        '--auth-password',
        DEMO_PASSWORD,
        '--from',
        user,
        '--to',
        to,
        '--quit-after',
        'RCPT',
      ],
      okCodes: [0],
    })
  } else {
    console.log('swaks is not installed (apt-get install -y swaks): absolute medians only, no ratios')
  }

  // Warm-up: the first CLI run may build the bundle, and writes the launchers' V8 code caches.
  for (const c of cases) for (let i = 0; i < 2; i++) await once(c)
  const bundle = join(cliRoot, 'dist', 'smtp-doctor.cjs')
  const builtAt = statSync(bundle).mtimeMs
  const times = new Map<string, number[]>(cases.map((c) => [c.name, []]))
  for (let r = 0; r < runs; r++) {
    const order = r % 2 ? [...cases].reverse() : cases
    for (const c of order) times.get(c.name)?.push(await once(c))
  }

  if (statSync(bundle).mtimeMs !== builtAt) {
    console.log(
      'note: the sources changed during the runs and the clone rebuilt itself; its figure includes that',
    )
  }
  console.log(`cold start, ${runs} interleaved rounds, median wall time from spawn to exit:`)
  const med = (name: string) => median(times.get(name) ?? [])
  for (const c of cases) {
    const xs = times.get(c.name) ?? []
    console.log(
      `  ${c.name.padEnd(26)} ${med(c.name).toFixed(1).padStart(7)} ms  (min ${Math.min(...xs).toFixed(1)})`,
    )
  }
  if (hasSwaks) {
    const swaks = med(SWAKS)
    console.log(`vs ${SWAKS} (goal <= 1.0x for the package and the executable):`)
    for (const name of [CLONE, PACKAGE, SEA])
      console.log(`  ${name.padEnd(26)} ${(med(name) / swaks).toFixed(2)}x`)
    console.log(`  ${FLOOR.padEnd(26)} ${(med(FLOOR) / swaks).toFixed(2)}x`)
  }
} finally {
  await sim.stop()
  rmSync(prefix, { recursive: true, force: true })
}
