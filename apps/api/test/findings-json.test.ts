import { diagnose, explain } from '@smtp-doctor/rules'
import { describe, expect, it } from 'vitest'
import { findingJson, resultBytes, resultJson } from '../src/findings-json.js'

describe('findings JSON', () => {
  it('is exactly JSON.stringify of the engine answer, first time and memoised', () => {
    for (const lang of ['cs', 'en'] as const) {
      const a = explain('550 5.7.60 SMTP; Client does not have permissions to send as this sender', { lang })
      expect(a.findings.length).toBeGreaterThan(0)
      expect(resultJson(a)).toBe(JSON.stringify(a))
      expect(resultJson(a)).toBe(JSON.stringify(a))
      const d = diagnose({ settings: { host: '10.0.0.5', port: 465, tls: 'none', password: true } }, { lang })
      expect(resultJson(d)).toBe(JSON.stringify(d))
      expect(resultBytes(a).toString('utf8')).toBe(JSON.stringify(a))
      expect(resultBytes(d).toString('utf8')).toBe(JSON.stringify(d))
    }
  })

  it('notices a finding that differs from the memoised one with the same id', () => {
    const base = { id: 'x-rule', option: 'any', docs: '/en/rules/x-rule/', steps: ['a'], title: 'T' }
    expect(findingJson(base)).toBe(JSON.stringify(base))
    const changed = { ...base, steps: ['a', 'b'] }
    expect(findingJson(changed)).toBe(JSON.stringify(changed))
    const extra = { ...base, matched: '550 5.7.60' }
    expect(findingJson(extra)).toBe(JSON.stringify(extra))
    const reordered = { title: 'T', id: 'x-rule', option: 'any', docs: '/en/rules/x-rule/', steps: ['a'] }
    expect(findingJson(reordered)).toBe(JSON.stringify(reordered))
  })

  it('keeps other members of the answer', () => {
    const r = {
      option: 'relay',
      findings: [{ id: 'y', docs: '/cs/rules/y/' }],
      extra: { n: 1 },
      skip: undefined,
    }
    expect(resultJson(r)).toBe(JSON.stringify(r))
    expect(resultBytes(r).toString('utf8')).toBe(JSON.stringify(r))
    const empty = { findings: [] }
    expect(resultBytes(empty).toString('utf8')).toBe(JSON.stringify(empty))
  })
})
