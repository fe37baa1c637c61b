/**
 * Indexes over the rules for the generated index pages: error code → rules, symptom → rules,
 * option → rules. Ordered by code / vocabulary order, then by rule title.
 */
import { type DocsRule, type Lang, rules } from './engine.js'
import { OPTION_IDS, type OptionId, SYMPTOM_LABELS } from './labels.js'

/** Compares enhanced status codes numerically: 5.7.3 < 5.7.60 < 5.7.139. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** Whether `b` is the code right after `a` (same class and subject group, detail + 1). */
export function follows(a: string, b: string): boolean {
  const i = a.lastIndexOf('.')
  const j = b.lastIndexOf('.')
  return a.slice(0, i) === b.slice(0, j) && Number(b.slice(j + 1)) === Number(a.slice(i + 1)) + 1
}

/**
 * Codes with runs of three or more consecutive subjects folded into ranges, for compact lists:
 * `5.7.606 … 5.7.649` (each entry is one code or a `[first, last]` range).
 */
export function foldCodes(codes: readonly string[]): (string | [string, string])[] {
  const sorted = [...new Set(codes)].sort(compareCodes)
  const out: (string | [string, string])[] = []
  let run: string[] = []
  const flush = () => {
    if (run.length >= 3) out.push([run[0] as string, run[run.length - 1] as string])
    else out.push(...run)
    run = []
  }
  for (const c of sorted) {
    const prev = run[run.length - 1]
    const [pc, pn] = prev
      ? [prev.slice(0, prev.lastIndexOf('.')), Number(prev.slice(prev.lastIndexOf('.') + 1))]
      : []
    const [cc, cn] = [c.slice(0, c.lastIndexOf('.')), Number(c.slice(c.lastIndexOf('.') + 1))]
    if (prev && pc === cc && pn !== undefined && cn === pn + 1) run.push(c)
    else {
      flush()
      run = [c]
    }
  }
  flush()
  return out
}

function byTitle(lang: Lang): (a: DocsRule, b: DocsRule) => number {
  return (a, b) => a.messages[lang].title.localeCompare(b.messages[lang].title, lang)
}

/** Every enhanced status code some rule answers, with those rules. */
export function rulesByCode(lang: Lang): [string, DocsRule[]][] {
  const map = new Map<string, DocsRule[]>()
  for (const r of rules) for (const c of r.codes) map.set(c, [...(map.get(c) ?? []), r])
  return [...map.entries()]
    .sort(([a], [b]) => compareCodes(a, b))
    .map(([c, rs]) => [c, rs.sort(byTitle(lang))])
}

/** A section of the code index: one code, or a run of consecutive codes answered by the same rules. */
export type CodeGroup = { first: string; last: string; codes: string[]; rules: DocsRule[] }

/** `rulesByCode`, with runs of three or more consecutive codes that share their rules folded together. */
export function codeGroups(lang: Lang): CodeGroup[] {
  const out: CodeGroup[] = []
  const key = (rs: DocsRule[]) => rs.map((r) => r.id).join(' ')
  for (const [code, rs] of rulesByCode(lang)) {
    const last = out[out.length - 1]
    const lastCode = last?.codes[last.codes.length - 1]
    if (last && lastCode && key(last.rules) === key(rs) && follows(lastCode, code)) {
      last.codes.push(code)
      last.last = code
    } else out.push({ first: code, last: code, codes: [code], rules: rs })
  }
  // Two in a row read better as two sections than as a range.
  return out.flatMap((g) =>
    g.codes.length === 2 ? g.codes.map((c) => ({ first: c, last: c, codes: [c], rules: g.rules })) : [g],
  )
}

/** Every symptom some rule answers (in vocabulary order), with those rules. */
export function rulesBySymptom(lang: Lang): [string, DocsRule[]][] {
  const order = Object.keys(SYMPTOM_LABELS.en)
  const map = new Map<string, DocsRule[]>()
  for (const r of rules) for (const s of r.symptoms) map.set(s, [...(map.get(s) ?? []), r])
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length)
  return [...map.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([s, rs]) => [s, rs.sort(byTitle(lang))])
}

/** The rules about one option, and the rules that hold for any option. */
export function rulesForOption(option: OptionId, lang: Lang): { own: DocsRule[]; any: DocsRule[] } {
  return {
    own: rules.filter((r) => r.options.includes(option)).sort(byTitle(lang)),
    any: rules.filter((r) => r.options.includes('any')).sort(byTitle(lang)),
  }
}

export { OPTION_IDS }
