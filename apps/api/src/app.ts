import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import underPressure from '@fastify/under-pressure'
import { explain } from '@smtp-doctor/rules'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import helmet from 'helmet'
import { safeParse } from 'zod/v4/core'
import { clientErrorHandler } from './client-error.js'
import { ApiError } from './errors.js'
import { ExplainPool } from './explain-pool.js'
import { resultBytes } from './findings-json.js'
import { decorateOpenApi } from './openapi-doc.js'
import { type AllowEntry, DEFAULT_PROBE_ALLOW, type GuardLookup, parseAllowList } from './probe-guard.js'
import {
  errorHandler,
  instanceOf,
  RequestValidationError,
  sendProblem,
  toProblemIssues,
} from './problem-handler.js'
import { registerRoutes } from './routes.js'
import { ClassifyOut, FindingsOut } from './schemas.js'
import { registerSiteRoot } from './site-root.js'

/** Largest request body (bytes) by default. Bigger bodies get 413. */
export const BODY_LIMIT = 1024 * 1024

/** Default timeouts (ms): idle socket, whole request (headers and body), reading the body. */
export const TIMEOUTS = { connectionMs: 60_000, requestMs: 30_000, bodyMs: 10_000 } as const

/** Longest path segment (a rule id, …); longer ones get 414. */
export const MAX_SEGMENT = 200

/** Rate limit of one route family: `max` requests per client per `timeWindowMs`. */
export type RateLimitConfig = { max: number; timeWindowMs: number }

/** Everything `buildApp` can be told; every field has a safe default. */
export type ApiOptions = {
  /**
   * Extra probe targets (`host[:port]`, `*.suffix`), on top of the Microsoft 365 endpoints.
   * Exact entries here may reach loopback/private addresses (tests, the demo simulator).
   */
  probeAllow?: readonly string[]
  /** Keep the Microsoft 365 endpoints on the allow-list (default true). */
  probeAllowDefaults?: boolean
  /** Resolver for the probe guard (default: the system's getaddrinfo). Tests inject one. */
  probeLookup?: GuardLookup
  /** Extra CA certificates the probe trusts (PEM), e.g. the simulator's. */
  probeCa?: string | string[]
  /** Probe budget when the body gives none (ms, default 15000). */
  probeTimeoutMs?: number
  /** Probes running at once before new ones get 503 (default 16). */
  maxConcurrentProbes?: number
  /** Per-client limits: `probe` (default 10/min) and all routes (`global`, default 600/min; false: off). */
  rateLimit?: { probe?: RateLimitConfig | false; global?: RateLimitConfig | false }
  /** Logging: false = off; otherwise level (default info) and an optional destination stream (tests). */
  logger?: false | { level?: string; stream?: { write(msg: string): void } }
  /** Directory of the built docs site to serve at `/` (null or missing: not served). */
  siteDir?: string | null
  /** Load shedding (@fastify/under-pressure); false turns it off. */
  underPressure?: false | { maxEventLoopDelayMs?: number; maxHeapUsedBytes?: number; maxRssBytes?: number }
  /**
   * Behind reverse proxies: how many hops to trust (1 = the proxy that connects to us appends the
   * client's address), or the proxies' addresses/CIDRs. Never "trust everything": the leftmost
   * X-Forwarded-For entry is whatever the client wrote. Default: off (the socket's address).
   */
  trustProxy?: false | number | readonly string[]
  /** Largest body in bytes (default 1 MiB). */
  bodyLimit?: number
  /** Timeouts in ms; 0 turns one off (defaults: TIMEOUTS). */
  timeouts?: { connectionMs?: number; requestMs?: number; bodyMs?: number }
  /** Origins allowed to call the API from a browser (CORS); none by default. `*`: any origin. */
  corsOrigins?: readonly string[]
  /** Big explain texts go to worker threads (default on; `size` workers). */
  explainPool?: false | { size?: number }
  /** DNS servers (`ip[:port]`) `/v1/dns` asks, and nothing else (default: the system's resolvers). */
  dnsResolver?: readonly string[]
}

