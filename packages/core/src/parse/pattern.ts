/**
 * The `re:` matcher form: a small regular-expression subset with a real linear-time guarantee.
 * It is compiled here into a Thompson NFA and run by simulation (never by a backtracking
 * engine), so a line of n characters costs O(n × states) whatever the pattern or the text.
 *
 * Accepted (over folded text — see fold.ts; the pattern's own letters are folded the same way):
 *   literal characters, `\` + any punctuation (a literal), `.` (any character),
 *   classes `[abc]`, `[a-z]`, `[^…]`, and `\w` `\d` `\s` `\W` `\D` `\S` (also inside classes),
 *   groups `( … )` / `(?: … )`, alternation `|`,
 *   quantifiers `?`, `*`, `+`, `{n}`, `{n,m}` (m ≤ 100).
 * The line is matched as if a line break (`\n`) stood before and after it: a negated class or `.`
 * matches there, so `aadsts700016[^0-9]` also finds the code at the very end of a line.
 * Rejected: anchors `^ $`, `\b`, back-references, look-around, lazy or possessive quantifiers,
 *   `{n,}`, other escapes, more than MAX_STATES states after expansion, and a pattern without a
 *   literal run of MIN_ANCHOR+ characters that every match contains (the run is the pattern's
 *   anchor: it goes into the literal automaton and the NFA only runs on lines where it occurs).
 */
import { foldUnit } from './fold.js'

/** Most NFA states one pattern may compile to (bounded repetitions are expanded). */
export const MAX_STATES = 1000
/** Shortest anchor literal. */
export const MIN_ANCHOR = 3
const MAX_REPEAT = 100

type CharTest = (c: number) => boolean
type Node =
  | { t: 'char'; test: CharTest; lit?: number }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number } // max -1 = unbounded

export class PatternError extends Error {}

const isDigit: CharTest = (c) => c >= 48 && c <= 57
const isWord: CharTest = (c) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95 || (c >= 0xaa && isLetter(c))
const isSpace: CharTest = (c) => c === 32
const LETTER = /^\p{L}$/u
function isLetter(c: number): boolean {
  return LETTER.test(String.fromCharCode(c))
}
const any: CharTest = () => true

function foldedLiteral(ch: string): number[] {
  const out: number[] = []
  for (let i = 0; i < ch.length; i++) {
    const f = foldUnit(ch.charCodeAt(i))
    for (let j = 0; j < f.length; j++) out.push(f.charCodeAt(j))
  }
  return out
}

