import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.js'
import { configFromEnv } from './config.js'

let app: FastifyInstance
let config: ReturnType<typeof configFromEnv>
try {
  config = configFromEnv()
  app = await buildApp(config.app)
} catch (err) {
  // Configuration mistakes (a bad PORT, a bad SMTP_DOCTOR_PROBE_ALLOW entry) get one line, no stack.
  process.stderr.write(`smtp-doctor api: ${(err as Error).message}\n`)
  process.exit(2)
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  })
}

try {
  await app.listen({ port: config.port, host: config.host })
  if (config.app.siteDir) app.log.info({ siteDir: config.app.siteDir }, 'serving the docs site at /')
  app.log.info('API reference at /docs, OpenAPI at /openapi.json')
} catch (err) {
  app.log.error({ err }, 'could not listen')
  process.exit(1)
}
