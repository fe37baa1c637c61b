/**
 * Cold start of `smtp-doctor probe` against `swaks --quit-after RCPT`, the same transaction
 * (TCP, banner, EHLO, STARTTLS, EHLO, AUTH LOGIN, MAIL FROM, RCPT TO, QUIT) on the same
 * simulator endpoint, each a fresh process from start to exit. Runs are interleaved so load
 * from other processes hits both alike; medians and their ratio are printed, with bare
 * `node -e 0` as the floor no Node CLI can go below. swaks is skipped with a note when missing.
 *
 *   npm run bench -w @smtp-doctor/cli          (BENCH_RUNS=30 for more rounds)
 */
import { spawn, spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEMO_PASSWORD, demoScenario, startSim } from '@smtp-doctor/m365-sim'

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'smtp-doctor.js')
const runs = Math.max(10, Number(process.env.BENCH_RUNS) || 15)

type Case = { name: string; cmd: string; args: string[]; env?: NodeJS.ProcessEnv; okCodes: number[] }

/** One run, spawned asynchronously: the simulator shares this process's event loop. */
function once(c: Case): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint()
    const child = spawn(c.cmd, c.args, {
      stdio: 'ignore',
      env: { ...process.env, ...c.env },
      timeout: 30_000,
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

const sim = await startSim(demoScenario)
try {
  const { host, port } = sim.endpoints.smtpAuth
  const user = 'scanner@contoso.com'
  const to = 'someone@contoso.com'
  const probeArgs = [
    cli,
    'probe',
    '--host',
    host,
    '--port',
    String(port),
    '--user',
    user,
    '--from',
    user,
    '--to',
    to,
  ]
  const cases: Case[] = [
    { name: 'node -e 0 (floor)', cmd: process.execPath, args: ['-e', '0'], okCodes: [0] },
    {
      name: 'smtp-doctor probe',
      cmd: process.execPath,
      args: probeArgs,
      env: { SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD, NO_COLOR: '1' },
      okCodes: [0, 1],
    },
    {
      // As an installed CLI runs: no source tree to compare the bundle with.
      name: 'smtp-doctor probe, no src check',
      cmd: process.execPath,
      args: probeArgs,
      env: { SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD, NO_COLOR: '1', SMTP_DOCTOR_SKIP_BUILD_CHECK: '1' },
      okCodes: [0, 1],
    },
  ]
  const hasSwaks = spawnSync('swaks', ['--version'], { stdio: 'ignore' }).status === 0
  if (hasSwaks) {
    cases.push({
      name: 'swaks --quit-after RCPT',
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
    console.log('swaks not installed (apt-get install -y swaks): measuring smtp-doctor alone')
  }

  // Warm-up: the first CLI run may build the bundle and writes the V8 code cache.
  for (const c of cases) for (let i = 0; i < 2; i++) await once(c)
  const bundle = join(dirname(cli), '..', 'dist', 'smtp-doctor.cjs')
  const builtAt = statSync(bundle).mtimeMs
  const times = new Map<string, number[]>(cases.map((c) => [c.name, []]))
  for (let r = 0; r < runs; r++) {
    const order = r % 2 ? [...cases].reverse() : cases
    for (const c of order) times.get(c.name)?.push(await once(c))
  }

  if (statSync(bundle).mtimeMs !== builtAt) {
    console.log(
      'note: the sources changed during the runs and the CLI rebuilt itself; the figures include that',
    )
  }
  console.log(`cold start, ${runs} interleaved runs each, median wall time from spawn to exit:`)
  for (const c of cases) {
    const xs = times.get(c.name) ?? []
    console.log(
      `  ${c.name.padEnd(32)} ${median(xs).toFixed(1).padStart(7)} ms  (min ${Math.min(...xs).toFixed(1)})`,
    )
  }
  const probeMs = median(times.get('smtp-doctor probe') ?? [])
  const floorMs = median(times.get('node -e 0 (floor)') ?? [])
  console.log(`  smtp-doctor probe over the node floor: +${(probeMs - floorMs).toFixed(1)} ms`)
  if (hasSwaks) {
    const swaksMs = median(times.get('swaks --quit-after RCPT') ?? [])
    console.log(`  node -e 0 vs swaks: ${(floorMs / swaksMs).toFixed(2)}x`)
    const skipMs = median(times.get('smtp-doctor probe, no src check') ?? [])
    console.log(`  smtp-doctor probe without the source check vs swaks: ${(skipMs / swaksMs).toFixed(2)}x`)
    console.log(
      `smtp-doctor probe vs swaks --quit-after RCPT: ${(probeMs / swaksMs).toFixed(2)}x (goal <= 1.0x)`,
    )
  }
} finally {
  await sim.stop()
}
