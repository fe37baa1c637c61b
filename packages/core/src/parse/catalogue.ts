/**
 * The recognition catalogue: every phrase matcher, failure and TLS-failure pattern, provider
 * signature and status code the rule folders declare, compiled by the rules build
 * (`buildCatalogue`) into plain JSON data that ships inside the rule bundle. Core knows no
 * phrase of its own: the parser is generic over a catalogue (`compileCatalogue`).
 *
 * Matching: literal matchers go into one Aho–Corasick automaton (a dense DFA over the
 * alphabet of the patterns), so each line is read once, character by character, whatever the
 * number of matchers. `re:` matchers (pattern.ts) contribute an anchor literal to the same
 * automaton and run their NFA only on lines where the anchor occurred. Both see folded text
 * (fold.ts): case-, diacritics- and whitespace-run-insensitive.
 */
import { fold, foldUnit } from './fold.js'
import { flagOfToken, GRAMMAR_TOKENS } from './grammar.js'
import { FAILURE_KINDS, type FailureKind, TLS_FAILURE_KINDS, type TlsFailureKind } from './kinds.js'
import { type CompiledPattern, compilePattern, PatternError } from './pattern.js'

/** What a matcher reveals. */
export type MatcherKind = 'phrase' | 'failure' | 'tls' | 'provider'

/** One compiled matcher: a folded literal, or a `re:` pattern source. */
export type CatalogueMatcher = {
  kind: MatcherKind
  /** Phrase id, failure kind, TLS failure kind or provider id. */
  id: string
  /** Language key it was declared under (`en`, `cs`, `any`). */
  lang: string
  /** A folded literal, or `re:<source>`. */
  match: string
}

/** The compiled catalogue as it ships in the bundle (plain JSON). */
export type Catalogue = {
  version: 1
  /** Phrase ids, in definition order (rule id order, then key order). */
  phrases: string[]
  /** Provider ids that have signatures. */
  providers: string[]
  matchers: CatalogueMatcher[]
  /** Enhanced status codes answered exactly by some rule. */
  codes: string[]
  /** Inclusive ranges `[class, subject, lowDetail, highDetail]` answered by some rule. */
  codeRanges: [number, number, number, number][]
  /** Basic reply codes some rule answers. */
  basicCodes: number[]
  /**
   * Codes recognised when they stand alone ("#4.5.3", "Status: 5.1.10") although no rule lists
   * them: the status-code catalogue's (RFC 3463 details, Microsoft's NDR codes), which the
   * never-silent generic finding answers. `details` are `subject.detail` keys valid in class 4 and 5.
   */
  alsoKnown?: { codes: string[]; ranges: [number, number, number, number][]; details: string[] }
}

/** Matchers per language: `en`, `cs`, or `any` (language-neutral tokens such as ETIMEDOUT). */
export type MatcherLists = { readonly [lang: string]: readonly string[] | undefined }

/** What one rule folder contributes to the catalogue (as written in its rule.yaml). */
export type CatalogueSource = {
  /** The rule's id (problems name its file). */
  rule: string
  recognise?: { readonly [phraseId: string]: MatcherLists }
  failures?: { readonly [kind: string]: MatcherLists }
  tlsFailures?: { readonly [kind: string]: MatcherLists }
  providerSignatures?: { readonly [provider: string]: MatcherLists }
  codes?: readonly string[]
  codeRanges?: readonly string[]
  basicCodes?: readonly number[]
}

/** Language keys a matcher list may use. */
export const MATCHER_LANGS = ['en', 'cs', 'any'] as const
/** Shortest literal matcher (folded, trimmed). */
export const MIN_LITERAL = 3
/** Widest code range (details), so expanded ranges stay small. */
export const MAX_RANGE = 1000
/** Clause slots per pattern in the automaton's output encoding (≥ pattern.ts MAX_CLAUSES). */
const MAX_CLAUSE_BITS = 8
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const ENHANCED = /^([245])\.(\d{1,3})\.(\d{1,3})$/

