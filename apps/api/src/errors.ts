/**
 * The API's one error registry. Every 4xx/5xx answer is an RFC 9457 problem document whose
 * `type` and `code` come from here; both are stable, integrators switch on them.
 */

/** One registered problem type. */
export type ProblemDefinition = {
  /** Fastify-style code, e.g. `SD_API_VALIDATION`. Also sent as the `code` member. */
  code: string
  /** RFC 9457 `type`: a tag URI (RFC 4151), stable, not meant to be dereferenced. */
  type: string
  /** Short, human-readable summary; the same for every occurrence. */
  title: string
  /** HTTP status. */
  status: number
}

const TYPE_PREFIX = 'tag:smtp-doctor,2026:problem/'

function define(code: string, slug: string, title: string, status: number): ProblemDefinition {
  return { code, type: `${TYPE_PREFIX}${slug}`, title, status }
}

/** Every problem the API answers with. Keys are the codes. */
export const PROBLEMS = {
  SD_API_VALIDATION: define('SD_API_VALIDATION', 'validation', 'The request does not match the schema', 400),
  SD_API_MALFORMED_JSON: define('SD_API_MALFORMED_JSON', 'malformed-json', 'The body is not valid JSON', 400),
  SD_API_BAD_REQUEST: define('SD_API_BAD_REQUEST', 'bad-request', 'Bad request', 400),
  SD_API_PROBE_TARGET_DENIED: define(
    'SD_API_PROBE_TARGET_DENIED',
    'probe-target-denied',
    'The probe may not connect to this target',
    403,
  ),
  SD_API_NOT_FOUND: define('SD_API_NOT_FOUND', 'not-found', 'No such resource', 404),
  SD_API_RULE_NOT_FOUND: define('SD_API_RULE_NOT_FOUND', 'rule-not-found', 'No rule has this id', 404),
  SD_API_REQUEST_TIMEOUT: define(
    'SD_API_REQUEST_TIMEOUT',
    'request-timeout',
    'The request took too long',
    408,
  ),
  SD_API_URI_TOO_LONG: define(
    'SD_API_URI_TOO_LONG',
    'uri-too-long',
    'The URI or a path segment is too long',
    414,
  ),
  SD_API_BODY_TOO_LARGE: define('SD_API_BODY_TOO_LARGE', 'body-too-large', 'The body is too large', 413),
  SD_API_HEADERS_TOO_LARGE: define(
    'SD_API_HEADERS_TOO_LARGE',
    'headers-too-large',
    'The request headers are too large',
    431,
  ),
  SD_API_UNSUPPORTED_MEDIA_TYPE: define(
    'SD_API_UNSUPPORTED_MEDIA_TYPE',
    'unsupported-media-type',
    'The body must be application/json',
    415,
  ),
  SD_API_RATE_LIMITED: define('SD_API_RATE_LIMITED', 'rate-limited', 'Too many requests', 429),
  SD_API_INTERNAL: define('SD_API_INTERNAL', 'internal', 'Internal server error', 500),
  SD_API_OVERLOADED: define('SD_API_OVERLOADED', 'overloaded', 'The server is overloaded, retry later', 503),
} as const satisfies Record<string, ProblemDefinition>

/** A registered problem code. */
export type ProblemCode = keyof typeof PROBLEMS

/** One validation issue: where (zod path) and what is wrong. Never carries the input value. */
export type ProblemIssue = { path: (string | number)[]; message: string }

/** The RFC 9457 problem document the API sends. */
export type Problem = {
  type: string
  title: string
  status: number
  detail: string
  instance: string
  code: ProblemCode
  /** Request id, the same as `reqId` in the logs. */
  requestId: string
  errors?: ProblemIssue[]
}

/** An error that knows which problem it is; thrown by routes, turned into problem+json by the error handler. */
export class ApiError extends Error {
  readonly code: ProblemCode
  readonly statusCode: number
  readonly errors: ProblemIssue[] | undefined

  constructor(code: ProblemCode, detail: string, errors?: ProblemIssue[]) {
    super(detail)
    this.name = 'ApiError'
    this.code = code
    this.statusCode = PROBLEMS[code].status
    this.errors = errors
  }
}

/** Builds the problem document for `code`. */
export function problem(
  code: ProblemCode,
  detail: string,
  instance: string,
  requestId: string,
  errors?: ProblemIssue[],
): Problem {
  const def = PROBLEMS[code]
  const out: Problem = {
    type: def.type,
    title: def.title,
    status: def.status,
    detail,
    instance,
    code,
    requestId,
  }
  if (errors) out.errors = errors
  return out
}
