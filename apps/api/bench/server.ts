import { buildApp } from '../src/app.js'

/*
 * The API under benchmark, in its own process so autocannon does not share its event loop.
 * Logger off, rate limits off (the load comes from one loopback client), everything else as
 * in production. Answers `rss` messages with its resident set size after a full GC.
 */

const app = await buildApp({ logger: false, rateLimit: { global: false } })
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
