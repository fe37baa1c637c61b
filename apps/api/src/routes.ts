import { type DeviceSettings, type Facts, tokenClaimsOf, withSettingsDefaults } from '@smtp-doctor/core'
import { probe, tlsMatrix } from '@smtp-doctor/core/probe'
import { advise, classify, diagnose, diagnoseValidated } from '@smtp-doctor/rules'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { ApiContext } from './app.js'
import { ApiError } from './errors.js'
import { type CheckedTarget, checkTarget, ProbeTargetDenied } from './probe-guard.js'
import { registerDnsRoutes } from './routes-dns.js'
import { RuleCatalog } from './rule-views.js'
import {
  AdviseBody,
  AdviseOut,
  ClassifyBody,
  ClassifyOut,
  DiagnoseBody,
  ExplainBody,
  FindingsOut,
  HealthOut,
  LangQuery,
  ProbeBody,
  ProbeOut,
  ProblemOut,
  RuleOut,
  RuleParams,
  RulesOut,
  RulesQuery,
} from './schemas.js'
import { redactorFor, scrub } from './scrub.js'

const problems = { '4xx': ProblemOut, '5xx': ProblemOut }

/** What the engine may see of the device settings: whether secrets were given, never the secrets. */
function withoutSecrets(settings: DeviceSettings): DeviceSettings {
  const { password, accessToken: _token, ...rest } = settings
  const out: DeviceSettings = { ...rest }
  if (password !== undefined) out.password = typeof password === 'string' ? password.length > 0 : password
  return out
}

