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

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** A non-negative integer setting, or its default when unset; anything else is an error. */
function count(env: NodeJS.ProcessEnv, name: string, fallback: number, max = 1e9): number {
  const value = env[name]
  if (value === undefined || value.trim() === '') return fallback
  if (!/^\d+$/.test(value.trim()) || Number(value) > max) {
    throw new Error(`${name} must be a whole number from 0 to ${max}, got "${value}"`)
  }
  return Number(value)
}

const IP_OR_CIDR = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)(?:\/\d{1,3})?$/
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/**
 * `TRUST_PROXY`: a hop count (`1`: one proxy in front, which appends the client's address), or a
 * comma-separated list of proxy addresses/CIDRs (`loopback`, `linklocal`, `uniquelocal` too).
 * `true` is refused: trusting every hop lets a client pick its own address with X-Forwarded-For.
 */
export function trustProxyFrom(value: string | undefined): false | number | string[] {
  const v = (value ?? '').trim()
  if (v === '' || v === '0' || v === 'false') return false
  if (/^\d+$/.test(v)) {
    const n = Number(v)
    if (n > 16) throw new Error(`TRUST_PROXY must be a hop count up to 16 or proxy addresses, got "${value}"`)
    return n
  }
  if (v === 'true' || v === '*') {
    throw new Error(
      'TRUST_PROXY=true would trust every X-Forwarded-For entry (a client could pick its own address): give the number of proxies in front (e.g. 1) or their addresses',
    )
  }
  const entries = list(v)
  for (const e of entries) {
    if (!IP_OR_CIDR.test(e) && !PROXY_NAMES.has(e)) {
      throw new Error(`TRUST_PROXY: "${e}" is not an IP address, a CIDR or loopback/linklocal/uniquelocal`)
    }
  }
  return entries
}

/** A per-minute limit from the environment; 0 turns it off. */
function perMinute(env: NodeJS.ProcessEnv, name: string, fallback: number) {
  const max = count(env, name, fallback)
  return max === 0 ? false : { max, timeWindowMs: 60_000 }
}

/** `SMTP_DOCTOR_CORS_ORIGINS`: `*` or origins such as `https://portal.example.com`. */
function corsOrigins(value: string | undefined): string[] {
  const entries = list(value)
  for (const e of entries) {
    if (e !== '*' && !/^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$/.test(e)) {
      throw new Error(`SMTP_DOCTOR_CORS_ORIGINS: "${e}" is not an origin like https://portal.example.com`)
    }
  }
  return entries
}

/**
 * Reads `PORT` (default 8080), `HOST` (default 127.0.0.1), `SMTP_DOCTOR_PROBE_ALLOW`
 * (comma-separated `host[:port]`), `SMTP_DOCTOR_SITE_DIR` (default: the built docs site,
 * `apps/docs/dist`, when it exists), `LOG_LEVEL`, `TRUST_PROXY` (see `trustProxyFrom`),
 * `SMTP_DOCTOR_RESOLVER` (comma-separated `ip[:port]`: the only DNS servers `/v1/dns` asks),
 * `SMTP_DOCTOR_RATE_LIMIT` / `SMTP_DOCTOR_PROBE_RATE_LIMIT` (requests per minute per client, all
 * routes / probes; `0` = off), `SMTP_DOCTOR_BODY_LIMIT` (bytes), `SMTP_DOCTOR_REQUEST_TIMEOUT_MS`,
 * `SMTP_DOCTOR_BODY_TIMEOUT_MS`, `SMTP_DOCTOR_CONNECTION_TIMEOUT_MS` (`0` = off) and
 * `SMTP_DOCTOR_CORS_ORIGINS` (comma-separated origins allowed from browsers; none by default).
 * A bad value throws with the variable's name.
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
      trustProxy: trustProxyFrom(env.TRUST_PROXY),
      rateLimit: {
        global: perMinute(env, 'SMTP_DOCTOR_RATE_LIMIT', 600),
        probe: perMinute(env, 'SMTP_DOCTOR_PROBE_RATE_LIMIT', 10),
      },
      bodyLimit: count(env, 'SMTP_DOCTOR_BODY_LIMIT', 1024 * 1024, 64 * 1024 * 1024) || 1024 * 1024,
      timeouts: {
        requestMs: count(env, 'SMTP_DOCTOR_REQUEST_TIMEOUT_MS', 30_000),
        bodyMs: count(env, 'SMTP_DOCTOR_BODY_TIMEOUT_MS', 10_000),
        connectionMs: count(env, 'SMTP_DOCTOR_CONNECTION_TIMEOUT_MS', 60_000),
      },
      corsOrigins: corsOrigins(env.SMTP_DOCTOR_CORS_ORIGINS),
      dnsResolver: (env.SMTP_DOCTOR_RESOLVER ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    },
  }
}
