import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ApiOptions } from './app.js'

/** Where `main` listens and what it serves, from the environment. */
export type ServerConfig = { port: number; host: string; app: ApiOptions }

function port(value: string | undefined): number {
  if (value === undefined || value === '') return 8080
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT must be 0-65535, got "${value}"`)
  return n
}

/**
 * Reads `PORT` (default 8080), `HOST` (default 127.0.0.1), `SMTP_DOCTOR_PROBE_ALLOW`
 * (comma-separated `host[:port]`), `SMTP_DOCTOR_SITE_DIR` (default: the built docs site,
 * `apps/docs/dist`, when it exists), `LOG_LEVEL`, `TRUST_PROXY` and `SMTP_DOCTOR_RESOLVER`
 * (comma-separated `ip[:port]`: the only DNS servers `/v1/dns` asks).
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const defaultSite = fileURLToPath(new URL('../../docs/dist/', import.meta.url))
  const siteDir = env.SMTP_DOCTOR_SITE_DIR || (existsSync(defaultSite) ? defaultSite : null)
  const probeAllow = (env.SMTP_DOCTOR_PROBE_ALLOW ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return {
    port: port(env.PORT),
    host: env.HOST || '127.0.0.1',
    app: {
      probeAllow,
      siteDir,
      logger: { level: env.LOG_LEVEL || 'info' },
      trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
      dnsResolver: (env.SMTP_DOCTOR_RESOLVER ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    },
  }
}
