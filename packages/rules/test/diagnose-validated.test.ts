import { Facts } from '@smtp-doctor/core'
import { describe, expect, it } from 'vitest'
import { diagnose, diagnoseValidated, rules, ValidationError } from '../src/index.js'

describe('diagnoseValidated', () => {
  it('gives the same findings as diagnose for every rule example with facts', () => {
    let compared = 0
    for (const rule of rules) {
      for (const example of [...rule.examples.match, ...rule.examples.noMatch]) {
        if (!('facts' in example)) continue
        const facts = Facts.parse(example.facts)
        for (const lang of ['cs', 'en'] as const) {
          expect(diagnoseValidated(facts, { lang })).toEqual(diagnose(example.facts as Facts, { lang }))
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(20)
  })

  it('still rejects an unknown lang with a ValidationError on lang', () => {
    let error: unknown
    try {
      diagnoseValidated({}, { lang: 'de' as never })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).issues[0]!.path).toBe('lang')
  })

  it('leaves diagnose validating its input', () => {
    expect(() => diagnose({ settings: { host: '', port: 70000, tls: 'ssl' } } as never)).toThrow(
      ValidationError,
    )
  })
})
