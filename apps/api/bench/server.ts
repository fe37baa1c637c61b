import { openSync, writeSync } from 'node:fs'
import { buildApp } from '../src/app.js'

/*
 * The API under benchmark, in its own process so autocannon does not share its event loop.
 * Production logging (level info, one JSON line per request and response, written synchronously
 * the way pino writes to a file or pipe; here to /dev/null so the terminal stays readable), rate
 * limits off (the load comes from one loopback client), everything else as in production.
 * Answers `rss` messages with its resident set size after a full GC.
 */

const devNull = openSync('/dev/null', 'w')
const app = await buildApp({
  logger: { level: 'info', stream: { write: (line: string) => void writeSync(devNull, line) } },
  rateLimit: { global: false },
  // BENCH_EXPLAIN_POOL=off: every explain on the event loop, to compare against.
  ...(process.env.BENCH_EXPLAIN_POOL === 'off' ? { explainPool: false as const } : {}),
})
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
if (!address || typeof address === 'string') throw new Error('no address')

process.on('message', (message: unknown) => {
  if (message === 'rss') {
    const gc = (globalThis as { gc?: () => void }).gc
    gc?.()
    process.send?.({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed })
  } else if (message === 'cpu') {
    const cpu = process.cpuUsage()
    process.send?.({ cpu: cpu.user + cpu.system })
  } else if (message === 'stop') {
    app.close().then(() => process.exit(0))
  }
})
process.on('disconnect', () => {
  app.close().then(() => process.exit(0))
})
process.send?.({ port: address.port })
