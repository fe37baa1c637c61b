import { describe, expect, it } from 'vitest'
import { rules } from '../src/index.js'
import { idsFor, label } from './helpers.js'

// One describe per rule, so a failure names the rule and the example.
describe.each(rules.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  it.each(rule.examples.match.map((ex, i) => [i + 1, label(ex), ex] as const))(
    'match #%i fires: %s',
    (_i, _label, ex) => {
      expect(idsFor(ex)).toContain(id)
    },
  )
  it.each(rule.examples.noMatch.map((ex, i) => [i + 1, label(ex), ex] as const))(
    'noMatch #%i does not fire: %s',
    (_i, _label, ex) => {
      expect(idsFor(ex)).not.toContain(id)
    },
  )
})
