import type { Lang } from '@smtp-doctor/core'
import {
  type RuleSummary,
  type RuleView,
  ruleSummary,
  rules,
  rulesMatching,
  ruleView,
} from '@smtp-doctor/rules'

/**
 * Per-language views of the rule set, built once: the rules are immutable data, so list and
 * detail answers are lookups, not work per request.
 */
export class RuleCatalog {
  private readonly byLang = new Map<Lang, { list: RuleSummary[]; byId: Map<string, RuleView> }>()

  constructor() {
    for (const lang of ['cs', 'en'] as const) {
      const views = rules.map((r) => ruleView(r, lang))
      this.byLang.set(lang, { list: views.map(ruleSummary), byId: new Map(views.map((v) => [v.id, v])) })
    }
  }

  /** Number of rules. */
  get size(): number {
    return this.byLang.get('en')?.list.length ?? 0
  }

  /** Rules in `lang`, optionally only those about `option` (plus `any`) or answering `code`. */
  list(lang: Lang, filter: { option?: string | undefined; code?: string | undefined } = {}): RuleSummary[] {
    const all = this.byLang.get(lang)?.list ?? []
    if (filter.option === undefined && filter.code === undefined) return all
    const ids = new Set(rulesMatching(filter).map((r) => r.id))
    return all.filter((r) => ids.has(r.id))
  }

  /** One rule in `lang`, or undefined. */
  get(id: string, lang: Lang): RuleView | undefined {
    return this.byLang.get(lang)?.byId.get(id)
  }
}
