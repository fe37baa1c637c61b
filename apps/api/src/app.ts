import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import underPressure from '@fastify/under-pressure'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { safeParse } from 'zod/v4/core'
import { ApiError } from './errors.js'
import { resultBytes } from './findings-json.js'
import { decorateOpenApi } from './openapi-doc.js'
import { type AllowEntry, DEFAULT_PROBE_ALLOW, type GuardLookup, parseAllowList } from './probe-guard.js'
import { errorHandler, RequestValidationError, sendProblem, toProblemIssues } from './problem-handler.js'
import { registerRoutes } from './routes.js'
import { ClassifyOut, FindingsOut } from './schemas.js'

/** Largest request body (bytes). Bigger bodies get 413. */
export const BODY_LIMIT = 1024 * 1024

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
  rateLimit?: { probe?: RateLimitConfig; global?: RateLimitConfig | false }
  /** Logging: false = off; otherwise level (default info) and an optional destination stream (tests). */
  logger?: false | { level?: string; stream?: { write(msg: string): void } }
  /** Directory of the built docs site to serve at `/` (null or missing: not served). */
  siteDir?: string | null
  /** Load shedding (@fastify/under-pressure); false turns it off. */
  underPressure?: false | { maxEventLoopDelayMs?: number; maxHeapUsedBytes?: number; maxRssBytes?: number }
  /** Trust X-Forwarded-For (behind a reverse proxy) for the client address used by rate limits. */
  trustProxy?: boolean
  /** DNS servers (`ip[:port]`) `/v1/dns` asks, and nothing else (default: the system's resolvers). */
  dnsResolver?: readonly string[]
}

/** Resolved configuration the routes read. */
export type ApiContext = {
  allow: AllowEntry[]
  probeLookup: GuardLookup | undefined
  probeCa: string | string[] | undefined
  probeTimeoutMs: number
  maxConcurrentProbes: number
  probeRateLimit: RateLimitConfig
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
 * Builds the Fastify app: routes, OpenAPI, problem+json errors, the probe guard, rate limits,
 * load shedding, helmet and (when built) the docs site. Not listening; call `listen` or `inject`.
 */
export async function buildApp(options: ApiOptions = {}): Promise<FastifyInstance> {
  // Configuration errors surface before anything is started.
  const allow = [
    ...(options.probeAllowDefaults === false ? [] : parseAllowList(DEFAULT_PROBE_ALLOW, false)),
    ...parseAllowList(options.probeAllow ?? [], true),
  ]
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    trustProxy: options.trustProxy ?? false,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
    // Router-level failures (bad URL encoding, over-long params) go through the same problem mapping.
    frameworkErrors: (err, request, reply) => errorHandler(err, request, reply),
  })
  // Only JSON bodies: anything else is 415, not a string handed to the schema.
  app.removeContentTypeParser(['text/plain'])

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

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP },
    crossOriginEmbedderPolicy: false,
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

  const ctx: ApiContext = {
    allow,
    probeLookup: options.probeLookup,
    probeCa: options.probeCa,
    probeTimeoutMs: options.probeTimeoutMs ?? 15_000,
    maxConcurrentProbes: options.maxConcurrentProbes ?? 16,
    probeRateLimit: options.rateLimit?.probe ?? { max: 10, timeWindowMs: 60_000 },
    dnsResolver: options.dnsResolver?.length ? [...options.dnsResolver] : undefined,
  }
  await app.register(async (scope) => registerRoutes(scope, ctx))

  if (siteDir) {
    await app.register(fastifyStatic, { root: siteDir, prefix: '/', wildcard: true, index: ['index.html'] })
  }
  return app
}
