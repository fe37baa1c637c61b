import type { Facts } from '@smtp-doctor/core'
import { diagnose, explain, type Finding } from '../src/index.js'
import type { RuleExample } from '../src/rule-schema.js'

/** Findings for a rule example: its text through explain, or its facts through diagnose. */
export function findingsFor(example: RuleExample, lang: 'cs' | 'en' = 'en'): Finding[] {
  return 'text' in example
    ? explain(example.text, { lang }).findings
    : diagnose(example.facts as Facts, { lang }).findings
}

/** Ids of the findings for a rule example. */
export const idsFor = (example: RuleExample): string[] => findingsFor(example).map((f) => f.id)

/** A short label for an example in a test name. */
export function label(example: RuleExample): string {
  const s =
    'text' in example ? `text ${JSON.stringify(example.text)}` : `facts ${JSON.stringify(example.facts)}`
  const note = example.note ? ` (${example.note})` : ''
  return `${s.length > 90 ? `${s.slice(0, 87)}...` : s}${note}`
}
