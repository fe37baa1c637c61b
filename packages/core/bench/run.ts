/**
 * Probe benchmarks against the Microsoft 365 simulator on loopback:
 *  1. a full SMTP AUTH probe (STARTTLS, LOGIN, MAIL FROM, RCPT TO, QUIT), median of N;
 *  2. the TLS matrix (4 versions in parallel) against one STARTTLS handshake (goal ≤ 1.5×);
 *  3. where `swaks` is installed, `swaks --quit-after RCPT` for the same transaction, and a
 *     cold-start Node process running one probe from dist/ (what a CLI run costs).
 * The simulator runs in a child process, so its TLS work does not share the probe's event loop.
 * Figures are medians and ratios measured in the same run; nothing here is a pass/fail test.
 *
 * Run: npm run bench -w @smtp-doctor/core   (BENCH_RUNS=N to change the sample size)
 */
import { execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { DEMO_PASSWORD, demoScenario, type Sim, type SimScenarioInput } from '@smtp-doctor/m365-sim'
import { probe, tlsMatrix } from '../src/probe/index.js'
import { versionOptions } from '../src/probe/tls-info.js'
import { Transcript } from '../src/probe/transcript.js'
import { connectTcp, SmtpWire } from '../src/probe/wire.js'

const RUNS = Math.max(20, Number(process.env.BENCH_RUNS ?? 25))
const USER = 'scanner@contoso.com'

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

function p90(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.9))] as number
}

async function sample(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn()
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await fn()
    out.push(performance.now() - t0)
  }
  return out
}

/** Runs a command without blocking the loop (the simulator lives in this process). */
function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 30_000, ...(env ? { env } : {}) }, (err) => {
      resolve(err ? (typeof err.code === 'number' ? err.code : 1) : 0)
    })
  })
}

type Remote = { endpoints: Sim['endpoints']; stop(): Promise<void> }

/** Starts the simulator in a child process (bench/sim-process.ts), like a server on another host. */
async function remoteSim(scenario: SimScenarioInput): Promise<Remote> {
  const script = fileURLToPath(new URL('./sim-process.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(scenario)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const first = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout })
    rl.once('line', (line) => {
      rl.close()
      resolve(line)
    })
    child.once('exit', (code) => reject(new Error(`simulator process exited (${code})`)))
  })
  return {
    endpoints: JSON.parse(first) as Sim['endpoints'],
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.stdin.end()
      }),
  }
}

function fmt(ms: number): string {
  return `${ms.toFixed(2)} ms`
}