/** A counter of slots: `tryTake()` is false when all are in use; each taken slot is released once. */
export type ProbeSlots = { tryTake(): boolean; release(): void }

function probeSlots(max: number): ProbeSlots {
  let used = 0
  return {
    tryTake: () => {
      if (used >= max) return false
      used++
      return true
    },
    release: () => {
      used--
    },
  }
}

/** Resolved configuration the routes read. */
export type ApiContext = {
  allow: AllowEntry[]
  probeLookup: GuardLookup | undefined
  probeCa: string | string[] | undefined
  probeTimeoutMs: number
  /** One count of the outbound checks running (`/v1/probe` and `/v1/dns` share `maxConcurrentProbes`). */
  probeSlots: ProbeSlots
  probeRateLimit: RateLimitConfig
  /** Explain, off the event loop for big texts. */
  explain: (text: string, lang: 'cs' | 'en') => ReturnType<ExplainPool['explain']>
  /** The only DNS servers `/v1/dns` queries (undefined: the system's). */
  dnsResolver: string[] | undefined
}

/** Log paths that may hold a secret; pino replaces them before anything is written. */
export const REDACT_PATHS = [
  'password',
  'accessToken',
  '*.password',
  '*.accessToken',
  '*.*.password',
  '*.*.accessToken',
  '*.*.*.password',
  '*.*.*.accessToken',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
]

function loggerOptions(logger: ApiOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === false) return false
  const out: Record<string, unknown> = {
    level: logger?.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  }
  if (logger?.stream) out.stream = logger.stream
  return out as FastifyServerOptions['logger']
}

const CSP = {
  defaultSrc: ["'self'"],
  // The docs site (Astro/Starlight) has small inline scripts and Pagefind runs WebAssembly.
  scriptSrc: ["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
}

/**
 * helmet's security headers, worked out once. (@fastify/helmet builds the middleware and parses
 * the CSP again on every request: a tenth of a small request's server time.)
 */
function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {}
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value)
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()]
    },
  }
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP },
    crossOriginEmbedderPolicy: false,
  })
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err
  })
  return headers
}

type OpenApiDoc = ReturnType<typeof jsonSchemaTransformObject>

/** Error answers are documented under their real media type, application/problem+json. */
function problemContentTypes(doc: OpenApiDoc): OpenApiDoc {
  const paths = (doc as { paths?: Record<string, Record<string, { responses?: Record<string, unknown> }>> })
    .paths
  for (const item of Object.values(paths ?? {})) {
    for (const op of Object.values(item)) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const r = response as { description?: string; content?: Record<string, unknown> }
        if (!/^[45]/.test(status) || !r.content?.['application/json']) continue
        r.content = { 'application/problem+json': r.content['application/json'] }
        r.description = status.startsWith('4')
          ? 'Client error (RFC 9457 problem)'
          : 'Server error (RFC 9457 problem)'
      }
    }
  }
  return doc
}

/**
 * X-Forwarded-For is read from the right: a hop count trusts that many proxies in front of us (the
 * first is the socket's peer), an address list trusts exactly those proxies. The entry left of the
 * last trusted hop is the client; anything further left is whatever the client wrote. (Fastify's
 * own number form trusts no hop at all, so the count is given as a function.)
 */
function trustSetting(
  trust: false | number | readonly string[],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false || trust === 0) return false
  if (typeof trust === 'number') return (_address, hop) => hop < trust
  return [...trust]
}

/**
 * Builds the Fastify app: routes, OpenAPI, problem+json errors, the probe guard, rate limits,
 * load shedding, helmet and (when built) the docs site. Not listening; call `listen` or `inject`.
 */
