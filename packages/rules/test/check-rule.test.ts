import { describe, expect, it } from 'vitest'
import { checkRule } from '../src/check-rule.js'
import { rules } from '../src/index.js'
import { RuleFile } from '../src/rule-schema.js'

const base = structuredClone(rules.find((r) => r.id === 'send-as-denied') ?? rules[0]!) as unknown as Record<
  string,
  unknown
>
delete base.helpUrl
const withWhen = (when: unknown) => RuleFile.parse({ ...base, when })

describe('rule checks beyond the schema', () => {
  it('every rule in the bundle passes', () => {
    for (const r of rules) expect(checkRule(r), r.id).toEqual([])
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
    )
    expect(problems).toHaveLength(8)
    expect(problems.join('\n')).toMatch(/unknown operator "containz"/)
    expect(problems.join('\n')).toMatch(/derived has no "hostKnd"/)
    expect(problems.join('\n')).toMatch(/derived.hostKind is never "mx"/)
    expect(problems.join('\n')).toMatch(/needs a list/)
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
      ),
    ).toEqual([])
  })

  it('the schema rejects a missing Czech string and an unknown phrase', () => {
    const noCs = { ...base, messages: { en: (base.messages as { en: unknown }).en } }
    expect(RuleFile.safeParse(noCs).success).toBe(false)
    expect(RuleFile.safeParse({ ...base, phrases: ['no-such-phrase'] }).success).toBe(false)
  })
})
