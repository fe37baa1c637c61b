/**
 * @smtp-doctor/api — the Fastify REST API over @smtp-doctor/core and @smtp-doctor/rules.
 * `buildApp` builds the app without listening (tests inject, `main` listens).
 */
export { type ApiOptions, BODY_LIMIT, buildApp, type RateLimitConfig, REDACT_PATHS } from './app.js'
export { configFromEnv, type ServerConfig } from './config.js'
export { ApiError, PROBLEMS, type Problem, type ProblemCode, type ProblemDefinition } from './errors.js'
export {
  type AllowEntry,
  allowListFromEnv,
  checkTarget,
  DEFAULT_PROBE_ALLOW,
  type DenyReason,
  type GuardLookup,
  isPublicAddress,
  ProbeTargetDenied,
  parseAllowList,
  parseHost,
} from './probe-guard.js'
