import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ApiError, type ProblemCode, type ProblemIssue, problem } from './errors.js'
import { redactorFor, scrub } from './scrub.js'

/** The error a route's validator returns: zod issues with their full paths. */
export class RequestValidationError extends Error {
  readonly statusCode = 400
  constructor(readonly issues: ProblemIssue[]) {
    super('request validation failed')
    this.name = 'RequestValidationError'
  }
}

type ZodLikeIssue = { path: readonly PropertyKey[] | string; message: string; code?: string; keys?: unknown }

function pathOf(path: ZodLikeIssue['path']): (string | number)[] {
  // The engine's ValidationError gives dotted strings ('facts.settings.port'); zod gives arrays.
  const parts = typeof path === 'string' ? (path === '' ? [] : path.split('.')) : path
  return parts.map((p) =>
    typeof p === 'number' ? p : typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : String(p),
  )
}

/** zod issues → `{ path, message }`; never the input value. */
export function toProblemIssues(
  issues: readonly ZodLikeIssue[],
  prefix: (string | number)[] = [],
): ProblemIssue[] {
  return issues.slice(0, 100).map((i) => {
    const path = [...prefix, ...pathOf(i.path)]
    // One unknown key: the path names the key itself (`facts.settings.to`), the message the key meant.
    if (i.code === 'unrecognized_keys' && Array.isArray(i.keys) && i.keys.length === 1)
      path.push(String(i.keys[0]))
    return { path, message: String(i.message) }
  })
}

function isZodLikeError(err: unknown): err is { issues: ZodLikeIssue[] } {
  if (typeof err !== 'object' || err === null) return false
  const issues = (err as { issues?: unknown }).issues
  return (
    Array.isArray(issues) &&
    issues.every(
      (i) =>
        typeof i === 'object' &&
        i !== null &&
        (Array.isArray(i.path) || typeof i.path === 'string') &&
        typeof i.message === 'string',
    )
  )
}

type Mapped = { code: ProblemCode; detail: string; errors?: ProblemIssue[] }

const BY_STATUS: Record<number, ProblemCode> = {
  404: 'SD_API_NOT_FOUND',
  408: 'SD_API_REQUEST_TIMEOUT',
  413: 'SD_API_BODY_TOO_LARGE',
  414: 'SD_API_URI_TOO_LONG',
  431: 'SD_API_HEADERS_TOO_LARGE',
  415: 'SD_API_UNSUPPORTED_MEDIA_TYPE',
  429: 'SD_API_RATE_LIMITED',
  503: 'SD_API_OVERLOADED',
}

/**
 * Maps any error to a registered problem. Details are fixed strings or our own messages: a
 * library's message can quote the input (a JSON SyntaxError quotes the body), which may hold a secret.
 */
export function mapError(err: FastifyError | Error): Mapped {
  if (err instanceof ApiError) {
    const out: Mapped = { code: err.code, detail: err.message }
    if (err.errors) out.errors = err.errors
    return out
  }
  if (err instanceof RequestValidationError) {
    const where = (err as { validationContext?: string }).validationContext ?? 'body'
    return {
      code: 'SD_API_VALIDATION',
      detail: `The ${where === 'querystring' ? 'query string' : where} does not match the schema; see errors.`,
      errors: err.issues,
    }
  }
  // The engine's ValidationError and a ZodError thrown inside a route both carry issues.
  if (err.name === 'ValidationError' || err.name === 'ZodError' || err.name === '$ZodError') {
    if (isZodLikeError(err)) {
      return {
        code: 'SD_API_VALIDATION',
        detail: 'The input is not valid; see errors.',
        errors: toProblemIssues(err.issues),
      }
    }
  }
  const fe = err as FastifyError
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'SD_API_MALFORMED_JSON', detail: 'The body could not be parsed as JSON.' }
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'SD_API_MALFORMED_JSON', detail: 'The body is empty; a JSON object is expected.' }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'SD_API_BODY_TOO_LARGE', detail: 'The body is larger than the server accepts.' }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        code: 'SD_API_UNSUPPORTED_MEDIA_TYPE',
        detail: 'Send the body as Content-Type: application/json.',
      }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'SD_API_BAD_REQUEST', detail: 'The body length does not match Content-Length.' }
  }
  // secure-json-parse rejects __proto__ / constructor.prototype keys with a SyntaxError.
  if (err instanceof SyntaxError)
    return { code: 'SD_API_MALFORMED_JSON', detail: 'The body could not be parsed as JSON.' }
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500
  if (status >= 400 && status < 500) {
    return { code: BY_STATUS[status] ?? 'SD_API_BAD_REQUEST', detail: 'The request could not be processed.' }
  }
  if (status === 503) return { code: 'SD_API_OVERLOADED', detail: 'The server is overloaded; retry later.' }
  return {
    code: 'SD_API_INTERNAL',
    detail: 'An unexpected error occurred; quote the request id when reporting it.',
  }
}

/** The path part of the request URL: the problem's `instance`. */
export function instanceOf(request: FastifyRequest): string {
  const url = request.url
  const q = url.indexOf('?')
  return (q === -1 ? url : url.slice(0, q)).slice(0, 2048)
}

/** Sends `code` as application/problem+json. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  detail: string,
  errors?: ProblemIssue[],
): FastifyReply {
  const body = problem(code, detail, instanceOf(request), String(request.id), errors)
  // Pre-serialised: a route's response schema must not apply to problems.
  return reply
    .code(body.status)
    .header('x-request-id', body.requestId)
    .type('application/problem+json; charset=utf-8')
    .send(JSON.stringify(body))
}

const SECRET_KEY = /password|token|secret/i

function secretsIn(value: unknown, out: string[], depth = 0): string[] {
  if (depth > 8 || value === null || typeof value !== 'object' || out.length > 20) return out
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && SECRET_KEY.test(k)) out.push(v)
    else secretsIn(v, out, depth + 1)
  }
  return out
}

/**
 * The error as it may be logged: message and stack with any secret from the request body
 * replaced (an error deep in a library can quote what it was given).
 */
function loggableError(err: Error, body: unknown): Record<string, unknown> {
  const redactor = redactorFor(secretsIn(body, []))
  const plain = { type: err.name, message: err.message, stack: err.stack, code: (err as FastifyError).code }
  return scrub(plain, redactor)
}

/** Fastify error handler: every error becomes a registered problem; 5xx are logged with the error. */
export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const mapped = mapError(err)
  if (mapped.code === 'SD_API_INTERNAL') {
    request.log.error({ err: loggableError(err, request.body) }, 'request failed')
  } else {
    request.log.info({ problem: mapped.code }, mapped.detail)
  }
  // A client that ran out of time mid-body is not kept on the connection.
  if (mapped.code === 'SD_API_REQUEST_TIMEOUT') reply.header('connection', 'close')
  if (mapped.code === 'SD_API_RATE_LIMITED' || mapped.code === 'SD_API_OVERLOADED') {
    if (!reply.hasHeader('retry-after')) reply.header('retry-after', '60')
  }
  return sendProblem(request, reply, mapped.code, mapped.detail, mapped.errors)
}