/** Parses a pattern source into an AST. Throws PatternError naming the position. */
function parse(src: string): Node {
  let i = 0
  const fail = (msg: string): never => {
    throw new PatternError(`${msg} at position ${i} of ${JSON.stringify(src)}`)
  }
  const peek = () => src[i]

  function classEscape(): CharTest {
    const e = src[i + 1]
    if (e === undefined) fail('a dangling backslash')
    i += 2
    switch (e) {
      case 'w':
        return isWord
      case 'd':
        return isDigit
      case 's':
        return isSpace
      case 'W':
        return (c) => !isWord(c)
      case 'D':
        return (c) => !isDigit(c)
      case 'S':
        return (c) => !isSpace(c)
    }
    if (/[A-Za-z0-9]/.test(e!)) fail(`the escape \\${e} is not supported`)
    const f = foldedLiteral(e!)
    return f.length === 1 ? (c) => c === f[0] : fail(`\\${e} folds to more than one character`)
  }

  function parseClass(): CharTest {
    i++ // [
    let neg = false
    if (peek() === '^') {
      neg = true
      i++
    }
    const tests: CharTest[] = []
    let first = true
    while (i < src.length && (src[i] !== ']' || first)) {
      first = false
      let lo: number
      if (src[i] === '\\') {
        const save = i
        const t = classEscape()
        const e = src[save + 1]!
        if ('wdsWDS'.includes(e)) {
          tests.push(t)
          continue
        }
        lo = foldedLiteral(e)[0]!
      } else {
        const f = foldedLiteral(src[i]!)
        if (f.length !== 1) fail(`"${src[i]}" folds to ${f.length === 0 ? 'nothing' : 'several characters'}`)
        lo = f[0]!
        i++
      }
      if (src[i] === '-' && src[i + 1] !== undefined && src[i + 1] !== ']') {
        i++
        const f = foldedLiteral(src[i] === '\\' ? src[++i]! : src[i]!)
        i++
        if (f.length !== 1 || f[0]! < lo) fail('a bad class range')
        const hi = f[0]!
        tests.push((c) => c >= lo && c <= hi)
      } else {
        const v = lo
        tests.push((c) => c === v)
      }
    }
    if (src[i] !== ']') fail('an unclosed [')
    i++
    const test: CharTest = (c) => {
      for (const t of tests) if (t(c)) return true
      return false
    }
    return neg ? (c) => !test(c) : test
  }

  function atom(): Node {
    const ch = src[i]!
    if (ch === '(') {
      i++
      if (src.startsWith('?:', i)) i += 2
      else if (src[i] === '?') fail('look-around and named groups are not supported')
      const n = alt()
      if (src[i] !== ')') fail('an unclosed (')
      i++
      return n
    }
    if (ch === '[') return { t: 'char', test: parseClass() }
    if (ch === '.') {
      i++
      return { t: 'char', test: any }
    }
    if (ch === '\\') {
      const e = src[i + 1]
      const t = classEscape()
      if (e !== undefined && !'wdsWDS'.includes(e)) {
        const lit = foldedLiteral(e)[0]!
        return { t: 'char', test: t, lit }
      }
      return { t: 'char', test: t }
    }
    if ('^$'.includes(ch)) fail('anchors are not supported')
    if ('*+?{'.includes(ch)) fail(`a quantifier "${ch}" with nothing to repeat`)
    if (ch === ')' || ch === ']' || ch === '}') fail(`an unmatched "${ch}"`)
    i++
    const f = foldedLiteral(ch)
    // A folded letter may be several characters (or none, for a combining mark).
    const nodes: Node[] = f.map((v) => ({ t: 'char', test: (c: number) => c === v, lit: v }))
    return nodes.length === 1 ? nodes[0]! : { t: 'seq', items: nodes }
  }

  function quantified(): Node {
    let n = atom()
    const q = src[i]
    let min = -1
    let max = -1
    if (q === '?') [min, max] = [0, 1]
    else if (q === '*') [min, max] = [0, -1]
    else if (q === '+') [min, max] = [1, -1]
    else if (q === '{') {
      const m = /^\{(\d{1,3})(?:,(\d{1,3}))?\}/.exec(src.slice(i))
      if (!m) fail('a "{" that is not {n} or {n,m} (write \\{ for the character)')
      min = Number(m![1])
      max = m![2] === undefined ? min : Number(m![2])
      if (max < min || max > MAX_REPEAT)
        fail(`a repetition {${m![1]},${m![2] ?? ''}} outside 0 ≤ n ≤ m ≤ ${MAX_REPEAT}`)
      i += m![0].length - 1
    } else return n
    i++
    if (src[i] === '?' || src[i] === '+' || src[i] === '*' || src[i] === '{')
      fail('lazy, possessive or stacked quantifiers are not supported')
    n = { t: 'rep', node: n, min, max }
    return n
  }

  function seq(): Node {
    const items: Node[] = []
    while (i < src.length && src[i] !== '|' && src[i] !== ')') items.push(quantified())
    return { t: 'seq', items }
  }

  function alt(): Node {
    const alts = [seq()]
    while (src[i] === '|') {
      i++
      alts.push(seq())
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts }
  }

  const n = alt()
  if (i < src.length) fail(`an unmatched "${src[i]}"`)
  return n
}

/** The literal runs every match contains; the longest is the anchor. Folded spaces collapse. */
function requiredRuns(n: Node): string[] {
  // Walks the top-level sequence: characters with a literal value build runs; anything else ends one.
  const runs: string[] = []
  let cur = ''
  const flush = () => {
    if (cur.length > 0) runs.push(cur)
    cur = ''
  }
  const walk = (x: Node) => {
    if (x.t === 'char' && x.lit !== undefined) {
      const ch = String.fromCharCode(x.lit)
      if (!(ch === ' ' && cur.endsWith(' '))) cur += ch
    } else if (x.t === 'seq') for (const y of x.items) walk(y)
    else if (x.t === 'rep' && x.min >= 1 && x.max === x.min) for (let k = 0; k < x.min; k++) walk(x.node)
    else flush()
  }
  walk(n)
  flush()
  return runs
}

