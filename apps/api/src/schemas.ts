import { DeviceSettingsStrict, Facts, Lang, Needs } from '@smtp-doctor/core'
import { z } from 'zod'

/*
 * Request and response schemas of the HTTP API. The fact schemas come from core as they are;
 * only the envelopes are defined here. OpenAPI is generated from these same objects.
 */

const lang = Lang.default('en').describe('Language of the findings: `cs` or `en` (default `en`).')

/** Longest `text` for `/v1/explain` (the body limit is 1 MiB anyway). */
export const MAX_TEXT = 1_000_000

/** POST /v1/diagnose */
export const DiagnoseBody = z
  .object({
    facts: Facts.describe('Device settings, tenant, what was observed, probe results — any subset.'),
    lang,
  })
  .strict()
  .meta({ id: 'DiagnoseRequest' })

/** POST /v1/explain */
export const ExplainBody = z
  .object({
    text: z
      .string()
      .max(MAX_TEXT)
      .describe('An SMTP reply, a transcript, a whole device log or an NDR (English or Czech).'),
    lang,
  })
  .strict()
  .meta({ id: 'ExplainRequest' })

/** POST /v1/classify */
export const ClassifyBody = z
  .object({
    settings: DeviceSettingsStrict.describe('What is typed into the device; `password` is a boolean here.'),
    lang,
  })
  .strict()
  .meta({ id: 'ClassifyRequest' })

/** POST /v1/advise */
export const AdviseBody = z.object({ needs: Needs, lang }).strict().meta({ id: 'AdviseRequest' })

/** Longest probe budget the API accepts. */
export const MAX_PROBE_TIMEOUT_MS = 60_000

/** POST /v1/probe */
export const ProbeBody = z
  .object({
    settings: DeviceSettingsStrict.describe(
      'The endpoint and the device settings; `password`/`accessToken` are the secrets themselves (never logged or echoed).',
    ),
    timeoutMs: z
      .number()
      .int()
      .min(100)
      .max(MAX_PROBE_TIMEOUT_MS)
      .optional()
      .describe('Budget for the whole probe in ms (default 15000).'),
    tlsMatrix: z
      .boolean()
      .optional()
      .describe(
        'Also test which of TLS 1.0–1.3 the endpoint accepts (one connection per version, in parallel, to the same allowed target); answered in `probe.tlsVersions`.',
      ),
    lang,
  })
  .strict()
  .meta({ id: 'ProbeRequest' })

/** `?lang=` */
export const LangQuery = z.object({ lang })

/** GET /v1/rules query. */
export const RulesQuery = z.object({
  lang,
  option: z
    .enum(['smtp-auth', 'direct-send', 'relay', 'any'])
    .optional()
    .describe('Only rules about this option (rules for `any` option are included).'),
  code: z
    .string()
    .regex(/^[245]\.\d{1,3}\.\d{1,3}$/, 'an enhanced status code like 5.7.60')
    .optional()
    .describe('Only rules answering this enhanced status code.'),
})

/** GET /v1/rules/:id params. */
export const RuleParams = z.object({ id: z.string().max(200) })

const Source = z
  .object({ title: z.string(), url: z.string(), section: z.string().optional(), date: z.string().optional() })
  .meta({ id: 'Source' })

/** One finding as the engine returns it (extra members the engine adds are passed through). */
export const FindingOut = z
  .object({
    id: z.string().describe('Stable rule id (also the docs slug).'),
    option: z.enum(['smtp-auth', 'direct-send', 'relay', 'any']),
    severity: z.enum(['error', 'warning', 'info']),
    codes: z.array(z.string()).describe('Enhanced status codes, e.g. `5.7.60`.'),
    title: z.string(),
    symptom: z.string().optional().describe('What the person sees.'),
    cause: z.string(),
    steps: z.array(z.string()).describe('What to do, in order (markdown).'),
    commands: z.array(z.string()).describe('PowerShell commands, copyable as they stand.'),
    warnings: z.array(z.string()).optional(),
    sources: z.array(Source),
    related: z.array(z.string()).optional().describe('Ids of related rules.'),
    docs: z.string().describe('Path of the rule’s page on the docs site, e.g. `/en/rules/<id>/`.'),
  })
  .loose()
  .meta({ id: 'Finding' })

