/**
 * `npm run bench -w @smtp-doctor/rules`
 *
 * 1. diagnose() against plain json-rules-engine Engine.run over the same compiled rules and the
 *    same fact sets (error texts, settings, tenant, probe results), asserting that the fast engine
 *    fires exactly the rules json-rules-engine fires.
 *    The baseline is generous: it gets the derived fact for free-ish (same derive) and skips
 *    validation, ranking and localizing, which diagnose still does.
 * 2. explain() over a generated 100k-line device log: lines/s, next to `grep -c -F -i -f` with every
 *    literal matcher of the catalogue over the same log (the floor: one pass, no parsing), and heap
 *    growth while a streaming explainer eats the same log in chunks (10k vs 100k lines: flat means the same).
 * 3. Worst inputs next to plain text of the same size (1 MiB each): lines of quote runs (what made
 *    the old trim backtrack), a flood of `550-` continuation lines, one folded header that never
 *    ends, and 16 KiB lines without a break (goal ≤ 2× plain).
 *
 * The last line is `diagnose speedup vs json-rules-engine: <N>x`. Every loop is bounded.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { compileCatalogue, createTextParser, type Facts, literalMatchers } from '@smtp-doctor/core'
import { bundle } from '../src/bundle.js'
import { analyze } from '../src/derived.js'
import { candidateCount, factBag, firingRuleIds } from '../src/engine.js'
import { createExplainer, diagnose, explain, rules } from '../src/index.js'
import { createReferenceEngine, referenceRuleIds } from '../src/reference.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

// ── fact sets: every rule example plus realistic combinations ──
const MX = 'contoso-com.mail.protection.outlook.com'
const auth = { username: 'scanner@contoso.com', password: true }
const transcript = [
  '2026-11-20 08:12:01 SMTP: connecting to smtp.office365.com:587',
  '2026-11-20 08:12:01 SMTP: < 220 AM0PR01CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready',
  '2026-11-20 08:12:01 SMTP: > EHLO scanner',
  '2026-11-20 08:12:01 SMTP: < 250-AM0PR01CA0001.outlook.office365.com Hello [203.0.113.5]',
  '2026-11-20 08:12:01 SMTP: < 250-SIZE 157286400',
  '2026-11-20 08:12:01 SMTP: < 250 STARTTLS',
  '2026-11-20 08:12:02 SMTP: > AUTH LOGIN',
  '2026-11-20 08:12:02 SMTP: < 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.',
].join('\n')
const synthetic: Facts[] = [
  {
    settings: { host: 'smtp.office365.com', port: 587, tls: 'starttls', ...auth },
    observed: { errorText: transcript },
  },
  {
    settings: { host: 'smtp.office365.com', port: 587, tls: 'starttls' },
    observed: { errorText: '530 5.7.57 Client not authenticated to send mail' },
  },
  {
    settings: {
      host: MX,
      port: 25,
      tls: 'starttls',
      ...auth,
      from: 'a@contoso.com',
      recipients: ['x@fabrikam.com'],
    },
  },
  { settings: { host: '52.101.8.42', port: 25, tls: 'none' }, observed: { symptoms: ['marked-as-junk'] } },
  { settings: { host: 'smtp.office365.com', port: 465, tls: 'implicit', ...auth, maxTlsVersion: 'TLSv1' } },
  {
    settings: { host: MX, port: 25, tls: 'starttls', connector: 'ip', from: 'a@contoso.com' },
    tenant: {
      domain: 'contoso.com',
      rejectDirectSend: true,
      inboundConnector: { matchesOn: 'ip', senderIps: ['198.51.100.7'] },
    },
    observed: {
      errorText: '550 5.7.64 TenantAttribution; Relay Access Denied',
      symptoms: ['stopped-working'],
    },
  },
  {
    settings: { host: 'smtp.office365.com', port: 587, tls: 'starttls', ...auth },
    probe: {
      target: { host: 'smtp.office365.com', port: 587, tls: 'starttls' },
      error: { stage: 'tcp', code: 'TCP_TIMEOUT', message: 'connect timed out' },
      tlsVersions: { TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': true },
      dnsbl: {
        ip: '203.0.113.5',
        checked: ['zen.spamhaus.org'],
        listed: [{ zone: 'zen.spamhaus.org', codes: ['127.0.0.2'] }],
      },
      spf: { domain: 'contoso.com', ip: '203.0.113.5', result: 'softfail' },
    },
  },
]
const factSets: Facts[] = [
  ...rules.flatMap((r) =>
    [...r.examples.match, ...r.examples.noMatch].map((e) =>
      'text' in e ? ({ observed: { errorText: e.text } } as Facts) : (e.facts as Facts),
    ),
  ),
  ...synthetic,
]

// ── correctness first: identical finding ids ──
const plain = createReferenceEngine(true)
for (const f of factSets) {
  const bag = factBag(f, analyze(f).derived)
  const expected = await referenceRuleIds(plain, bag)
  // The rules the fast engine fires; diagnose then ranks them, drops rules for another provider's
  // reply and adds the never-silent fallback (work the baseline does not do).
  const got = firingRuleIds(bag).sort()
  if (JSON.stringify(got) !== JSON.stringify(expected)) {
    console.error(
      `MISMATCH for ${JSON.stringify(f).slice(0, 200)}\n  diagnose: ${got}\n  json-rules-engine: ${expected}`,
    )
    process.exit(1)
  }
}
const avgCandidates = factSets.reduce((n, f) => n + candidateCount(f), 0) / factSets.length
console.log(
  `fact sets: ${factSets.length}, rules: ${rules.length}, rules evaluated per run (index): ${avgCandidates.toFixed(1)}; fired rule ids identical to json-rules-engine`,
)

// ── timing: interleaved rounds, median of rounds ──
async function baselineRound(): Promise<number> {
  const t0 = performance.now()
  for (const f of factSets) {
    const { events } = await plain.run({ ...factBag(f, analyze(f).derived) })
    if (events.length < 0) throw new Error('unreachable')
  }
  return performance.now() - t0
}
function diagnoseRound(reps: number): number {
  const t0 = performance.now()
  for (let r = 0; r < reps; r++) for (const f of factSets) diagnose(f, { lang: 'en' })
  return (performance.now() - t0) / reps
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

await baselineRound()
diagnoseRound(20)
const ROUNDS = 7
const base: number[] = []
const fast: number[] = []
for (let i = 0; i < ROUNDS; i++) {
  base.push(await baselineRound())
  fast.push(diagnoseRound(20))
}
const perBase = (median(base) / factSets.length) * 1000
const perFast = (median(fast) / factSets.length) * 1000
console.log(`json-rules-engine Engine.run: ${perBase.toFixed(1)} µs/run`)
console.log(`diagnose:                     ${perFast.toFixed(1)} µs/run`)

// ── explain over a generated log ──
const LOG_TEMPLATE = [
  '2026-11-20 08:{m}:{s}.{n} INFO  job {n} scan-to-email started, 3 pages',
  '2026-11-20 08:{m}:{s}.{n} DEBUG SMTP connecting to smtp.office365.com:587',
  '2026-11-20 08:{m}:{s}.{n} DEBUG SMTP < 220 AM0PR01CA{n}.outlook.office365.com Microsoft ESMTP MAIL Service ready',
  '2026-11-20 08:{m}:{s}.{n} DEBUG SMTP > EHLO SCANNER-{n}',
  '2026-11-20 08:{m}:{s}.{n} DEBUG SMTP < 250-AM0PR01CA{n}.outlook.office365.com Hello [203.0.113.5]',
  '2026-11-20 08:{m}:{s}.{n} DEBUG SMTP < 250-SIZE 157286400',
  '2026-11-20 08:{m}:{s}.{n} DEBUG SMTP < 250 STARTTLS',
  '2026-11-20 08:{m}:{s}.{n} DEBUG SMTP > STARTTLS',
  '2026-11-20 08:{m}:{s}.{n} DEBUG SMTP < 220 2.0.0 SMTP server ready',
  '2026-11-20 08:{m}:{s}.{n} DEBUG SMTP > AUTH LOGIN',
  '2026-11-20 08:{m}:{s}.{n} DEBUG SMTP < 334 VXNlcm5hbWU6',
  '2026-11-20 08:{m}:{s}.{n} DEBUG SMTP < 235 2.7.0 Authentication successful',
  '2026-11-20 08:{m}:{s}.{n} DEBUG SMTP > MAIL FROM:<salesperson{n}@contoso.com>',
  '2026-11-20 08:{m}:{s}.{n} ERROR SMTP < 550 5.7.60 SMTP; Client does not have permissions to send as this sender',
  '2026-11-20 08:{m}:{s}.{n} WARN  network: connection to 10.0.0.{s} timed out, retrying',
  '2026-11-20 08:{m}:{s}.{n} INFO  paper tray 2 low, toner 34 %, firmware 2.1.{n}',
]
function* logChunks(lines: number, perChunk = 1000): Generator<string> {
  for (let start = 0; start < lines; start += perChunk) {
    let chunk = ''
    for (let i = start; i < Math.min(lines, start + perChunk); i++) {
      const t = LOG_TEMPLATE[i % LOG_TEMPLATE.length]!
      chunk += `${t
        .replace(/\{m\}/g, String((i >> 10) % 60).padStart(2, '0'))
        .replace(/\{s\}/g, String(i % 60).padStart(2, '0'))
        .replace(/\{n\}/g, String(i))}\n`
    }
    yield chunk
  }
}
const LINES = 100_000
const log = [...logChunks(LINES)].join('')
let ids: string[] = explain(log, { lang: 'en' }).findings.map((f) => f.id)
const explainTimes: number[] = []
for (let i = 0; i < 5; i++) {
  const t0 = performance.now()
  ids = explain(log, { lang: 'en' }).findings.map((f) => f.id)
  explainTimes.push(performance.now() - t0)
}
const linesPerSec = LINES / (median(explainTimes) / 1000)
console.log(
  `explain: ${LINES} lines (${(log.length / 1e6).toFixed(1)} MB) in ${median(explainTimes).toFixed(0)} ms = ${Math.round(linesPerSec).toLocaleString('en')} lines/s (goal ≥ 100,000); findings: ${ids.join(', ')}`,
)

// ── where explain's time goes: the one-pass catalogue scan, the whole parser, then the engine ──
{
  const cat = compileCatalogue(bundle.catalogue)
  const logLines = log.split('\n')
  const hits = cat.newHits()
  const scan: number[] = []
  const parse: number[] = []
  for (let i = 0; i < 5; i++) {
    let t0 = performance.now()
    for (const l of logLines) cat.scanLine(l, hits)
    scan.push(performance.now() - t0)
    t0 = performance.now()
    const p = createTextParser(cat)
    for (let j = 0; j < log.length; j += 65536) p.push(log.slice(j, j + 65536))
    p.end()
    parse.push(performance.now() - t0)
  }
  const rate = (ms: number) => Math.round(LINES / (ms / 1000)).toLocaleString('en')
  console.log(
    `explain breakdown: catalogue scan alone ${median(scan).toFixed(0)} ms (${rate(median(scan))} lines/s), whole parser ${median(parse).toFixed(0)} ms (${rate(median(parse))} lines/s), explain ${median(explainTimes).toFixed(0)} ms`,
  )
}

// ── the floor: grep -F over the same log with every literal matcher ──
{
  const dir = mkdtempSync(join(tmpdir(), 'smtp-doctor-bench-'))
  try {
    const logFile = join(dir, 'log.txt')
    const patFile = join(dir, 'literals.txt')
    writeFileSync(logFile, log)
    const literals = literalMatchers(bundle.catalogue).map((m) => m.match)
    writeFileSync(patFile, `${literals.join('\n')}\n`)
    const grepTimes: number[] = []
    let count = ''
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now()
      const r = spawnSync('grep', ['-c', '-F', '-i', '-f', patFile, logFile], { encoding: 'utf8' })
      grepTimes.push(performance.now() - t0)
      count = r.stdout.trim()
    }
    console.log(
      `explain vs grep floor: explain ${median(explainTimes).toFixed(0)} ms, grep -c -F -i -f (${literals.length} literals, ${count} lines matched) ${median(grepTimes).toFixed(0)} ms on the same ${LINES} lines — ratio ${(median(explainTimes) / median(grepTimes)).toFixed(1)}x (aim: 1M lines/s)`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// ── worst inputs next to plain text of the same size ──
{
  const SIZE = 1 << 20
  const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE)
  const plainText = log.slice(0, SIZE)
  const worst: [string, string][] = [
    ['quote runs', fill(`550 5.7.1 denied ${"'".repeat(200)}x${'"'.repeat(200)}>\n`)],
    ['550- continuation flood', fill('550-5.7.1 a continuation line of a reply that never ends\r\n')],
    [
      'one endless folded header',
      `Diagnostic-Code: smtp; 550 5.7.1 x\n${fill('    folded continuation text\n')}`,
    ],
    ['16 KiB lines, no breaks', fill(`${'said: 550 '.repeat(1600)}\n`)],
    ['16 KiB lines of enhanced codes', fill(`${'5.7.1 '.repeat(2700)}\n`)],
    // Per-line work dominates here: 12-byte lines, each a failing reply (7x the lines of the plain log).
    ['short failing replies', fill('550 5.7.1 x\n')],
  ]
  const timeOf = (text: string) => {
    const xs: number[] = []
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now()
      explain(text, { lang: 'en' })
      xs.push(performance.now() - t0)
    }
    return median(xs)
  }
  timeOf(plainText)
  const plainMs = timeOf(plainText)
  for (const [name, text] of worst) {
    const ms = timeOf(text)
    console.log(
      `explain worst input "${name}" (1 MiB): ${ms.toFixed(0)} ms vs plain text ${plainMs.toFixed(0)} ms = ${(ms / plainMs).toFixed(2)}x (goal ≤ 2x)`,
    )
  }
}

/** Peak heap growth while a streaming explainer eats `lines` generated lines. */
function streamGrowth(lines: number): { heapMB: number; rssMB: number } {
  gc()
  const heap0 = process.memoryUsage().heapUsed
  const rss0 = process.memoryUsage().rss
  let peakHeap = 0
  let peakRss = 0
  const ex = createExplainer({ lang: 'en' })
  let n = 0
  for (const chunk of logChunks(lines)) {
    ex.push(chunk)
    if (++n % 10 === 0) {
      const m = process.memoryUsage()
      peakHeap = Math.max(peakHeap, m.heapUsed - heap0)
      peakRss = Math.max(peakRss, m.rss - rss0)
    }
  }
  ex.end()
  return { heapMB: peakHeap / 1e6, rssMB: peakRss / 1e6 }
}
streamGrowth(10_000)
const small = streamGrowth(10_000)
const large = streamGrowth(LINES)
console.log(
  `explain streaming memory: peak heap growth ${small.heapMB.toFixed(1)} MB at 10k lines, ${large.heapMB.toFixed(1)} MB at 100k lines; RSS growth ${small.rssMB.toFixed(1)} / ${large.rssMB.toFixed(1)} MB`,
)

console.log(`diagnose speedup vs json-rules-engine: ${(perBase / perFast).toFixed(1)}x`)
