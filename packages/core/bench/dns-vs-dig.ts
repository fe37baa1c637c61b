/**
 * The DNS checks against `dig` for the same lookups, on the simulator's DNS server (a child
 * process on loopback, real UDP/TCP):
 *  1. `probeDns` in process (MX, SPF for an IP, DMARC, DKIM selectors, two block lists), median of N;
 *  2. `dig -f` asking exactly the (name, type) pairs that one `probeDns` run sent, one dig
 *     process, one query after another — dig has no SPF or DMARC logic, so this is the floor of
 *     "the same lookups";
 *  3. `smtp-doctor dns … --json` from a cold process start (the CLI bundle), the same checks.
 * Figures are medians and ratios measured in the same run; nothing here is a pass/fail test.
 *
 * Run: node --import tsx bench/dns-vs-dig.ts   (in packages/core; BENCH_RUNS=N; needs `dig`)
 */
import { execFile, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { probeDns } from '../src/probe/index.js'

const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? 21))
const DOMAIN = 'contoso.com'
const IP = '203.0.113.7'
const ZONES = ['zen.spamhaus.example', 'bl.example']
const CLI = fileURLToPath(new URL('../../../tools/cli/bin/smtp-doctor.js', import.meta.url))

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

function run(
  cmd: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 30_000, maxBuffer: 4 << 20, ...(env ? { env } : {}) }, (err, stdout) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout })
    })
  })
}

type Remote = {
  port: number
  queries(): Promise<{ name: string; type: string }[]>
  clear(): Promise<void>
  stop(): void
}

/** The simulator's DNS server in a child process that answers `queries` / `clear` on stdin. */
async function remoteDns(): Promise<Remote> {
  const code = `
    import { startDnsServer } from '@smtp-doctor/m365-sim'
    const s = await startDnsServer()
    process.stdout.write(JSON.stringify({ port: s.port }) + '\\n')
    process.stdin.setEncoding('utf8')
    let buf = ''
    process.stdin.on('data', (d) => {
      buf += d
      let i
      while ((i = buf.indexOf('\\n')) >= 0) {
        const cmd = buf.slice(0, i); buf = buf.slice(i + 1)
        if (cmd === 'queries') process.stdout.write(JSON.stringify(s.queries()) + '\\n')
        if (cmd === 'clear') { s.clearQueries(); process.stdout.write('[]\\n') }
      }
    })
    process.stdin.on('end', () => s.stop().then(() => process.exit(0)))`
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  const next = async () => JSON.parse(String((await lines.next()).value))
  const { port } = (await next()) as { port: number }
  const ask = async (cmd: string) => {
    child.stdin.write(`${cmd}\n`)
    return next()
  }
  return {
    port,
    queries: () => ask('queries'),
    clear: async () => {
      await ask('clear')
    },
    stop: () => child.stdin.end(),
  }
}

async function main(): Promise<void> {
  const dns = await remoteDns()
  const server = `127.0.0.1:${dns.port}`
  const checks = () =>
    probeDns({
      domain: DOMAIN,
      from: `scanner@${DOMAIN}`,
      ip: IP,
      zones: ZONES,
      resolver: { servers: [server], timeoutMs: 5000 },
    })

  // The lookups of one run, in the order the server saw them.
  await checks()
  await dns.clear()
  await checks()
  const lookups = await dns.queries()
  const batch = join(tmpdir(), `smtp-doctor-dig-${process.pid}.txt`)
  writeFileSync(
    batch,
    lookups
      .map((q) => `@127.0.0.1 -p ${dns.port} +tries=1 +time=2 +noall +answer ${q.name} ${q.type}`)
      .join('\n'),
  )
  const digOk = (await run('dig', ['-v'])).code === 0

  const lib: number[] = []
  const dig: number[] = []
  const cli: number[] = []
  const cliArgs = [
    CLI,
    '--json',
    'dns',
    DOMAIN,
    '--ip',
    IP,
    '--from',
    `scanner@${DOMAIN}`,
    '--resolver',
    server,
    '--dnsbl',
    ZONES.join(','),
  ]
  const env = { ...process.env, SMTP_DOCTOR_SKIP_BUILD_CHECK: '1', NO_COLOR: '1' }
  await run(process.execPath, cliArgs, env) // warm the CLI's code cache
  // Interleaved, so a noisy neighbour on the shared machine hits all three alike.
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now()
    await checks()
    lib.push(performance.now() - t0)
    if (digOk) {
      t0 = performance.now()
      await run('dig', ['-f', batch])
      dig.push(performance.now() - t0)
    }
    t0 = performance.now()
    await run(process.execPath, cliArgs, env)
    cli.push(performance.now() - t0)
  }
  dns.stop()

  const f = (ms: number) => `${ms.toFixed(1)} ms`
  console.log(
    `DNS checks vs dig — ${lookups.length} lookups (${[...new Set(lookups.map((q) => q.type))].join(', ')}), median of ${RUNS}`,
  )
  console.log(`  probeDns in process (parallel)     ${f(median(lib))}`)
  if (digOk) {
    console.log(`  dig -f, same lookups (sequential)  ${f(median(dig))}`)
    console.log(`  ratio probeDns / dig               ${(median(lib) / median(dig)).toFixed(2)}×`)
  } else console.log('  dig not installed (Debian: bind9-dnsutils): no comparison')
  console.log(`  smtp-doctor dns --json (cold CLI)  ${f(median(cli))}`)
  if (digOk) console.log(`  ratio CLI / dig                    ${(median(cli) / median(dig)).toFixed(2)}×`)
}

await main()
