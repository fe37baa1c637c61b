/**
 * The real-world corpus: loading, its schema, and scoring `explain` against its labels.
 * Read by scripts/accuracy.ts (`npm run accuracy`) and test/corpus.test.ts — one home for both.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { z } from 'zod'
import { explain, type Finding } from '../src/index.js'

/** The label of a text that must raise no error or warning finding. */
export const NONE_ERROR = 'none-error'

/**
 * Rule ids fixed in the session plan ("New rule ids") that a label may name before the rule
 * exists. The corpus test prints which of them are still missing from the bundle and fails when
 * a label names an id that is neither in the bundle nor here, so labels cannot rot.
 */
export const PLANNED_RULE_IDS: readonly string[] = [
  // All ids of the session plan's "New rule ids" list are in the bundle now; add an id here only
  // while its rule is being written, and remove it when the rule lands (the test insists).
]

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** One corpus entry: a real text as its author showed it, where it came from, and its label. */
export const CorpusEntry = z.strictObject({
  id: z.string().regex(kebab, 'id must be kebab-case'),
  text: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  /** The day the text was read at its source (YYYY-MM-DD). */
  read: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'read must be YYYY-MM-DD'),
  lang: z.enum(['en', 'cs']),
  /** What printed the text: device, library, server. */
  source: z.string().min(3),
  /** The rule that should come first, or `none-error`. */
  expect: z.string().regex(kebab),
  /** Other rules that are exactly as right (rare; `why` says why). */
  acceptable: z.array(z.string().regex(kebab)).min(1).optional(),
  /** A password, token or address local part was replaced by `[redacted]`. */
  redacted: z.boolean().optional(),
  why: z.string().min(5),
})
export type CorpusEntry = z.infer<typeof CorpusEntry> & { file: string }

export const corpusDir = dirname(fileURLToPath(import.meta.url))

/** The corpus files, sorted: one YAML list per source family. */
export function corpusFiles(dir = corpusDir): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
}

/** Every entry of every file, validated; throws naming the file and entry on a bad one. */
export function loadCorpus(dir = corpusDir): CorpusEntry[] {
  const out: CorpusEntry[] = []
  for (const file of corpusFiles(dir)) {
    const doc: unknown = parse(readFileSync(join(dir, file), 'utf8'))
    const list = z.array(z.unknown()).parse(doc)
    list.forEach((raw, i) => {
      const r = CorpusEntry.safeParse(raw)
      if (!r.success) {
        const where = (raw as { id?: unknown })?.id ?? `#${i + 1}`
        throw new Error(`${file} entry ${String(where)}: ${z.prettifyError(r.error)}`)
      }
      out.push({ ...r.data, file })
    })
  }
  return out
}

/** The outcome of one entry through `explain`. */
export type Scored = {
  entry: CorpusEntry
  /** Finding ids in the order explain returned them. */
  got: string[]
  /** Ids of error and warning findings. */
  alarms: string[]
  /** Right first finding (for none-error: no error or warning finding). */
  top1: boolean
  /** A failure text with no finding at all. */
  silent: boolean
  /** A none-error text with an error or warning finding. */
  falseAlarm: boolean
}

const isAlarm = (f: Finding) => f.severity === 'error' || f.severity === 'warning'

/** Runs explain on one entry and scores it against its label. */
export function score(entry: CorpusEntry): Scored {
  const findings = explain(entry.text, { lang: entry.lang }).findings
  const got = findings.map((f) => f.id)
  const alarms = findings.filter(isAlarm).map((f) => f.id)
  if (entry.expect === NONE_ERROR) {
    return { entry, got, alarms, top1: alarms.length === 0, silent: false, falseAlarm: alarms.length > 0 }
  }
  const right = new Set([entry.expect, ...(entry.acceptable ?? [])])
  const first = got[0]
  return {
    entry,
    got,
    alarms,
    top1: first !== undefined && right.has(first),
    silent: got.length === 0,
    falseAlarm: false,
  }
}

export type Summary = { total: number; top1: number; silent: number; falseAlarms: number }

export function summarize(scored: readonly Scored[]): Summary {
  return {
    total: scored.length,
    top1: scored.filter((s) => s.top1).length,
    silent: scored.filter((s) => s.silent).length,
    falseAlarms: scored.filter((s) => s.falseAlarm).length,
  }
}

/** The closing line of `npm run accuracy`, exactly as the issue states it. */
export const summaryLine = (s: Summary) =>
  `top-1 ${s.top1}/${s.total}, silent ${s.silent}, false alarms ${s.falseAlarms}`