/** Parses `5.7.606-5.7.649` into `[5, 7, 606, 649]`, or returns a problem. */
export function parseCodeRange(r: string): [number, number, number, number] | string {
  const [a, b, ...rest] = r.split('-').map((s) => s.trim())
  const ma = a ? ENHANCED.exec(a) : null
  const mb = b ? ENHANCED.exec(b) : null
  if (!ma || !mb || rest.length > 0) return `"${r}" is not a range like 5.7.606-5.7.649`
  if (ma[1] !== mb[1] || ma[2] !== mb[2]) return `"${r}": both ends need the same class and subject`
  const lo = Number(ma[3])
  const hi = Number(mb[3])
  if (lo > hi) return `"${r}": the low end is above the high end`
  if (hi - lo + 1 > MAX_RANGE) return `"${r}" spans more than ${MAX_RANGE} codes`
  return [Number(ma[1]), Number(ma[2]), lo, hi]
}

/** Every code a range covers, in order. */
export function expandCodeRange([c, s, lo, hi]: readonly [number, number, number, number]): string[] {
  const out: string[] = []
  for (let d = lo; d <= hi; d++) out.push(`${c}.${s}.${d}`)
  return out
}

/**
 * Validates every rule's matchers and compiles them into a catalogue. Problems name the rule
 * file and the path inside it (`recognise.auth-unsuccessful.cs[1]: …`); the build fails on any.
 * Checks: phrase ids kebab-case and defined once; failure and TLS kinds are core's; language
 * keys are en/cs/any; literals of ≥ MIN_LITERAL characters, not repeated within one id; `re:`
 * patterns inside the linear-time subset; codes and ranges well-formed.
 */
export function buildCatalogue(sources: readonly CatalogueSource[]): {
  catalogue: Catalogue
  problems: string[]
} {
  const problems: string[] = []
  const phrases: string[] = []
  const definedBy = new Map<string, string>()
  const providers: string[] = []
  const matchers: CatalogueMatcher[] = []
  const codes = new Set<string>()
  const ranges: [number, number, number, number][] = []
  const basic = new Set<number>()
  const file = (rule: string) => `src/rules/${rule}/rule.yaml`

  const addLists = (src: CatalogueSource, block: string, kind: MatcherKind, id: string, lists: unknown) => {
    const where = `${file(src.rule)}: ${block}.${id}`
    if (lists === null || typeof lists !== 'object' || Array.isArray(lists)) {
      problems.push(`${where}: expected matchers per language, e.g. { en: ['…'], cs: ['…'] }`)
      return
    }
    const seen = new Set<string>()
    let count = 0
    for (const [lang, list] of Object.entries(lists as Record<string, unknown>)) {
      if (!(MATCHER_LANGS as readonly string[]).includes(lang)) {
        problems.push(`${where}.${lang}: unknown language key (one of ${MATCHER_LANGS.join(', ')})`)
        continue
      }
      if (!Array.isArray(list)) {
        problems.push(`${where}.${lang}: expected a list of matchers`)
        continue
      }
      list.forEach((m: unknown, i: number) => {
        const at = `${where}.${lang}[${i}]`
        if (typeof m !== 'string') {
          problems.push(`${at}: a matcher is a string`)
          return
        }
        let match: string
        if (/^re:/.test(m)) {
          const source = m.slice(3).trim()
          try {
            compilePattern(source)
          } catch (err) {
            problems.push(`${at}: ${err instanceof PatternError ? err.message : String(err)}`)
            return
          }
          match = `re:${source}`
        } else {
          match = fold(m).trim()
          if (match.length < MIN_LITERAL) {
            problems.push(`${at}: "${m}" is shorter than ${MIN_LITERAL} characters once folded`)
            return
          }
        }
        if (seen.has(match)) {
          problems.push(`${at}: "${m}" repeats another matcher of ${id} (after folding)`)
          return
        }
        seen.add(match)
        count++
        matchers.push({ kind, id, lang, match })
      })
    }
    if (count === 0 && !problems.some((p) => p.startsWith(where))) problems.push(`${where}: no matchers`)
  }

  const block = (src: CatalogueSource, name: string, v: unknown): [string, unknown][] => {
    if (v === undefined) return []
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      problems.push(`${file(src.rule)}: ${name}: expected a map of ids to matchers`)
      return []
    }
    return Object.entries(v)
  }

  for (const src of sources) {
    for (const [id, lists] of block(src, 'recognise', src.recognise)) {
      if (!KEBAB.test(id)) {
        problems.push(`${file(src.rule)}: recognise.${id}: a phrase id is kebab-case`)
        continue
      }
      const other = definedBy.get(id)
      if (other !== undefined) {
        problems.push(
          `${file(src.rule)}: recognise.${id}: phrase "${id}" is already defined in ${file(other)} (define it once; list it in phrases elsewhere)`,
        )
        continue
      }
      definedBy.set(id, src.rule)
      phrases.push(id)
      addLists(src, 'recognise', 'phrase', id, lists)
    }
    for (const [kind, lists] of block(src, 'failures', src.failures)) {
      if (!(FAILURE_KINDS as readonly string[]).includes(kind)) {
        problems.push(`${file(src.rule)}: failures.${kind}: not a failure kind (${FAILURE_KINDS.join(', ')})`)
        continue
      }
      addLists(src, 'failures', 'failure', kind, lists)
    }
    for (const [kind, lists] of block(src, 'tlsFailures', src.tlsFailures)) {
      if (!(TLS_FAILURE_KINDS as readonly string[]).includes(kind)) {
        problems.push(
          `${file(src.rule)}: tlsFailures.${kind}: not a TLS failure kind (${TLS_FAILURE_KINDS.join(', ')})`,
        )
        continue
      }
      addLists(src, 'tlsFailures', 'tls', kind, lists)
    }
    for (const [id, lists] of block(src, 'providerSignatures', src.providerSignatures)) {
      if (!KEBAB.test(id) || id === 'unknown') {
        problems.push(
          `${file(src.rule)}: providerSignatures.${id}: a provider id is kebab-case and not "unknown"`,
        )
        continue
      }
      if (!providers.includes(id)) providers.push(id)
      addLists(src, 'providerSignatures', 'provider', id, lists)
    }
    for (const c of src.codes ?? []) codes.add(c)
    for (const r of src.codeRanges ?? []) {
      const parsed = parseCodeRange(r)
      if (typeof parsed === 'string') problems.push(`${file(src.rule)}: codeRanges: ${parsed}`)
      else if (!ranges.some((x) => x.every((v, i) => v === parsed[i]))) ranges.push(parsed)
    }
    for (const b of src.basicCodes ?? []) basic.add(b)
  }
  return {
    catalogue: {
      version: 1,
      phrases,
      providers,
      matchers,
      codes: [...codes].sort(),
      codeRanges: ranges,
      basicCodes: [...basic].sort((a, b) => a - b),
    },
    problems,
  }
}