export async function buildApp(options: ApiOptions = {}): Promise<FastifyInstance> {
  // Configuration errors surface before anything is started.
  const allow = [
    ...(options.probeAllowDefaults === false ? [] : parseAllowList(DEFAULT_PROBE_ALLOW, false)),
    ...parseAllowList(options.probeAllow ?? [], true),
  ]
  const timeouts = { ...TIMEOUTS, ...options.timeouts }
  const trustProxy = options.trustProxy ?? false
  if ((trustProxy as unknown) === true)
    throw new Error('trustProxy: give a hop count or proxy addresses, not true')
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: options.bodyLimit ?? BODY_LIMIT,
    genReqId: () => randomUUID(),
    trustProxy: trustSetting(trustProxy),
    connectionTimeout: timeouts.connectionMs,
    requestTimeout: timeouts.requestMs,
    clientErrorHandler,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_SEGMENT },
    return503OnClosing: true,
    // Router-level failures (bad URL encoding, over-long params) go through the same problem mapping.
    frameworkErrors: (err, request, reply) => errorHandler(err, request, reply),
  })
  // Only JSON bodies: anything else is 415, not a string handed to the schema.
  app.removeContentTypeParser(['text/plain'])
  // Headers get no longer than the whole request (Node's own default is 60 s); Node checks those
  // deadlines on an interval read when listening (30 s by default, longer than short timeouts).
  const server = app.server as typeof app.server & { connectionsCheckingInterval: number }
  if (timeouts.requestMs > 0) server.headersTimeout = Math.min(timeouts.requestMs, 60_000)
  server.connectionsCheckingInterval = Math.max(
    50,
    Math.min(30_000, Math.floor((timeouts.requestMs || 30_000) / 4)),
  )

  // A client that trickles its body is cut off after bodyMs, whatever requestTimeout allows.
  if (timeouts.bodyMs > 0) {
    app.addHook('preParsing', async (request, reply, payload) => {
      // Only requests that carry a body are read; the others have nothing to wait for.
      const headers = request.headers
      if (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined)
        return payload
      const timer = setTimeout(() => {
        // An error on the body stream ends the read with a 408 (Connection: close); destroying the
        // stream would take the socket down before any answer. Nothing to do once it was read.
        if (payload.readableEnded || reply.sent || payload.listenerCount('error') === 0) return
        payload.emit('error', new ApiError('SD_API_REQUEST_TIMEOUT', 'The body did not arrive in time.'))
      }, timeouts.bodyMs)
      timer.unref()
      const done = (): void => clearTimeout(timer)
      payload.once('end', done)
      payload.once('close', done)
      payload.once('error', done)
      return payload
    })
  }

  const cors = new Set(options.corsOrigins ?? [])
  if (cors.size > 0) {
    app.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin
      if (!origin || !(cors.has('*') || cors.has(origin))) return
      reply.header('access-control-allow-origin', cors.has('*') ? '*' : origin)
      reply.header('vary', 'Origin')
      reply.header('access-control-expose-headers', 'x-request-id, retry-after')
      if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
        reply.header('access-control-allow-methods', 'GET, POST')
        reply.header('access-control-allow-headers', 'content-type')
        reply.header('access-control-max-age', '600')
        return reply.code(204).send()
      }
    })
  }

  // zod validation that keeps each issue's full path (the stock one flattens it into a string).
  app.setValidatorCompiler(({ schema }) => (data) => {
    const result = safeParse(schema as Parameters<typeof safeParse>[0], data)
    if (result.success) return { value: result.data }
    return { error: new RequestValidationError(toProblemIssues(result.error.issues)) }
  })
  // Handlers build their answers from typed engine results; re-validating them through zod on the
  // way out costs time on every request and guards nothing. The schemas still generate OpenAPI.
  app.setSerializerCompiler(({ schema }) =>
    schema === FindingsOut || schema === ClassifyOut
      ? (data) => resultBytes(data as Parameters<typeof resultBytes>[0]) as unknown as string
      : (data) => JSON.stringify(data),
  )
  app.setErrorHandler(errorHandler)

  const siteDir = options.siteDir && existsSync(options.siteDir) ? path.resolve(options.siteDir) : null
  // Read on first use: the site may be rebuilt while the server runs.
  let notFoundHtml: string | null = null
  const sitePage404 = (): string | null => {
    if (notFoundHtml === null && siteDir) {
      try {
        notFoundHtml = readFileSync(path.join(siteDir, '404.html'), 'utf8')
      } catch {
        return null
      }
    }
    return notFoundHtml
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url
    const api = url.startsWith('/v1') || url.startsWith('/openapi') || url.startsWith('/healthz')
    const browser = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html')
    const page = !api && browser ? sitePage404() : null
    if (page !== null) return reply.code(404).type('text/html; charset=utf-8').send(page)
    // The router does not match a segment longer than its limit; say so instead of 404.
    if (
      instanceOf(request)
        .split('/')
        .some((segment) => segment.length > MAX_SEGMENT)
    ) {
      return sendProblem(
        request,
        reply,
        'SD_API_URI_TOO_LONG',
        `A path segment is longer than ${MAX_SEGMENT} characters.`,
      )
    }
    return sendProblem(
      request,
      reply,
      'SD_API_NOT_FOUND',
      `There is no ${request.method} route or page at this path.`,
    )
  })

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', String(request.id))
    return payload
  })

  const security = securityHeaders()
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(security)
    done()
  })

  const pressure = options.underPressure
  if (pressure !== false) {
    await app.register(underPressure, {
      maxEventLoopDelay: pressure?.maxEventLoopDelayMs ?? 1000,
      maxHeapUsedBytes: pressure?.maxHeapUsedBytes ?? 0,
      maxRssBytes: pressure?.maxRssBytes ?? 0,
      retryAfter: 10,
      pressureHandler: (request, reply) => {
        reply.header('retry-after', '10')
        sendProblem(request, reply, 'SD_API_OVERLOADED', 'The server is overloaded; retry later.')
      },
    })
  }

  const globalLimit = options.rateLimit?.global ?? { max: 600, timeWindowMs: 60_000 }
  await app.register(rateLimit, {
    global: globalLimit !== false,
    ...(globalLimit !== false ? { max: globalLimit.max, timeWindow: globalLimit.timeWindowMs } : {}),
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        'SD_API_RATE_LIMITED',
        `Rate limit of ${context.max} requests per ${context.after} reached.`,
      ),
  })

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'smtp-doctor API',
        version: '1',
        description:
          'Finds out why a printer, scanner or app cannot send mail through Microsoft 365, and says what to change. ' +
          'Every 4xx/5xx answer is application/problem+json (RFC 9457) with a stable `type` and `code`.',
      },
      tags: [
        { name: 'engine', description: 'Diagnose from facts, error text, settings or needs' },
        { name: 'probe', description: 'Probe an allowed endpoint, then diagnose' },
        { name: 'rules', description: 'The rule set' },
        { name: 'meta', description: 'Health and API description' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => decorateOpenApi(problemContentTypes(jsonSchemaTransformObject(input))),
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { validatorUrl: null, deepLinking: true },
    staticCSP: false,
  })

  const pool = options.explainPool === false ? null : new ExplainPool(options.explainPool?.size)
  if (pool) app.addHook('onClose', async () => pool.close())
  const ctx: ApiContext = {
    allow,
    probeLookup: options.probeLookup,
    probeCa: options.probeCa,
    probeTimeoutMs: options.probeTimeoutMs ?? 15_000,
    probeSlots: probeSlots(options.maxConcurrentProbes ?? 16),
    // Off (false) is an unreachable maximum: the routes always read a number.
    probeRateLimit:
      options.rateLimit?.probe === false
        ? { max: Number.MAX_SAFE_INTEGER, timeWindowMs: 60_000 }
        : (options.rateLimit?.probe ?? { max: 10, timeWindowMs: 60_000 }),
    explain: pool ? (text, lang) => pool.explain(text, lang) : (text, lang) => explain(text, { lang }),
    dnsResolver: options.dnsResolver?.length ? [...options.dnsResolver] : undefined,
  }
  await app.register(async (scope) => registerRoutes(scope, ctx))

  if (siteDir) {
    registerSiteRoot(app)
    await app.register(fastifyStatic, { root: siteDir, prefix: '/', wildcard: true, index: ['index.html'] })
  }
  return app
}