const sim = await remoteSim({ ...demoScenario, implicitTls: true })
const rows: string[] = []
try {
  const auth = sim.endpoints.smtpAuth
  const legacy = sim.endpoints.legacy

  // 1. Full SMTP AUTH probe.
  let failures = 0
  const full = await sample(RUNS, async () => {
    const r = await probe({
      host: auth.host,
      port: auth.port,
      tls: 'starttls',
      username: USER,
      password: DEMO_PASSWORD,
      from: USER,
      recipients: ['someone@fabrikam.com'],
      timeoutMs: 10_000,
    })
    if (!r.facts.probe?.rcpt?.[0]?.ok) failures++
  })
  rows.push(
    `probe (SMTP AUTH, STARTTLS → RCPT): median ${fmt(median(full))}, p90 ${fmt(p90(full))}, n=${RUNS}, failed=${failures}`,
  )

  // 2. TLS matrix vs one handshake, both on the legacy endpoint where every version completes.
  const single = await sample(RUNS, async () => {
    const deadline = Date.now() + 10_000
    const wire = new SmtpWire(await connectTcp(legacy.host, legacy.port, deadline), new Transcript([]))
    try {
      await wire.readReply(deadline)
      await wire.command('EHLO bench.invalid', deadline)
      await wire.command('STARTTLS', deadline)
      await wire.startTls({ rejectUnauthorized: false, ...versionOptions('TLSv1.3', 'TLSv1.3') }, deadline)
    } finally {
      wire.destroy()
    }
  })
  const matrix = await sample(RUNS, () =>
    tlsMatrix({ host: legacy.host, port: legacy.port, tls: 'starttls', timeoutMs: 10_000 }),
  )
  const ratio = median(matrix) / median(single)
  rows.push(`single STARTTLS handshake (TLS 1.3): median ${fmt(median(single))}`)
  rows.push(
    `TLS matrix (4 versions, parallel): median ${fmt(median(matrix))} → ${ratio.toFixed(2)}× one handshake (goal ≤ 1.5×)`,
  )
  const matrixModern = await sample(RUNS, () =>
    tlsMatrix({ host: auth.host, port: auth.port, tls: 'starttls', timeoutMs: 10_000 }),
  )
  rows.push(
    `TLS matrix on the TLS ≥ 1.2 endpoint (2 refusals): median ${fmt(median(matrixModern))} → ${(median(matrixModern) / median(single)).toFixed(2)}×`,
  )

  // The STARTTLS figures include smtp-server's fixed 100 ms pause before every banner; an
  // implicit-TLS endpoint handshakes first, so this pair shows the TLS cost alone.
  const oldTls = await remoteSim({ implicitTls: true, smtpAuth: { minTlsVersion: 'TLSv1' } })
  try {
    const imp = oldTls.endpoints.implicit as { host: string; port: number }
    const singleImplicit = await sample(RUNS, async () => {
      const deadline = Date.now() + 10_000
      const wire = new SmtpWire(await connectTcp(imp.host, imp.port, deadline), new Transcript([]))
      try {
        await wire.startTls({ rejectUnauthorized: false, ...versionOptions('TLSv1.3', 'TLSv1.3') }, deadline)
      } finally {
        wire.destroy()
      }
    })
    const matrixImplicit = await sample(RUNS, () =>
      tlsMatrix({ host: imp.host, port: imp.port, tls: 'implicit', timeoutMs: 10_000 }),
    )
    rows.push(
      `single implicit-TLS handshake (TCP + TLS 1.3, no banner wait): median ${fmt(median(singleImplicit))}`,
    )
    rows.push(
      `TLS matrix, implicit TLS (4 versions accepted): median ${fmt(median(matrixImplicit))} → ${(median(matrixImplicit) / median(singleImplicit)).toFixed(2)}× one handshake`,
    )
  } finally {
    await oldTls.stop()
  }

  // 3. swaks, and a cold Node process, for the same transaction.
  if ((await run('swaks', ['--version'])) === 0) {
    const args = [
      '--server',
      `${auth.host}:${auth.port}`,
      '--tls',
      '--auth',
      'LOGIN',
      '--auth-user',
      USER,
      '--auth-password',
      DEMO_PASSWORD,
      '--from',
      USER,
      '--to',
      'someone@fabrikam.com',
      '--quit-after',
      'RCPT',
      '--silent',
      '2',
    ]
    let swaksFailed = 0
    const swaksMs = await sample(RUNS, async () => {
      if ((await run('swaks', args)) !== 0) swaksFailed++
    })
    rows.push(
      `swaks --tls --auth LOGIN --quit-after RCPT (process): median ${fmt(median(swaksMs))}, failed=${swaksFailed}`,
    )
    rows.push(`in-process probe / swaks: ${(median(full) / median(swaksMs)).toFixed(3)}×`)
    const cold = fileURLToPath(new URL('./cold-probe.mjs', import.meta.url))
    const dist = fileURLToPath(new URL('../dist/probe/index.js', import.meta.url))
    if (existsSync(dist)) {
      let coldFailed = 0
      const coldMs = await sample(RUNS, async () => {
        const env = { ...process.env, SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD }
        if ((await run(process.execPath, [cold, auth.host, String(auth.port), USER], env)) !== 0) coldFailed++
      })
      const bare = await sample(RUNS, () => run(process.execPath, ['-e', '0']))
      rows.push(
        `cold node process, one probe from dist/: median ${fmt(median(coldMs))}, failed=${coldFailed}`,
      )
      rows.push(`  of which bare \`node -e 0\` start-up: median ${fmt(median(bare))}`)
      rows.push(
        `cold node probe / swaks: ${(median(coldMs) / median(swaksMs)).toFixed(2)}× (CLI goal ≤ 1.0×)`,
      )
    } else {
      rows.push('cold-start probe skipped: build @smtp-doctor/core first (dist/probe missing)')
    }
  } else {
    rows.push('swaks not installed: comparison skipped (apt-get install -y swaks)')
  }
} finally {
  await sim.stop()
}
console.log(`@smtp-doctor/core probe bench (node ${process.version}, ${new Date().toISOString()})`)
for (const r of rows) console.log(`  ${r}`)
