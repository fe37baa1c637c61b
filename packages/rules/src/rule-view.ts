import type { Lang } from '@smtp-doctor/core'
import { type CompiledRule, type Finding, rules } from './engine.js'
import type { RuleOption } from './rule-schema.js'
import { fillCommands } from './templates.js'

/**
 * A rule in one language with its whole text (`GET /v1/rules/:id`, `smtp-doctor rules show --json`):
 * what a finding says, with every option, phrase and symptom the rule answers instead of the one option.
 */
export type RuleView = Omit<Finding, 'option'> & {
  options: RuleOption[]
  phrases: string[]
  symptoms: string[]
}

/** A rule in one language, as a list shows it (`GET /v1/rules`, `smtp-doctor rules list --json`). */
export type RuleSummary = Pick<
  RuleView,
  'id' | 'options' | 'severity' | 'codes' | 'phrases' | 'symptoms' | 'title' | 'symptom' | 'docs'
>

/** One rule in one language, whole. A fresh object: callers may keep or change it. */
export function ruleView(rule: CompiledRule, lang: Lang): RuleView {
  const m = rule.messages[lang]
  return {
    id: rule.id,
    options: [...rule.options],
    severity: rule.severity,
    codes: [...rule.codes],
    phrases: [...rule.phrases],
    symptoms: [...rule.symptoms],
    title: m.title,
    symptom: m.symptom,
    docs: rule.helpUrl[lang],
    cause: m.cause,
    steps: [...m.steps],
    // The templates with the contoso examples: a rule's page knows no one's input.
    commands: fillCommands(m.commands),
    warnings: [...m.warnings],
    sources: rule.sources.map((s) => ({ ...s })),
    related: [...rule.related],
  }
}

/** The list fields of a rule view. */
export function ruleSummary(v: RuleView): RuleSummary {
  const { id, options, severity, codes, phrases, symptoms, title, symptom, docs } = v
  return { id, options, severity, codes, phrases, symptoms, title, symptom, docs }
}

/** Rules about `option` (rules for `any` option included) that answer `code`; both filters optional. */
export function rulesMatching(
  filter: { option?: string | undefined; code?: string | undefined } = {},
): CompiledRule[] {
  return rules.filter(
    (r) =>
      (filter.option === undefined ||
        (r.options as string[]).includes(filter.option) ||
        r.options.includes('any')) &&
      (filter.code === undefined || r.codes.includes(filter.code)),
  )
}