/** Folded literal matchers (with their kind and id) of a catalogue, e.g. for `grep -F -f`. */
export function literalMatchers(c: Catalogue): CatalogueMatcher[] {
  return c.matchers.filter((m) => !m.match.startsWith('re:'))
}

// ── runtime ─────────────────────────────────────────────────────────────────

/** What a scan found: flags indexed by target (see CompiledCatalogue.targets). */
export type Hits = Uint8Array

/** What a text reveals. Any TLS failure also counts as the `tls` failure. */
export type ScanResult = {
  phrases: string[]
  failures: FailureKind[]
  tlsFailures: TlsFailureKind[]
  providers: string[]
}

/** A catalogue compiled for matching. */
export type CompiledCatalogue = {
  readonly data: Catalogue
  /** Number of targets; a Hits array has this length. */
  readonly size: number
  readonly phraseBase: number
  readonly failureBase: number
  readonly tlsBase: number
  readonly providerBase: number
  /**
   * Marks in `hits` every target one line reveals, and in `flags` (when given, length
   * GRAMMAR_FLAGS) the wrapper tokens it shows. Returns true when the line names a
   * connection or TLS failure. Never throws.
   */
  scanLine(line: string, hits: Hits, flags?: Uint8Array): boolean
  /** Phrase ids in a text (each line scanned), catalogue order. */
  phrasesIn(text: string): string[]
  /** Everything a text reveals (each line scanned), in catalogue / enum order. */
  scanText(text: string): ScanResult
  /** The findings a Hits array holds. */
  resultOf(hits: Hits): ScanResult
  /** The code is one some rule answers (exactly or in a range). */
  knowsCode(code: string): boolean
  newHits(): Hits
}

