/**
 * @smtp-doctor/rules — the rule set (cs + en) and the engine: diagnose, explain, classify, advise.
 * Browser-safe: nothing here imports a Node-only module.
 */
import {
  createByteDecoder,
  createTextParser,
  type DeviceSettings,
  DeviceSettingsStrict,
  Facts,
  Lang,
  Needs,
} from '@smtp-doctor/core'
import { type AdvisedOption, rankOptions } from './advise.js'
import { type ClassifiedOption, catalogue } from './derived.js'
import { describeSettings, type SettingsDescription } from './describe-settings.js'
import { type Finding, run } from './engine.js'
import { ValidationError, validate } from './errors.js'

export type { AdvisedOption, AdviseOptionId, AdviseReason, SettingsCard } from './advise.js'
export { mxEndpointFor } from './advise.js'
export { CODE_ONLY_TEXT, codeOnlyNote } from './code-only.js'
export {
  type Analysis,
  analyze,
  CLASSIFIED_OPTIONS,
  type ClassifiedOption,
  catalogue,
  DERIVED_VALUES,
  type DerivedFacts,
  derive,
  HOST_KINDS,
  type HostKind,
  hostKindOf,
} from './derived.js'
export {
  describeSettings,
  SETTINGS_TEXT,
  type SettingsDescription,
  type SignIn,
  signInOf,
} from './describe-settings.js'
export { type CompiledRule, type Finding, rules } from './engine.js'
export { ValidationError, type ValidationIssue } from './errors.js'
export { helpUrl } from './help-url.js'
export type {
  Condition,
  RuleExample,
  RuleFile,
  RuleMessages,
  RuleOption,
  RuleSource,
  Severity,
} from './rule-schema.js'
export { type RuleSummary, type RuleView, ruleSummary, rulesMatching, ruleView } from './rule-view.js'
export {
  EXCHANGE_ONLINE_CONNECT,
  fillCommand,
  fillCommands,
  PLACEHOLDERS,
  type PlaceholderName,
  type TemplateValues,
  templateValues,
  unknownPlaceholders,
} from './templates.js'

/** Options every entry point takes. */
export type EngineOptions = { lang?: Lang }
/** What diagnose and explain answer. */
export type DiagnoseResult = { findings: Finding[] }
/** What classify answers: the option, the settings described from what the engine derived, and the findings. */
export type ClassifyResult = {
  option: ClassifiedOption
  description: SettingsDescription
  findings: Finding[]
}
/** What advise answers: every option, best first. */
export type AdviseResult = { options: AdvisedOption[] }

function langOf(opts: EngineOptions | undefined): Lang {
  const v = opts?.lang
  return v === undefined ? 'en' : validate(Lang, v, 'lang')
}

/**
 * Findings for everything known — settings, tenant, observed text and symptoms, probe results —
 * most relevant first: the rule answering the reply that ended the session, then other replies
 * (later first), then settings/tenant/probe findings, by severity and priority.
 * @throws ValidationError when the facts or lang are invalid.
 * @example diagnose({ observed: { errorText: '550 5.7.60 …' } }, { lang: 'en' }).findings[0].id
 */
export function diagnose(facts: Facts, opts?: EngineOptions): DiagnoseResult {
  const lang = langOf(opts)
  const valid = validate(Facts, facts)
  return { findings: run(valid, lang).findings }
}

/**
 * `diagnose` for facts that already came out of core's `Facts` schema (`Facts.parse`, or a
 * schema that embeds it, as the API's request body does): the same findings, without parsing
 * the facts a second time. Anything else — facts from a user, a file or a probe — goes through
 * `diagnose`, which validates them; unvalidated facts here may give wrong findings or throw.
 * @throws ValidationError when lang is invalid.
 * @example diagnoseValidated(Facts.parse(body.facts), { lang: 'cs' }).findings
 */
export function diagnoseValidated(facts: Facts, opts?: EngineOptions): DiagnoseResult {
  return { findings: run(facts, langOf(opts)).findings }
}

/** Size of the slices explain feeds the streaming parser (keeps memory flat for huge logs). */
const CHUNK = 64 * 1024

/**
 * A streaming explain: push chunks of a log (strings, or bytes in UTF-8, UTF-16 or a Czech code page —
 * picked from the first bytes), then `end()` for the findings.
 */
export type Explainer = { push(chunk: string | Uint8Array): void; end(): DiagnoseResult }

/**
 * A streaming explain for logs too large to hold: memory stays bounded whatever is pushed.
 * @throws ValidationError when lang is invalid.
 */
export function createExplainer(opts?: EngineOptions): Explainer {
  const lang = langOf(opts)
  const parser = createTextParser(catalogue)
  // Bytes in the log's own encoding: UTF-8, UTF-16 (Windows PowerShell '>', Notepad "Unicode") or a
  // Czech code page, picked from the first bytes.
  const decoder = createByteDecoder()
  return {
    push(chunk) {
      if (typeof chunk === 'string') parser.push(chunk)
      else if (chunk instanceof Uint8Array) parser.push(decoder.push(chunk))
    },
    end() {
      parser.push(decoder.end())
      const parsed = parser.end()
      return { findings: run({ observed: {} }, lang, { parsed }).findings }
    },
  }
}

/**
 * Findings for a reply, a transcript, a whole device log or an NDR (English or Czech). Never
 * throws for a string, whatever it holds; large text streams through the parser in slices.
 * @throws ValidationError when text is not a string or lang is invalid.
 * @example explain('535 5.7.139 Authentication unsuccessful, the user credentials were incorrect', { lang: 'cs' })
 */
export function explain(text: string, opts?: EngineOptions): DiagnoseResult {
  if (typeof text !== 'string') throw new ValidationError([{ path: 'text', message: 'Expected a string' }])
  const ex = createExplainer(opts)
  for (let i = 0; i < text.length; i += CHUNK) ex.push(text.slice(i, i + CHUNK))
  return ex.end()
}

/**
 * Which option the device's settings are for, and what is wrong with them (the rules that fire
 * on the settings alone: MX host with credentials, smtp.office365.com without them, an IP in
 * place of the MX host, legacy hosts, port 465, TLS off, from ≠ username, external recipients
 * on direct send…).
 * @throws ValidationError when the settings or lang are invalid.
 */
export function classify(settings: DeviceSettings, opts?: EngineOptions): ClassifyResult {
  const lang = langOf(opts)
  const valid = validate(DeviceSettingsStrict, settings)
  const { findings, analysis } = run({ settings: valid }, lang, { settingsOnly: true })
  return {
    option: analysis.derived.option,
    description: describeSettings(valid, analysis.derived, lang),
    findings,
  }
}

/**
 * The sending options ranked for what the device and its owner need, each with reasons for and
 * against and the exact settings card to type in (SMTP AUTH with OAuth or a password, High Volume
 * Email, SMTP relay, direct send). Unknown needs are left out, never assumed false.
 * @throws ValidationError when the needs or lang are invalid.
 */
export function advise(needs: Needs, opts?: EngineOptions): AdviseResult {
  const lang = langOf(opts)
  const valid = validate(Needs, needs)
  return { options: rankOptions(valid, lang) }
}