/** Anchor literals: for a top-level alternation, one per branch (any of them may occur). */
function anchorsOf(n: Node): string[] | null {
  const branches = n.t === 'alt' ? n.alts : [n]
  const out: string[] = []
  for (const b of branches) {
    const best = longest(requiredRuns(b))
    if (!best || best.length < MIN_ANCHOR) return null
    out.push(best)
  }
  return out
}

function longest(runs: string[]): string | undefined {
  return runs.map((r) => r.trim()).sort((a, b) => b.length - a.length)[0]
}

/** Most clauses a pattern's prefilter checks. */
const MAX_CLAUSES = 8

/**
 * The prefilter: clauses that must all hold on a line for the pattern to match there, each a
 * list of literals one of which must occur. The first clause is the anchors; a sequence adds
 * its other literal runs and its mandatory alternations (one literal per branch), e.g.
 * `ehlo .{0,40}(?:invalid|rejected)` → [[ehlo], [invalid, rejected]].
 */
function clausesOf(n: Node, anchors: string[]): string[][] {
  const clauses: string[][] = [anchors]
  if (n.t === 'alt') return clauses
  const seen = new Set(anchors)
  for (const r of requiredRuns(n)) {
    const t = r.trim()
    if (t.length >= MIN_ANCHOR && !seen.has(t) && clauses.length < MAX_CLAUSES) {
      seen.add(t)
      clauses.push([t])
    }
  }
  const items = n.t === 'seq' ? n.items : [n]
  for (const item of items) {
    const alt =
      item.t === 'alt' ? item : item.t === 'rep' && item.min >= 1 && item.node.t === 'alt' ? item.node : null
    if (!alt || clauses.length >= MAX_CLAUSES) continue
    const lits: string[] = []
    for (const b of alt.alts) {
      const best = longest(requiredRuns(b))
      if (!best || best.length < MIN_ANCHOR) {
        lits.length = 0
        break
      }
      lits.push(best)
    }
    if (lits.length > 0) clauses.push(lits)
  }
  return clauses
}

// ── NFA ───────────────────────────────────────────────────────────────────────
// State kinds: CHAR (test, out1), SPLIT (out1, out2), MATCH.
const CHAR = 0
const SPLIT = 1
const MATCH = 2

/** A compiled `re:` matcher. */
export type CompiledPattern = {
  /** Literal runs (folded) one of which every match contains. */
  anchors: string[]
  /** Prefilter clauses (the first is `anchors`): a match needs one literal of every clause on its line. */
  clauses: string[][]
  /** Whether the folded line (a string as fold() gives it) holds a match. O(n × states). */
  test(folded: string): boolean
  states: number
}

/**
 * Compiles a `re:` pattern source (without the `re:` prefix). Throws PatternError when outside the
 * subset. `lazy`: check the syntax and compute the prefilter now, build the NFA on first use.
 */