const compiled = new WeakMap<object, CompiledCatalogue>()
const EMPTY: Catalogue = {
  version: 1,
  phrases: [],
  providers: [],
  matchers: [],
  codes: [],
  codeRanges: [],
  basicCodes: [],
}

function isCatalogue(c: unknown): c is Catalogue {
  if (c === null || typeof c !== 'object') return false
  const x = c as Partial<Catalogue>
  return (
    Array.isArray(x.phrases) &&
    Array.isArray(x.providers) &&
    Array.isArray(x.matchers) &&
    Array.isArray(x.codes) &&
    Array.isArray(x.codeRanges) &&
    Array.isArray(x.basicCodes)
  )
}

/**
 * Compiles catalogue data for matching (cached per object). Anything malformed in it is
 * skipped, never thrown: a catalogue that is not one counts as empty.
 */
export function compileCatalogue(data: Catalogue | CompiledCatalogue | undefined | null): CompiledCatalogue {
  if (data && typeof data === 'object' && 'scanLine' in data) return data as CompiledCatalogue
  const src = isCatalogue(data) ? data : EMPTY
  const hit = compiled.get(src)
  if (hit) return hit
  const c = compile(src)
  compiled.set(src, c)
  return c
}

/**
 * The compiled catalogue, built on first use: importing the rules costs nothing until a text or
 * reply is scanned (the CLI's help, `rules` and `classify` never build the automaton).
 */
function compile(data: Catalogue): CompiledCatalogue {
  let real: CompiledCatalogue | undefined
  const get = () => {
    real ??= build(data)
    return real
  }
  const failureBase = data.phrases.length
  const tlsBase = failureBase + FAILURE_KINDS.length
  const providerBase = tlsBase + TLS_FAILURE_KINDS.length
  const size = providerBase + data.providers.length
  return {
    data,
    size,
    phraseBase: 0,
    failureBase,
    tlsBase,
    providerBase,
    scanLine: (line, hits, flags) => get().scanLine(line, hits, flags),
    phrasesIn: (text) => get().phrasesIn(text),
    scanText: (text) => get().scanText(text),
    resultOf: (hits) => get().resultOf(hits),
    knowsCode: (code) => get().knowsCode(code),
    newHits: () => new Uint8Array(size),
  }
}

