import { FAILURE_KINDS, Facts, ProbeErrorCode, Symptom, TLS_FAILURE_KINDS } from '@smtp-doctor/core'
import { z } from 'zod'

/** A rule id: its folder name and URL slug, kebab-case, stable and never reused. */
export const RuleId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case id')

/** Where a finding applies; `any` for rules that hold whatever the option. */
export const RuleOption = z.enum(['smtp-auth', 'direct-send', 'relay', 'any'])
export type RuleOption = z.infer<typeof RuleOption>

export const Severity = z.enum(['error', 'warning', 'info'])
export type Severity = z.infer<typeof Severity>

const EnhancedCode = z
  .string()
  .regex(/^[245]\.\d{1,3}\.\d{1,3}$/, 'RFC 3463 enhanced status code like 5.7.60')
/** A phrase id: defined in exactly one rule's `recognise`, listed by any (the build checks both). */
const PhraseId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case phrase id')
/** A provider id (`microsoft-365`, `unknown`, or one some rule's `providerSignatures` defines). */
const ProviderId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case provider id')
/**
 * Matchers per language: `en`, `cs`, or `any` for language-neutral tokens (ETIMEDOUT, host
 * names). A matcher is a literal (case-, diacritics- and whitespace-run-insensitive) or
 * `re: <pattern>` in the linear-time subset (see README.md "Matchers"); the build compiles them.
 */
const MatcherLists = z
  .object({
    en: z.array(z.string().min(1)).min(1),
    cs: z.array(z.string().min(1)).min(1),
    any: z.array(z.string().min(1)).min(1),
  })
  .partial()
  .strict()
  .refine((m) => Object.keys(m).length > 0, 'at least one of en, cs, any')
const BasicCode = z.number().int().min(200).max(599)
const text = z.string().trim().min(1)

/** One locale's text. Steps and warnings are markdown; commands are PowerShell, one per entry. */
export const RuleMessages = z
  .object({
    /** Short, specific title, e.g. "The account may not send as this address". */
    title: text.max(120),
    /** What the person sees. */
    symptom: text,
    /** Why it happens. */
    cause: text,
    /** What to do, in order (markdown). */
    steps: z.array(text).min(1),
    /** PowerShell commands, copyable as they stand. */
    commands: z.array(text).default([]),
    /** Warnings (risks of the fix). */
    warnings: z.array(text).default([]),
  })
  .strict()
export type RuleMessages = z.infer<typeof RuleMessages>

/** The article and section a rule comes from, or Microsoft's page for newer behaviour, with a date. */
export const RuleSource = z
  .object({
    title: text,
    url: z.url(),
    section: text.optional(),
    /** When the source was published or last checked (YYYY-MM-DD). */
    date: z.iso.date(),
  })
  .strict()
export type RuleSource = z.infer<typeof RuleSource>

/** json-rules-engine's condition shape. Facts: settings, tenant, observed, probe, derived. */
const FactName = z.enum(['settings', 'tenant', 'observed', 'probe', 'token', 'derived'])
export const LeafCondition = z
  .object({
    fact: FactName,
    path: z
      .string()
      .regex(/^\$(\.[A-Za-z0-9_-]+)*$/, 'a plain dotted path like $.host')
      .optional(),
    operator: z.string().min(1),
    value: z.unknown(),
  })
  .strict()
export type LeafCondition = z.infer<typeof LeafCondition>
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition }
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    LeafCondition,
    z.object({ all: z.array(Condition).min(1) }).strict(),
    z.object({ any: z.array(Condition).min(1) }).strict(),
    z.object({ not: Condition }).strict(),
  ]),
)
export const TopCondition = z.union([
  z.object({ all: z.array(Condition).min(1) }).strict(),
  z.object({ any: z.array(Condition).min(1) }).strict(),
  z.object({ not: Condition }).strict(),
])

/** A rule example: error text for `explain`, or facts for `diagnose`. */
export const RuleExample = z.union([
  z.object({ text: z.string().min(1), note: z.string().optional() }).strict(),
  z.object({ facts: Facts, note: z.string().optional() }).strict(),
])
export type RuleExample = z.infer<typeof RuleExample>

/** One rule file (`src/rules/<id>/rule.yaml`), as written. */
export const RuleFile = z
  .object({
    id: RuleId,
    /** Which configuration option(s) the rule is about. */
    options: z.array(RuleOption).min(1),
    severity: Severity,
    /** Tie-break for relevance: higher comes first among equally relevant findings. */
    priority: z.number().int().min(0).max(100).default(50),
    /** Enhanced status codes this rule answers (exact). The bundle adds the codes of `codeRanges`. */
    codes: z.array(EnhancedCode).default([]),
    /** Inclusive ranges of enhanced codes answered, same class.subject: `5.7.606-5.7.649`. */
    codeRanges: z.array(z.string()).default([]),
    /** Basic reply codes (535, 550 …) the rule answers. */
    basicCodes: z.array(BasicCode).default([]),
    /** Whose replies the rule applies to; absent = `microsoft-365` and `unknown`. */
    providers: z.array(ProviderId).min(1).optional(),
    /** Phrase ids this rule defines → matchers per language (each id defined in one rule only). */
    recognise: z.record(PhraseId, MatcherLists).default({}),
    /** Connection-failure vocabulary this folder contributes, by core's failure kind. */
    failures: z.partialRecord(z.enum(FAILURE_KINDS), MatcherLists).default({}),
    /** TLS / certificate failure vocabulary this folder contributes, by core's TLS failure kind. */
    tlsFailures: z.partialRecord(z.enum(TLS_FAILURE_KINDS), MatcherLists).default({}),
    /** Signatures that reveal whose server replied (`google: { any: [gsmtp] }`). */
    providerSignatures: z.record(ProviderId, MatcherLists).default({}),
    /** Phrase ids this rule answers (defined here or in another rule's `recognise`). */
    phrases: z.array(PhraseId).default([]),
    /** Symptoms this rule answers. */
    symptoms: z.array(Symptom).default([]),
    /** Items of the source article's outline this rule covers (coverage cross-check only). */
    outline: z.array(z.string().regex(/^[OABCEDRX]\d+$/)).default([]),
    /** When the rule fires: json-rules-engine conditions. */
    when: TopCondition,
    messages: z.object({ cs: RuleMessages, en: RuleMessages }).strict(),
    sources: z.array(RuleSource).min(1),
    related: z.array(RuleId).default([]),
    examples: z.object({ match: z.array(RuleExample).min(1), noMatch: z.array(RuleExample).min(1) }).strict(),
  })
  .strict()
export type RuleFile = z.infer<typeof RuleFile>

/** Values rules may compare against, re-exported for authoring checks. */
export const KNOWN_VALUES = {
  failureKinds: FAILURE_KINDS,
  tlsFailureKinds: TLS_FAILURE_KINDS,
  probeErrorCodes: ProbeErrorCode.options,
}
