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

/** The words of the code-only note and of its per-finding label, per language (one home for every surface). */
export const CODE_ONLY_TEXT = {
  en: {
    note: (codes: string, n: number) =>
      `${codes} alone can mean any of the ${n} problems below that show "Its whole reply" (most likely first): paste the whole line from the device (or its log) to tell them apart.`,
    tellsApart: 'Its whole reply',
  },
  cs: {
    note: (codes: string, n: number) =>
      `Samotný kód ${codes} může znamenat kterýkoli z ${n} problémů níže, u nichž je „Celá odpověď“ (nejpravděpodobnější první): vložte celý řádek ze zařízení (nebo jeho protokol) a rozliší se.`,
    tellsApart: 'Celá odpověď',
  },
} as const

/**
 * The line every surface shows above findings marked `match: 'code'`: which code, and how many
 * problems it can mean. Undefined when fewer than two findings are marked.
 * @example codeOnlyNote(explain('5.7.139').findings, 'en') // '5.7.139 alone can mean any of the 4 problems below …'
 */
export function codeOnlyNote(
  findings: readonly Pick<Finding, 'match' | 'codes'>[],
  lang: 'cs' | 'en',
): string | undefined {
  const shared = findings.filter((f) => f.match === 'code')
  if (shared.length < 2) return undefined
  const all = [...new Set(shared.flatMap((f) => f.codes))]
  const common = all.filter((c) => shared.every((f) => f.codes.includes(c)))
  return CODE_ONLY_TEXT[lang].note((common.length > 0 ? common : all).join(', '), shared.length)
}