export function compilePattern(src: string, opts: { lazy?: boolean } = {}): CompiledPattern {
  const ast = parse(src.trim())
  const anchors = anchorsOf(ast)
  if (!anchors)
    throw new PatternError(
      `${JSON.stringify(src)} needs a literal run of ${MIN_ANCHOR}+ characters that every match contains (outside optional parts; one per alternative)`,
    )
  if (opts.lazy) {
    // The prefilter now, the NFA the first time a line passes it (most patterns never run).
    let nfa: CompiledPattern | undefined
    const full = () => {
      nfa ??= compilePattern(src)
      return nfa
    }
    return {
      anchors,
      clauses: clausesOf(ast, anchors),
      get states() {
        return full().states
      },
      test: (folded) => full().test(folded),
    }
  }
  const kind: number[] = []
  const test: (CharTest | null)[] = []
  const out1: number[] = []
  const out2: number[] = []
  const add = (k: number, t: CharTest | null) => {
    kind.push(k)
    test.push(t)
    out1.push(-1)
    out2.push(-1)
    if (kind.length > MAX_STATES)
      throw new PatternError(`${JSON.stringify(src)} compiles to more than ${MAX_STATES} states`)
    return kind.length - 1
  }
  // A fragment: its start state and the dangling exits (state, slot) to patch.
  type Frag = { start: number; outs: [number, 1 | 2][] }
  const patch = (outs: [number, 1 | 2][], to: number) => {
    for (const [s, slot] of outs) (slot === 1 ? out1 : out2)[s] = to
  }
  const empty = (): Frag => {
    const s = add(SPLIT, null)
    // A split whose both exits go to the same place: an epsilon step.
    return {
      start: s,
      outs: [
        [s, 1],
        [s, 2],
      ],
    }
  }
  const emit = (n: Node): Frag => {
    switch (n.t) {
      case 'char': {
        const s = add(CHAR, n.test)
        return { start: s, outs: [[s, 1]] }
      }
      case 'seq': {
        if (n.items.length === 0) return empty()
        let f = emit(n.items[0]!)
        for (let k = 1; k < n.items.length; k++) {
          const g = emit(n.items[k]!)
          patch(f.outs, g.start)
          f = { start: f.start, outs: g.outs }
        }
        return f
      }
      case 'alt': {
        let f = emit(n.alts[0]!)
        for (let k = 1; k < n.alts.length; k++) {
          const g = emit(n.alts[k]!)
          const s = add(SPLIT, null)
          out1[s] = f.start
          out2[s] = g.start
          f = { start: s, outs: [...f.outs, ...g.outs] }
        }
        return f
      }
      case 'rep': {
        const parts: Frag[] = []
        for (let k = 0; k < n.min; k++) parts.push(emit(n.node))
        if (n.max === -1) {
          const s = add(SPLIT, null)
          const body = emit(n.node)
          out1[s] = body.start
          patch(body.outs, s)
          parts.push({ start: s, outs: [[s, 2]] })
        } else {
          for (let k = n.min; k < n.max; k++) {
            const s = add(SPLIT, null)
            const body = emit(n.node)
            out1[s] = body.start
            parts.push({ start: s, outs: [...body.outs, [s, 2]] })
          }
        }
        if (parts.length === 0) return empty()
        let f = parts[0]!
        for (let k = 1; k < parts.length; k++) {
          patch(f.outs, parts[k]!.start)
          f = { start: f.start, outs: parts[k]!.outs }
        }
        return f
      }
    }
  }
  const frag = emit(ast)
  const match = add(MATCH, null)
  patch(frag.outs, match)
  const start = frag.start
  const n = kind.length
  const K = Int8Array.from(kind)
  const O1 = Int32Array.from(out1)
  const O2 = Int32Array.from(out2)
  const T = test

  // Scratch space, allocated once: two sparse state lists, the generation at which each state
  // was last added (so a state is added once per step), and the closure stack.
  let cur = new Int32Array(n)
  let next = new Int32Array(n)
  const mark = new Int32Array(n).fill(-1)
  const stack = new Int32Array(n * 2 + 2)
  let gen = 0
  let nextLen = 0
  // Adds s and its epsilon closure to `next`; true when MATCH is reached.
  const addClosure = (s0: number): boolean => {
    let sp = 0
    stack[sp++] = s0
    while (sp > 0) {
      const s = stack[--sp]!
      if (s < 0 || mark[s] === gen) continue
      mark[s] = gen
      const k = K[s]
      if (k === MATCH) return true
      if (k === SPLIT) {
        stack[sp++] = O2[s]!
        stack[sp++] = O1[s]!
      } else next[nextLen++] = s
    }
    return false
  }

  return {
    anchors,
    clauses: clausesOf(ast, anchors),
    states: n,
    test(folded: string): boolean {
      if (gen > 2_000_000_000 - folded.length) {
        mark.fill(-1)
        gen = 0
      }
      gen++
      nextLen = 0
      if (addClosure(start)) return true
      ;[cur, next] = [next, cur]
      let curLen = nextLen
      // The line is seen between two line breaks (never in folded text: whitespace folds to a
      // space), so `[^0-9]` after a code, or `.`, also match at the line's start and end.
      const end = folded.length
      for (let i = -1; i <= end; i++) {
        const c = i < 0 || i === end ? 10 : folded.charCodeAt(i)
        gen++
        nextLen = 0
        for (let j = 0; j < curLen; j++) {
          const s = cur[j]!
          if (T[s]!(c) && addClosure(O1[s]!)) return true
        }
        // Unanchored search: a match may start after any character.
        if (addClosure(start)) return true
        ;[cur, next] = [next, cur]
        curLen = nextLen
      }
      return false
    },
  }
}
