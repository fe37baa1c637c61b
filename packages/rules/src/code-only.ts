import type { Analysis } from './derived.js'
import type { Finding } from './engine.js'
import { failingOf, GENERIC_RULE_IDS, isBare } from './fallback.js'

/**
 * A code alone is an answer, but not one answer: `5.7.139` by itself (or with its text in a
 * language no rule reads) fits several rules. When two or more findings answer such a bare code
 * and nothing else, each is marked `match: 'code'` — the renderers then say that the code alone
 * fits several problems, list them in the engine's order, and show each one's symptom (what its
 * whole reply looks like), so the reader can tell them apart by pasting the whole line.
 */
export function markCodeOnly(findings: Finding[], analysis: Analysis): void {
  const bare = new Set<string>()
  for (const f of failingOf(analysis))
    if (f.code !== null && (f.reply === null || isBare(f.reply))) bare.add(f.code)
  if (bare.size === 0) return
  const hits = findings.filter((f) => !GENERIC_RULE_IDS.has(f.id) && f.codes.some((c) => bare.has(c)))
  if (hits.length < 2) return
  for (const f of hits) f.match = 'code'
}
