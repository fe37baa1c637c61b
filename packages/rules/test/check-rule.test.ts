import { describe, expect, it } from 'vitest'
import { bundle } from '../src/bundle.js'
import { checkRule, ruleSetContext } from '../src/check-rule.js'
import { rules } from '../src/index.js'
import { RuleFile } from '../src/rule-schema.js'

const base = structuredClone(rules.find((r) => r.id === 'send-as-denied') ?? rules[0]!) as unknown as Record<
  string,
  unknown
>
delete base.helpUrl
const withWhen = (when: unknown) => RuleFile.parse({ ...base, when })
const ctx = ruleSetContext(bundle.catalogue)

describe('rule checks beyond the schema', () => {
  it('every rule in the bundle passes', () => {
    for (const r of rules) expect(checkRule(r, ctx), r.id).toEqual([])
  })

  it('rejects unknown operators, derived keys, derived values and fact paths', () => {
    const problems = checkRule(
      withWhen({
        all: [
          { fact: 'derived', path: '$.codes', operator: 'containz', value: '5.7.60' },
          { fact: 'derived', path: '$.hostKnd', operator: 'equal', value: 'mx-endpoint' },
          { fact: 'derived', path: '$.hostKind', operator: 'equal', value: 'mx' },
          { fact: 'derived', path: '$.phrases', operator: 'contains', value: 'send-as-deny' },
          { fact: 'derived', path: '$.codes', operator: 'contains', value: '5.7' },
          { fact: 'settings', path: '$.hostname', operator: 'equal', value: 'x' },
          { fact: 'tenant', path: '$.mailbox.sendAs', operator: 'equal', value: true },
          { fact: 'derived', path: '$.hostKind', operator: 'in', value: 'smtp-auth' },
        ],
      }),
      ctx,
    )
    expect(problems).toHaveLength(8)
    expect(problems.join('\n')).toMatch(/unknown operator "containz"/)
    expect(problems.join('\n')).toMatch(/derived has no "hostKnd"/)
    expect(problems.join('\n')).toMatch(/derived.hostKind is never "mx"/)
    expect(problems.join('\n')).toMatch(/needs a list/)
    expect(problems.join('\n')).toMatch(/"send-as-deny" is not a phrase id defined in some rule's recognise/)
  })

  it('accepts decorated and custom operators, nested schema paths and array lengths', () => {
    expect(
      checkRule(
        withWhen({
          any: [
            { fact: 'derived', path: '$.codes', operator: 'not:contains', value: '5.7.60' },
            { fact: 'derived', path: '$.codes', operator: 'containsAny', value: ['5.7.606', '5.7.607'] },
            { fact: 'probe', path: '$.tlsVersions.TLSv1', operator: 'equal', value: true },
            { fact: 'probe', path: '$.rcpt.0.reply.code', operator: 'equal', value: 550 },
            { fact: 'derived', path: '$.failures.length', operator: 'equal', value: 0 },
            { fact: 'tenant', path: '$.mailbox.smtpAuthDisabled', operator: 'equal', value: null },
          ],
        }),
        ctx,
      ),
    ).toEqual([])
  })

  it('the schema rejects a missing Czech string; the rule-set check an unknown phrase or provider', () => {
    const noCs = { ...base, messages: { en: (base.messages as { en: unknown }).en } }
    expect(RuleFile.safeParse(noCs).success).toBe(false)
    expect(RuleFile.safeParse({ ...base, phrases: ['Not Kebab'] }).success).toBe(false)
    const unknown = RuleFile.parse({ ...base, phrases: ['no-such-phrase'], providers: ['no-such-provider'] })
    expect(checkRule(unknown, ctx)).toEqual([
      'phrases[0]: phrase "no-such-phrase" is not defined in any rule\'s recognise',
      'providers[0]: provider "no-such-provider" has no providerSignatures in any rule',
    ])
  })

  it('the schema rejects matcher lists in unknown languages and failure kinds core does not know', () => {
    expect(RuleFile.safeParse({ ...base, recognise: { x: { de: ['etwas'] } } }).success).toBe(false)
    expect(RuleFile.safeParse({ ...base, recognise: { x: {} } }).success).toBe(false)
    expect(RuleFile.safeParse({ ...base, failures: { hiccup: { en: ['hic'] } } }).success).toBe(false)
    expect(
      RuleFile.safeParse({ ...base, tlsFailures: { 'name-mismatch': { en: ['x does not match'] } } }).success,
    ).toBe(true)
  })
})