/** `{ findings }` (diagnose, explain). */
export const FindingsOut = z
  .object({ findings: z.array(FindingOut) })
  .loose()
  .meta({ id: 'Findings' })

/** The settings as the engine classified them (the CLI's classify header is its `text`). */
export const SettingsDescriptionOut = z
  .object({
    option: z
      .enum(['smtp-auth', 'direct-send', 'relay', 'unknown'])
      .describe('The option the settings are for.'),
    host: z.string().describe('Server name as entered.'),
    port: z.number().int().describe('Port as entered.'),
    tls: z.enum(['none', 'starttls', 'implicit']).describe('TLS mode as entered.'),
    signIn: z
      .enum(['password', 'oauth', 'username-only', 'none'])
      .describe(
        'How the device signs in: password, OAuth (XOAUTH2), a username without a password, or not at all.',
      ),
    username: z.string().optional().describe('The sign-in name, when one is entered.'),
    text: z.string().describe('One line in the request language: option — host:port, TLS mode, sign-in.'),
  })
  .meta({ id: 'SettingsDescription' })

/** classify's answer. */
export const ClassifyOut = z
  .object({
    option: z.enum(['smtp-auth', 'direct-send', 'relay', 'unknown']),
    description: SettingsDescriptionOut,
    findings: z.array(FindingOut),
  })
  .loose()
  .meta({ id: 'Classification' })

/** advise's answer: ranked options with reasons and a settings card. */
export const AdviseOut = z
  .object({ options: z.array(z.looseObject({})) })
  .loose()
  .meta({ id: 'Advice' })

/** probe's answer: findings from diagnose, the probe facts, the redacted transcript and step timings. */
export const ProbeOut = z
  .object({
    findings: z.array(FindingOut),
    probe: z
      .looseObject({})
      .optional()
      .describe('`facts.probe` as measured (see the ProbeFacts schema in core).'),
    transcript: z.array(z.string()).describe('The SMTP conversation, secrets shown as `****`.'),
    steps: z.array(z.object({ stage: z.string(), ms: z.number(), ok: z.boolean() })),
  })
  .meta({ id: 'ProbeResult' })

/** A rule in the list. */
export const RuleSummaryOut = z
  .object({
    id: z.string(),
    options: z.array(z.string()),
    severity: z.enum(['error', 'warning', 'info']),
    codes: z.array(z.string()),
    phrases: z.array(z.string()),
    symptoms: z.array(z.string()),
    title: z.string(),
    symptom: z.string(),
    docs: z.string(),
  })
  .meta({ id: 'RuleSummary' })

/** GET /v1/rules */
export const RulesOut = z.object({ rules: z.array(RuleSummaryOut) }).meta({ id: 'RuleList' })

/** GET /v1/rules/:id */
export const RuleOut = RuleSummaryOut.extend({
  cause: z.string(),
  steps: z.array(z.string()),
  commands: z.array(z.string()),
  warnings: z.array(z.string()),
  sources: z.array(Source),
  related: z.array(z.string()),
}).meta({ id: 'Rule' })

/** GET /healthz */
export const HealthOut = z.object({ status: z.literal('ok'), rules: z.number().int() }).meta({ id: 'Health' })

/** The RFC 9457 problem document every 4xx/5xx carries. */
export const ProblemOut = z
  .object({
    type: z.string().describe('Stable problem type (a tag URI).'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string().describe('Stable code, e.g. `SD_API_VALIDATION`.'),
    requestId: z.string(),
    errors: z
      .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
      .optional()
      .describe('Validation issues: zod paths into the body or query.'),
  })
  .meta({ id: 'Problem' })
