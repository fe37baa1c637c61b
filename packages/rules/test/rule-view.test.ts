import { describe, expect, it } from 'vitest'
import { helpUrl, ruleSummary, rules, rulesMatching, ruleView } from '../src/index.js'

describe('rule views', () => {
  it('show every rule whole in both languages, with its article', () => {
    for (const rule of rules)
      for (const lang of ['cs', 'en'] as const) {
        const v = ruleView(rule, lang)
        expect(v.title).toBe(rule.messages[lang].title)
        expect(v.steps.length).toBeGreaterThan(0)
        expect(v.docs).toBe(helpUrl(rule.id, lang))
        expect(ruleSummary(v)).toEqual({
          id: v.id,
          options: v.options,
          severity: v.severity,
          codes: v.codes,
          phrases: v.phrases,
          symptoms: v.symptoms,
          title: v.title,
          symptom: v.symptom,
          docs: v.docs,
        })
      }
  })

  it('are copies: changing one leaves the rule set alone', () => {
    const v = ruleView(rules[0]!, 'en')
    v.steps.push('x')
    expect(rules[0]!.messages.en.steps).not.toContain('x')
  })

  it('filter by option (rules for any option included) and by code', () => {
    const relay = rulesMatching({ option: 'relay' })
    expect(relay.length).toBeGreaterThan(0)
    for (const r of relay) expect(r.options.some((o) => o === 'relay' || o === 'any')).toBe(true)
    expect(rulesMatching({ code: '5.7.60' }).map((r) => r.id)).toContain('send-as-denied')
    expect(rulesMatching({ code: '9.9.9' })).toEqual([])
    expect(rulesMatching()).toHaveLength(rules.length)
  })
})
