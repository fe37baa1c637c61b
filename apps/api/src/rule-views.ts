import type { Lang } from '@smtp-doctor/core'
import { helpUrl, rules } from '@smtp-doctor/rules'

type CompiledRule = (typeof rules)[number]

/** A rule in one language, as GET /v1/rules lists it. */
export type RuleSummary = {
  id: string
  options: string[]
  severity: 'error' | 'warning' | 'info'
  codes: string[]
  phrases: string[]
  symptoms: string[]
  title: string
  symptom: string
  docs: string
}

/** A rule in one language with its whole text, as GET /v1/rules/:id answers. */
export type RuleView = RuleSummary & {
  cause: string
  steps: string[]
  commands: string[]
  warnings: string[]
  sources: { title: string; url: string; section?: string; date?: string }[]
  related: string[]
}

function view(rule: CompiledRule, lang: Lang): RuleView {
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
    docs: helpUrl(rule.id, lang),
    cause: m.cause,
    steps: [...m.steps],
    commands: [...(m.commands ?? [])],
    warnings: [...(m.warnings ?? [])],
    sources: rule.sources.map((s) => ({ ...s })),
    related: [...(rule.related ?? [])],
  }
}

function summary(v: RuleView): RuleSummary {
  const { id, options, severity, codes, phrases, symptoms, title, symptom, docs } = v
  return { id, options, severity, codes, phrases, symptoms, title, symptom, docs }
}

/**
 * Per-language views of the rule set, built once: the rules are immutable data, so list and
 * detail answers are lookups, not work per request.
 */
export class RuleCatalog {
  private readonly byLang = new Map<Lang, { list: RuleSummary[]; byId: Map<string, RuleView> }>()

  constructor(source: readonly CompiledRule[] = rules) {
    for (const lang of ['cs', 'en'] as const) {
      const views = source.map((r) => view(r, lang))
      this.byLang.set(lang, { list: views.map(summary), byId: new Map(views.map((v) => [v.id, v])) })
    }
  }

  /** Number of rules. */
  get size(): number {
    return this.byLang.get('en')?.list.length ?? 0
  }

  /** Rules in `lang`, optionally only those about `option` (plus `any`) or answering `code`. */
  list(lang: Lang, filter: { option?: string | undefined; code?: string | undefined } = {}): RuleSummary[] {
    const all = this.byLang.get(lang)?.list ?? []
    return all.filter(
      (r) =>
        (filter.option === undefined || r.options.includes(filter.option) || r.options.includes('any')) &&
        (filter.code === undefined || r.codes.includes(filter.code)),
    )
  }

  /** One rule in `lang`, or undefined. */
  get(id: string, lang: Lang): RuleView | undefined {
    return this.byLang.get(lang)?.byId.get(id)
  }
}
