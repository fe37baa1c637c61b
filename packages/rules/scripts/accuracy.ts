/**
 * Measures `explain` on the real-world corpus (corpus/*.yaml).
 *
 *   npm run accuracy -w @smtp-doctor/rules [-- --misses <file>]
 *
 * Prints one line per miss (id, expected, got top-3) and, as its last line,
 * `top-1 N/M, silent S, false alarms F`. With --misses, also writes the misses grouped by the
 * expected rule, each with its text, for the people tuning the rules.
 */
import { writeFileSync } from 'node:fs'
import { loadCorpus, NONE_ERROR, type Scored, score, summarize, summaryLine } from '../corpus/corpus.js'

function missLine(s: Scored): string {
  const e = s.entry
  const expected = e.acceptable ? `${e.expect} (or ${e.acceptable.join(', ')})` : e.expect
  const got = e.expect === NONE_ERROR ? s.alarms : s.got
  const kind = s.silent ? 'SILENT' : s.falseAlarm ? 'FALSE ALARM' : 'MISS'
  const top = got.length === 0 ? '(none)' : got.slice(0, 3).join(', ')
  return `${kind} ${e.id} [${e.file}]: expected ${expected}; got ${top}`
}

function missesReport(misses: readonly Scored[], line: string): string {
  const byExpected = new Map<string, Scored[]>()
  for (const s of misses) {
    const list = byExpected.get(s.entry.expect) ?? []
    list.push(s)
    byExpected.set(s.entry.expect, list)
  }
  const groups = [...byExpected.entries()].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
  )
  const out = [
    `# corpus misses — ${line}`,
    '',
    '| expected | misses | first finding given instead |',
    '|---|---|---|',
  ]
  for (const [expected, list] of groups) {
    const firsts = new Map<string, number>()
    for (const s of list) {
      const first = s.entry.expect === NONE_ERROR ? (s.alarms[0] ?? '(none)') : (s.got[0] ?? '(silent)')
      firsts.set(first, (firsts.get(first) ?? 0) + 1)
    }
    const given = [...firsts.entries()].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ×${n}`)
    out.push(`| ${expected} | ${list.length} | ${given.join(', ')} |`)
  }
  out.push('')
  for (const [expected, list] of groups) {
    out.push(`## expected ${expected} — ${list.length} miss${list.length === 1 ? '' : 'es'}`, '')
    for (const s of list) {
      out.push(missLine(s))
      out.push(`  url: ${s.entry.url}`)
      out.push(`  why: ${s.entry.why}`)
      out.push(`  got (all): ${s.got.length === 0 ? '(none)' : s.got.join(', ')}`)
      out.push('  text:')
      for (const l of s.entry.text.split('\n')) out.push(`    | ${l}`)
      out.push('')
    }
  }
  return `${out.join('\n')}\n`
}

function main(argv: readonly string[]): number {
  const at = argv.indexOf('--misses')
  const missesFile = at >= 0 ? argv[at + 1] : undefined
  if (at >= 0 && !missesFile) {
    process.stderr.write('accuracy: --misses needs a file name\n')
    return 2
  }
  const scored = loadCorpus().map(score)
  const misses = scored.filter((s) => !s.top1 || s.silent || s.falseAlarm)
  for (const s of misses) process.stdout.write(`${missLine(s)}\n`)
  const line = summaryLine(summarize(scored))
  if (missesFile) writeFileSync(missesFile, missesReport(misses, line))
  process.stdout.write(`${line}\n`)
  return 0
}

process.exitCode = main(process.argv.slice(2))