/** Registers every /v1 route, /healthz and /openapi.json. */
export async function registerRoutes(scope: FastifyInstance, ctx: ApiContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>()
  const catalog = new RuleCatalog()

  app.get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: { tags: ['meta'], summary: 'Liveness', response: { 200: HealthOut } },
    },
    async () => ({ status: 'ok' as const, rules: catalog.size }),
  )

  app.get(
    '/openapi.json',
    { schema: { hide: true }, config: { rateLimit: false } },
    async (_request, reply) => reply.type('application/json; charset=utf-8').send(scope.swagger()),
  )

  app.post(
    '/v1/diagnose',
    {
      schema: {
        tags: ['engine'],
        summary: 'Diagnose from facts',
        description:
          'Findings for device settings, tenant facts, observed error text/symptoms and probe results.',
        body: DiagnoseBody,
        response: { 200: FindingsOut, ...problems },
      },
    },
    async (request) => {
      const { facts, lang } = request.body
      // The body schema embeds core's `Facts`, so the facts are validated once, here, not again in the engine.
      return diagnoseValidated(facts, { lang })
    },
  )

  app.post(
    '/v1/explain',
    {
      schema: {
        tags: ['engine'],
        summary: 'Explain error text',
        description: 'Findings for an SMTP reply, a transcript, a device log or an NDR.',
        body: ExplainBody,
        response: { 200: FindingsOut, ...problems },
      },
    },
    async (request) => {
      const { text, lang } = request.body
      // Big texts are analysed in a worker thread, so other requests keep their latency.
      return ctx.explain(text, lang)
    },
  )

  app.post(
    '/v1/classify',
    {
      schema: {
        tags: ['engine'],
        summary: 'Classify device settings',
        description: 'Which option (SMTP AUTH, Direct Send, relay) the settings are for, or what mixes them.',
        body: ClassifyBody,
        response: { 200: ClassifyOut, ...problems },
      },
    },
    async (request) => {
      const { lang } = request.body
      // Left-out port and TLS mode mean what they mean for the CLI's flags (one rule, in core).
      const settings = withSettingsDefaults(request.body.settings)
      return classify(withoutSecrets(settings), { lang })
    },
  )

  app.post(
    '/v1/advise',
    {
      schema: {
        tags: ['engine'],
        summary: 'Advise an option',
        description:
          'The options ranked for what the device and its owner need, with reasons and a settings card.',
        body: AdviseBody,
        response: { 200: AdviseOut, ...problems },
      },
    },
    async (request) => {
      const { needs, lang } = request.body
      return advise(needs, { lang })
    },
  )

  app.post(
    '/v1/probe',
    {
      config: { rateLimit: { max: ctx.probeRateLimit.max, timeWindow: ctx.probeRateLimit.timeWindowMs } },
      schema: {
        tags: ['probe'],
        summary: 'Probe an endpoint, then diagnose',
        description:
          'Connects to an allowed endpoint (Microsoft 365 by default; `SMTP_DOCTOR_PROBE_ALLOW` adds `host[:port]`), ' +
          'runs DNS, TCP, banner, EHLO, STARTTLS/TLS, AUTH, MAIL FROM and RCPT TO (no DATA), and diagnoses the result. ' +
          'Refused targets get 403 `SD_API_PROBE_TARGET_DENIED`. Rate-limited per client.',
        body: ProbeBody,
        response: { 200: ProbeOut, ...problems },
      },
    },
    async (request, reply) => {
      const { timeoutMs, lang, tlsMatrix: withMatrix } = request.body
      const settings = withSettingsDefaults(request.body.settings)
      const budget = timeoutMs ?? ctx.probeTimeoutMs
      let target: CheckedTarget
      try {
        target = await checkTarget(settings.host, settings.port, {
          allow: ctx.allow,
          ...(ctx.probeLookup ? { lookup: ctx.probeLookup } : {}),
          timeoutMs: Math.min(budget, 5_000),
        })
      } catch (err) {
        if (err instanceof ProbeTargetDenied) {
          request.log.warn({ deny: err.reason }, 'probe target refused')
          throw new ApiError('SD_API_PROBE_TARGET_DENIED', `${err.message} (${err.reason}).`)
        }
        throw err
      }
      if (!ctx.probeSlots.tryTake()) {
        throw new ApiError('SD_API_OVERLOADED', 'Too many probes are running; retry later.')
      }
      const abort = new AbortController()
      const onClose = () => {
        if (!reply.raw.writableEnded) abort.abort()
      }
      reply.raw.once('close', onClose)
      try {
        request.log.info({ target: `${target.host}:${target.port}`, addresses: target.addresses }, 'probe')
        // The TLS matrix dials the same checked target through the guard's lookup, in parallel.
        const matrix = withMatrix
          ? tlsMatrix({
              host: target.host,
              port: target.port,
              tls: settings.tls,
              timeoutMs: budget,
              lookup: target.lookup,
            })
          : undefined
        const result = await probe({
          ...settings,
          host: target.host,
          timeoutMs: budget,
          lookup: target.lookup,
          signal: abort.signal,
          ...(ctx.probeCa ? { ca: ctx.probeCa } : {}),
        })
        if (matrix) result.facts.probe = { ...result.facts.probe, tlsVersions: await matrix }
        const token = tokenClaimsOf(settings.accessToken)
        const facts: Facts = {
          ...result.facts,
          settings: withoutSecrets(settings),
          ...(token ? { token } : {}),
        }
        const { findings } = await diagnose(facts, { lang })
        const redactor = redactorFor([settings.password, settings.accessToken], settings.username)
        return scrub(
          { findings, probe: result.facts.probe, transcript: result.transcript, steps: result.steps },
          redactor,
        )
      } finally {
        ctx.probeSlots.release()
        reply.raw.off('close', onClose)
      }
    },
  )

  app.get(
    '/v1/rules',
    {
      schema: {
        tags: ['rules'],
        summary: 'List rules',
        description: 'Every rule in one language; filter by `option` or enhanced status `code`.',
        querystring: RulesQuery,
        response: { 200: RulesOut, ...problems },
      },
    },
    async (request) => {
      const { lang, option, code } = request.query
      return { rules: catalog.list(lang, { option, code }) }
    },
  )

  app.get(
    '/v1/rules/:id',
    {
      schema: {
        tags: ['rules'],
        summary: 'One rule',
        description: 'A rule’s whole text in one language, its sources, related rules and docs path.',
        params: RuleParams,
        querystring: LangQuery,
        response: { 200: RuleOut, ...problems },
      },
    },
    async (request) => {
      const rule = catalog.get(request.params.id, request.query.lang)
      if (!rule) throw new ApiError('SD_API_RULE_NOT_FOUND', 'No rule has this id; GET /v1/rules lists them.')
      return rule
    },
  )

  await registerDnsRoutes(scope, ctx)
}
