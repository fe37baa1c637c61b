import { type ChildProcess, fork } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

/*
 * npm run bench -w @smtp-doctor/api
 *
 * 1. POST /v1/diagnose vs GET /healthz, autocannon, 50 connections, same run, same server:
 *    the ratio of their req/s (goal ≥ 0.5) and p99 latency.
 * 2. A 60 s soak at 100 connections over every engine route: 0 errors / non-2xx, server RSS
 *    growth < 10 % (after a full GC, measured after warm-up against the end).
 * Loopback only; the server runs in a child process with its logger off. BENCH_SECONDS and
 * SOAK_SECONDS shorten the runs for a quick look.
 */

type Result = {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number; average: number }
  errors: number
  timeouts: number
  non2xx: number
  '2xx': number
}
type Request = { method: string; path: string; headers?: Record<string, string>; body?: string }
type Options = {
  url: string
  connections: number
  duration: number
  method?: string
  headers?: Record<string, string>
  body?: string
  requests?: Request[]
}
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: Options) => Promise<Result>

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 60)
const JSON_HEADERS = { 'content-type': 'application/json' }

const diagnoseBody = JSON.stringify({
  facts: {
    settings: {
      host: 'smtp.office365.com',
      port: 587,
      tls: 'starttls',
      username: 'scanner@contoso.com',
      password: true,
      from: 'sales@contoso.com',
      recipients: ['someone@fabrikam.com'],
    },
    tenant: { domain: 'contoso.com', mailbox: { sendAsGranted: false } },
    observed: {
      errorText: '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
      symptoms: ['not-sending'],
    },
  },
  lang: 'en',
})

function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
    child.once('message', (m) => resolve({ child, port: (m as { port: number }).port }))
  })
}

type Memory = { rss: number; heapUsed: number }

function memoryOf(child: ChildProcess): Promise<Memory> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as Memory))
    child.send('rss')
  })
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

const { child, port } = await startServer()
const base = `http://127.0.0.1:${port}`
let failed = false
try {
  const healthz = () => autocannon({ url: `${base}/healthz`, connections: 50, duration: SECONDS })
  const diagnose = () =>
    autocannon({
      url: `${base}/v1/diagnose`,
      connections: 50,
      duration: SECONDS,
      method: 'POST',
      headers: JSON_HEADERS,
      body: diagnoseBody,
    })

  // Warm-up (JIT, caches), not counted.
  await autocannon({ url: `${base}/healthz`, connections: 50, duration: 3 })
  await autocannon({
    url: `${base}/v1/diagnose`,
    connections: 50,
    duration: 3,
    method: 'POST',
    headers: JSON_HEADERS,
    body: diagnoseBody,
  })

  const h = await healthz()
  const d = await diagnose()
  const ratio = d.requests.average / h.requests.average
  console.log(`\n== POST /v1/diagnose vs GET /healthz (50 connections, ${SECONDS} s each, same run)`)
  console.log(
    `GET  /healthz     ${h.requests.average.toFixed(0)} req/s  p50 ${h.latency.p50} ms  p99 ${h.latency.p99} ms`,
  )
  console.log(
    `POST /v1/diagnose ${d.requests.average.toFixed(0)} req/s  p50 ${d.latency.p50} ms  p99 ${d.latency.p99} ms`,
  )
  console.log(
    `ratio diagnose/healthz = ${ratio.toFixed(2)} (goal >= 0.5) ${ratio >= 0.5 ? 'OK' : 'BELOW GOAL'}`,
  )
  if (ratio < 0.5) failed = true
  for (const r of [h, d]) {
    if (r.errors + r.timeouts + r.non2xx > 0) {
      console.log(`errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`)
      failed = true
    }
  }

  const mix: Request[] = [
    { method: 'POST', path: '/v1/diagnose', headers: JSON_HEADERS, body: diagnoseBody },
    {
      method: 'POST',
      path: '/v1/explain',
      headers: JSON_HEADERS,
      body: JSON.stringify({
        text: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled',
        lang: 'cs',
      }),
    },
    {
      method: 'POST',
      path: '/v1/classify',
      headers: JSON_HEADERS,
      body: JSON.stringify({
        settings: {
          host: 'contoso-com.mail.protection.outlook.com',
          port: 25,
          tls: 'starttls',
          username: 'a',
          password: true,
        },
      }),
    },
    {
      method: 'POST',
      path: '/v1/advise',
      headers: JSON_HEADERS,
      body: JSON.stringify({ needs: { externalRecipients: true, canAuthenticate: false, staticIp: true } }),
    },
    { method: 'GET', path: '/v1/rules?lang=cs' },
  ]
  // The soak's own warm-up: 100 connections' worth of sockets and buffers are not a leak.
  await autocannon({ url: base, connections: 100, duration: Math.min(10, SOAK_SECONDS), requests: mix })
  const before = await memoryOf(child)
  // Samples during the soak show the trend (a leak climbs; a warmed-up heap plateaus).
  const samples: string[] = []
  const sampler = setInterval(() => {
    memoryOf(child).then((m) => samples.push(mb(m.rss)))
  }, 10_000)
  const soak = await autocannon({ url: base, connections: 100, duration: SOAK_SECONDS, requests: mix })
  clearInterval(sampler)
  const after = await memoryOf(child)
  const growth = (after.rss - before.rss) / before.rss
  const errors = soak.errors + soak.timeouts + soak.non2xx
  console.log(`\n== soak: 100 connections, ${SOAK_SECONDS} s, diagnose/explain/classify/advise/rules`)
  console.log(
    `${soak.requests.total} requests, ${soak.requests.average.toFixed(0)} req/s, p99 ${soak.latency.p99} ms, ` +
      `errors ${soak.errors}, timeouts ${soak.timeouts}, non-2xx ${soak.non2xx}`,
  )
  console.log(
    `server RSS ${mb(before.rss)} -> ${mb(after.rss)} (${(growth * 100).toFixed(1)} %, goal < 10 %) ` +
      `${growth < 0.1 && errors === 0 ? 'OK' : 'FAILED'}`,
  )
  console.log(
    `RSS every 10 s: ${samples.join(', ')}; heap used after GC ${mb(before.heapUsed)} -> ${mb(after.heapUsed)}`,
  )
  if (growth >= 0.1 || errors > 0) failed = true
} finally {
  child.send('stop')
}
process.exitCode = failed ? 1 : 0