function build(data: Catalogue): CompiledCatalogue {
  const phraseIndex = new Map(data.phrases.map((p, i) => [p, i]))
  const providerIndex = new Map(data.providers.map((p, i) => [p, i]))
  const phraseBase = 0
  const failureBase = data.phrases.length
  const tlsBase = failureBase + FAILURE_KINDS.length
  const providerBase = tlsBase + TLS_FAILURE_KINDS.length
  const size = providerBase + data.providers.length
  const targetOf = (m: CatalogueMatcher): number => {
    let i: number | undefined
    if (m.kind === 'phrase') i = phraseIndex.get(m.id)
    else if (m.kind === 'failure') {
      const k = FAILURE_KINDS.indexOf(m.id as FailureKind)
      return k < 0 ? -1 : failureBase + k
    } else if (m.kind === 'tls') {
      const k = TLS_FAILURE_KINDS.indexOf(m.id as TlsFailureKind)
      return k < 0 ? -1 : tlsBase + k
    } else if (m.kind === 'provider') {
      const k = providerIndex.get(m.id)
      return k === undefined ? -1 : providerBase + k
    }
    return i === undefined ? -1 : phraseBase + i
  }

  // Literals (with their target) and patterns (anchors go into the automaton as outputs -1-p).
  const words: string[] = []
  const outputs: number[] = []
  const patterns: { re: CompiledPattern; target: number; full: number }[] = []
  for (const m of data.matchers) {
    if (!m || typeof m.match !== 'string') continue
    const t = targetOf(m)
    if (t < 0) continue
    if (m.match.startsWith('re:')) {
      let re: CompiledPattern
      try {
        re = compilePattern(m.match.slice(3), { lazy: true })
      } catch {
        continue
      }
      const p = patterns.length
      patterns.push({ re, target: t, full: (1 << re.clauses.length) - 1 })
      re.clauses.forEach((clause, c) => {
        for (const a of clause) {
          words.push(a)
          outputs.push(-1 - (p * MAX_CLAUSE_BITS + c))
        }
      })
    } else {
      const w = fold(m.match).trim()
      if (w.length === 0) continue
      words.push(w)
      outputs.push(t)
    }
  }
  // Core's wrapper tokens: outputs at `size + g`, written to the per-line flags.
  GRAMMAR_TOKENS.forEach((w, g) => {
    words.push(w)
    outputs.push(size + flagOfToken(g))
  })

  // Alphabet: symbol 0 = any character no pattern contains.
  const symOf = new Map<number, number>()
  for (const w of words)
    for (let i = 0; i < w.length; i++) {
      const ch = w.charCodeAt(i)
      if (!symOf.has(ch)) symOf.set(ch, symOf.size + 1)
    }
  const W = symOf.size + 1
  const asciiSym = new Int32Array(128)
  for (let c = 0; c < 128; c++) asciiSym[c] = symOf.get(foldUnit(c).charCodeAt(0)) ?? 0

  // Trie: children as linked lists (first child, next sibling, symbol), O(states) memory.
  let maxStates = 1
  for (const w of words) maxStates += w.length
  const firstChild = new Int32Array(maxStates)
  const nextSibling = new Int32Array(maxStates)
  const stateSym = new Int32Array(maxStates)
  const out: (number[] | undefined)[] = []
  let S = 1
  words.forEach((w, wi) => {
    let st = 0
    for (let i = 0; i < w.length; i++) {
      const sym = symOf.get(w.charCodeAt(i))!
      let n = firstChild[st]!
      while (n !== 0 && stateSym[n] !== sym) n = nextSibling[n]!
      if (n === 0) {
        n = S++
        stateSym[n] = sym
        nextSibling[n] = firstChild[st]!
        firstChild[st] = n
      }
      st = n
    }
    const o = outputs[wi]!
    const list = out[st]
    if (!list) out[st] = [o]
    else if (!list.includes(o)) list.push(o)
  })
  // Breadth-first: failure links, merged outputs and the dense transition table.
  const delta = new Int32Array(S * W)
  const fail = new Int32Array(S)
  const queue = new Int32Array(S)
  let qEnd = 0
  for (let n = firstChild[0]!; n !== 0; n = nextSibling[n]!) {
    delta[stateSym[n]!] = n
    queue[qEnd++] = n
  }
  for (let qi = 0; qi < qEnd; qi++) {
    const st = queue[qi]!
    const f = fail[st]!
    const inherited = out[f]
    if (inherited) {
      const own = out[st]
      out[st] = own ? [...new Set([...own, ...inherited])] : inherited
    }
    // The row of st is its failure state's row (complete: f is shallower), then its own edges.
    delta.copyWithin(st * W, f * W, f * W + W)
    for (let n = firstChild[st]!; n !== 0; n = nextSibling[n]!) {
      const sym = stateSym[n]!
      fail[n] = delta[f * W + sym]!
      delta[st * W + sym] = n
      queue[qEnd++] = n
    }
  }
  const outStart = new Int32Array(S + 1)
  const flat: number[] = []
  for (let st = 0; st < S; st++) {
    outStart[st] = flat.length
    const list = out[st]
    if (list) for (const o of list) flat.push(o)
  }
  outStart[S] = flat.length
  const outList = Int32Array.from(flat)
  // The table the scan walks (delta, rewritten in place): states pre-multiplied by W (no multiply
  // per character), and a state with outputs stored negated (−base − 1), so the common
  // no-output step is one load and one test.
  const dense = delta
  for (let x = 0; x < S * W; x++) {
    const n = dense[x]!
    dense[x] = outStart[n] === outStart[n + 1] ? n * W : -(n * W) - 1
  }
  // Per pattern: the line (generation) its clause bits belong to, and the bits seen on that line.
  const candidate = new Int32Array(patterns.length).fill(-1)
  const clauseBits = new Int32Array(patterns.length)
  let lineGen = 0
  const cand: number[] = []

  let flags: Uint8Array | undefined
  let lineFailure = false
  /** Takes the step from pre-multiplied state `s` on `sym`; emits the outputs of the state reached. */
  const feed = (s: number, sym: number, hits: Hits): number => {
    let n = dense[s + sym]!
    if (n >= 0) return n
    n = -n - 1
    const st = (n / W) | 0
    const b = outStart[st + 1]!
    for (let k = outStart[st]!; k < b; k++) {
      const o = outList[k]!
      if (o >= size) {
        if (flags) flags[o - size] = 1
      } else if (o >= 0) {
        hits[o] = 1
        if (o >= failureBase && o < providerBase) lineFailure = true
      } else {
        const code = -1 - o
        const p = (code / MAX_CLAUSE_BITS) | 0
        const bit = 1 << (code - p * MAX_CLAUSE_BITS)
        if (candidate[p] !== lineGen) {
          candidate[p] = lineGen
          clauseBits[p] = 0
          cand.push(p)
        }
        clauseBits[p]! |= bit
      }
    }
    return n
  }

  const scanLine = (line: string, hits: Hits, lineFlags?: Uint8Array): boolean => {
    if (typeof line !== 'string') return false
    flags = lineFlags
    lineFailure = false
    lineGen = (lineGen + 1) | 0
    cand.length = 0
    let s = 0
    let space = false
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i)
      if (c < 128) {
        if (c === 32 || (c >= 9 && c <= 13)) {
          if (space) continue
          space = true
        } else space = false
        const n = dense[s + asciiSym[c]!]!
        s = n >= 0 ? n : feed(s, asciiSym[c]!, hits)
      } else {
        const f = foldUnit(c)
        for (let j = 0; j < f.length; j++) {
          const fc = f.charCodeAt(j)
          if (fc === 32) {
            if (space) continue
            space = true
          } else space = false
          s = feed(s, fc < 128 ? asciiSym[fc]! : (symOf.get(fc) ?? 0), hits)
        }
      }
    }
    if (cand.length > 0) {
      let folded: string | undefined
      for (const p of cand) {
        const { re, target, full } = patterns[p]!
        if (clauseBits[p] !== full) continue
        const isFailure = target >= failureBase && target < providerBase
        if (hits[target] === 1 && !isFailure) continue
        folded ??= fold(line)
        if (re.test(folded)) {
          hits[target] = 1
          if (isFailure) lineFailure = true
        }
      }
    }
    flags = undefined
    return lineFailure
  }

  const also = data.alsoKnown
  const codeSet = new Set([...data.codes, ...(Array.isArray(also?.codes) ? also.codes : [])])
  const details = new Set(Array.isArray(also?.details) ? also.details : [])
  const ranges = [...data.codeRanges, ...(Array.isArray(also?.ranges) ? also.ranges : [])].filter(
    (r) => Array.isArray(r) && r.length === 4,
  )
  const knowsCode = (code: string): boolean => {
    if (codeSet.has(code)) return true
    if (details.size > 0 && (code[0] === '4' || code[0] === '5') && details.has(code.slice(2))) return true
    if (ranges.length === 0) return false
    const m = ENHANCED.exec(code)
    if (!m) return false
    const c = Number(m[1])
    const sub = Number(m[2])
    const d = Number(m[3])
    for (const r of ranges) if (r[0] === c && r[1] === sub && d >= r[2] && d <= r[3]) return true
    return false
  }

  const self: CompiledCatalogue = {
    data,
    size,
    phraseBase,
    failureBase,
    tlsBase,
    providerBase,
    scanLine,
    knowsCode,
    newHits: () => new Uint8Array(size),
    phrasesIn: (text: string): string[] => self.scanText(text).phrases,
    scanText(text: string): ScanResult {
      const hits = new Uint8Array(size)
      if (typeof text === 'string' && text.length > 0)
        for (const line of text.split(/\r\n|\n|\r/)) scanLine(line, hits)
      return self.resultOf(hits)
    },
    resultOf(hits: Hits): ScanResult {
      const phrases: string[] = []
      for (let i = 0; i < data.phrases.length; i++) if (hits[phraseBase + i]) phrases.push(data.phrases[i]!)
      const tlsFailures = TLS_FAILURE_KINDS.filter((_, i) => hits[tlsBase + i] === 1)
      const failures = FAILURE_KINDS.filter(
        (k, i) => hits[failureBase + i] === 1 || (k === 'tls' && tlsFailures.length > 0),
      )
      const providers = data.providers.filter((_, i) => hits[providerBase + i] === 1)
      return { phrases, failures, tlsFailures, providers }
    },
  }
  return self
}
