import { DEFAULT_PROBE_TIMEOUT_MS, DeviceSettingsInput, Facts, Lang, Needs } from '@smtp-doctor/core'
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
    settings: DeviceSettingsInput.describe('What is typed into the device; `password` is a boolean here.'),
    lang,
  })
  .strict()
  .meta({ id: 'ClassifyRequest' })

/** POST /v1/advise */
export const AdviseBody = z
  .object({ needs: Needs.describe('What the device and its owner need; leave out what is not known.'), lang })
  .strict()
  .meta({ id: 'AdviseRequest' })

/** Longest probe budget the API accepts. */
export const MAX_PROBE_TIMEOUT_MS = 60_000

/** POST /v1/probe */
export const ProbeBody = z
  .object({
    settings: DeviceSettingsInput.describe(
      'The endpoint and the device settings; `password`/`accessToken` are the secrets themselves (never logged or echoed).',
    ),
    timeoutMs: z
      .number()
      .int()
      .min(100)
      .max(MAX_PROBE_TIMEOUT_MS)
      .optional()
      .describe(
        `Budget for the whole probe in ms (default ${DEFAULT_PROBE_TIMEOUT_MS}, as the CLI's --timeout).`,
      ),
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
  .object({
    title: z.string().describe('Title of the Microsoft article (or other source).'),
    url: z.string().describe('Its address.'),
    section: z.string().optional().describe('The section the rule comes from.'),
    date: z.string().optional().describe('When the source was published or last checked (YYYY-MM-DD).'),
  })
  .meta({ id: 'Source' })

const OPTION = z.enum(['smtp-auth', 'direct-send', 'relay', 'any'])
const SEVERITY = z
  .enum(['error', 'warning', 'info'])
  .describe('`error`: this stops mail; `warning`: a risk or likely cause; `info`: worth knowing.')

/** One finding as the engine returns it (extra members the engine adds are passed through). */
export const FindingOut = z
  .object({
    id: z.string().describe('Stable rule id (also the docs slug).'),
    option: OPTION.describe('The sending option the finding is about (`any`: whatever the option).'),
    severity: SEVERITY,
    codes: z.array(z.string()).describe('Enhanced status codes, e.g. `5.7.60`.'),
    title: z.string().describe('What is wrong, in one line.'),
    symptom: z.string().optional().describe('What the person sees.'),
    cause: z.string().describe('Why it happens (markdown).'),
    steps: z.array(z.string()).describe('What to do, in order (markdown).'),
    commands: z
      .array(z.string())
      .describe(
        'PowerShell commands, filled in from the input where it names the mailbox, address, IP or domain.',
      ),
    warnings: z.array(z.string()).optional().describe('Risks of the fix.'),
    sources: z.array(Source).describe('Where the rule comes from, with dates.'),
    related: z.array(z.string()).optional().describe('Ids of related rules.'),
    docs: z.string().describe('Path of the rule’s page on the docs site, e.g. `/en/rules/<id>/`.'),
    match: z
      .literal('code')
      .optional()
      .describe(
        'Present when the finding answers only a bare enhanced code that several findings share (no readable reply text): its `symptom` says what its whole reply looks like, which tells it from the others.',
      ),
  })
  .loose()
  .meta({ id: 'Finding' })

const findings = z
  .array(FindingOut)
  .describe('Findings, most relevant first (empty: nothing known is wrong).')

/** `{ findings }` (diagnose, explain). */
export const FindingsOut = z.object({ findings }).loose().meta({ id: 'Findings' })

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
    option: z
      .enum(['smtp-auth', 'direct-send', 'relay', 'unknown'])
      .describe('The option the settings are for; `unknown` when they mix them.'),
    description: SettingsDescriptionOut.describe('The settings, described from what the engine classified.'),
    findings,
  })
  .loose()
  .meta({ id: 'Classification' })

/** advise's answer: ranked options with reasons and a settings card. */
export const AdviseOut = z
  .object({
    options: z
      .array(z.looseObject({}))
      .describe(
        'Every option, best first, each with its reasons for and against and the settings card to type in.',
      ),
  })
  .loose()
  .meta({ id: 'Advice' })

/** probe's answer: findings from diagnose, the probe facts, the redacted transcript and step timings. */
export const ProbeOut = z
  .object({
    findings,
    probe: z
      .looseObject({})
      .optional()
      .describe('`facts.probe` as measured (see the ProbeFacts schema in core).'),
    transcript: z.array(z.string()).describe('The SMTP conversation, secrets shown as `****`.'),
    steps: z
      .array(
        z.object({
          stage: z
            .string()
            .describe('The step: dns, tcp, banner, ehlo, starttls, tls, ehlo-tls, auth, mail, rcpt.'),
          ms: z.number().describe('How long it took, milliseconds.'),
          ok: z.boolean().describe('It succeeded.'),
        }),
      )
      .describe('Each step in order, with its timing.'),
  })
  .meta({ id: 'ProbeResult' })

/** A rule in the list. */
export const RuleSummaryOut = z
  .object({
    id: z.string().describe('Stable rule id (also the docs slug).'),
    options: z.array(z.string()).describe('The sending options the rule is about.'),
    severity: SEVERITY,
    codes: z.array(z.string()).describe('Enhanced status codes the rule answers.'),
    phrases: z.array(z.string()).describe('Phrase ids (reply texts) the rule answers.'),
    symptoms: z.array(z.string()).describe('Symptom ids the rule answers.'),
    title: z.string().describe('What is wrong, in one line.'),
    symptom: z.string().describe('What the person sees.'),
    docs: z.string().describe('Path of the rule’s page on the docs site.'),
  })
  .meta({ id: 'RuleSummary' })

/** GET /v1/rules */
export const RulesOut = z
  .object({ rules: z.array(RuleSummaryOut).describe('The rules, in id order.') })
  .meta({ id: 'RuleList' })

/** GET /v1/rules/:id */
export const RuleOut = RuleSummaryOut.extend({
  cause: z.string().describe('Why it happens (markdown).'),
  steps: z.array(z.string()).describe('What to do, in order (markdown).'),
  commands: z
    .array(z.string())
    .describe('PowerShell commands with the contoso example values (a diagnosis fills in the input’s own).'),
  warnings: z.array(z.string()).describe('Risks of the fix.'),
  sources: z.array(Source).describe('Where the rule comes from, with dates.'),
  related: z.array(z.string()).describe('Ids of related rules.'),
}).meta({ id: 'Rule' })

/** GET /healthz */
export const HealthOut = z
  .object({
    status: z.literal('ok').describe('Always `ok` when the server answers.'),
    rules: z.number().int().describe('Number of rules loaded.'),
  })
  .meta({ id: 'Health' })

/** The RFC 9457 problem document every 4xx/5xx carries. */
export const ProblemOut = z
  .object({
    type: z.string().describe('Stable problem type (a tag URI).'),
    title: z.string().describe('Short summary of the problem type.'),
    status: z.number().int().describe('The HTTP status code.'),
    detail: z.string().describe('What went wrong with this request.'),
    instance: z.string().describe('The request path.'),
    code: z.string().describe('Stable code, e.g. `SD_API_VALIDATION`.'),
    requestId: z.string().describe('The request id the logs carry; quote it when reporting a problem.'),
    errors: z
      .array(
        z.object({
          path: z.array(z.union([z.string(), z.number()])).describe('Where in the body or query, as a path.'),
          message: z.string().describe('What is wrong there.'),
        }),
      )
      .optional()
      .describe('Validation issues: zod paths into the body or query.'),
  })
  .meta({ id: 'Problem' })
