/**
 * JSON for findings, memoised per finding. A finding's text is rule data (the same for a given
 * rule, option and language), and serialising it is the largest single cost of a diagnose
 * answer (long two-byte markdown strings). Each request still runs the engine; only the
 * serialisation of a finding identical to one already seen is reused — identical is checked
 * member by member on every request, so an engine that adds per-request data stays correct.
 */

const MAX_ENTRIES = 4096

type Entry = { finding: unknown; json: string; bytes: Buffer }
const memo = new Map<string, Entry>()

function copy(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(copy)
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(v)) out[k] = copy((v as Record<string, unknown>)[k])
  return out
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string
    if (k !== kb[i]) return false
    if (!same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false
  }
  return true
}

function entryOf(finding: { id: string; option?: string; docs?: string }): Entry {
  const key = `${finding.id}\u0000${finding.option ?? ''}\u0000${finding.docs ?? ''}`
  const hit = memo.get(key)
  if (hit && same(hit.finding, finding)) return hit
  const json = JSON.stringify(finding)
  if (memo.size >= MAX_ENTRIES) memo.clear()
  // Keep a private copy (the caller's object may change after we return) that shares the
  // immutable strings, so the next comparison mostly compares pointers.
  const entry = { finding: copy(finding), json, bytes: Buffer.from(json, 'utf8') }
  memo.set(key, entry)
  return entry
}

/** JSON of one finding (any object with an `id`), from the memo when an identical one was seen. */
export function findingJson(finding: { id: string; option?: string; docs?: string }): string {
  return entryOf(finding).json
}

/**
 * Serialises an engine answer (`{ findings, ...rest }`) to JSON; the same text as
 * `JSON.stringify(result)` for plain data.
 */
export function resultJson(result: { findings: { id: string }[] } & Record<string, unknown>): string {
  const parts: string[] = []
  for (const key of Object.keys(result)) {
    const value = result[key]
    if (value === undefined) continue
    if (key === 'findings' && Array.isArray(value)) {
      parts.push(`"findings":[${value.map((f) => findingJson(f)).join(',')}]`)
    } else {
      parts.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`)
    }
  }
  return `{${parts.join(',')}}`
}

const OPEN = Buffer.from('{')
const CLOSE = Buffer.from('}')
const COMMA = Buffer.from(',')
const FINDINGS_OPEN = Buffer.from('"findings":[')
const FINDINGS_CLOSE = Buffer.from(']')

/**
 * `resultJson` as UTF-8 bytes, assembled from each finding's memoised bytes: the markdown is
 * mostly two-byte text, and encoding it on every write costs as much as the engine run.
 */
export function resultBytes(result: { findings: { id: string }[] } & Record<string, unknown>): Buffer {
  const parts: Buffer[] = [OPEN]
  let first = true
  for (const key of Object.keys(result)) {
    const value = result[key]
    if (value === undefined) continue
    if (!first) parts.push(COMMA)
    first = false
    if (key === 'findings' && Array.isArray(value)) {
      parts.push(FINDINGS_OPEN)
      value.forEach((f, i) => {
        if (i > 0) parts.push(COMMA)
        parts.push(entryOf(f).bytes)
      })
      parts.push(FINDINGS_CLOSE)
    } else {
      parts.push(Buffer.from(`${JSON.stringify(key)}:${JSON.stringify(value)}`, 'utf8'))
    }
  }
  parts.push(CLOSE)
  return Buffer.concat(parts)
}
