import type { SmtpReply } from '../schema/common.js'
import { type Catalogue, type CompiledCatalogue, compileCatalogue } from './catalogue.js'
import type { FailureKind, TlsFailureKind } from './kinds.js'

/** A reply found in text: the reply, how often it appeared and the (1-based) line of its last appearance. */
export type ParsedReply = SmtpReply & { count: number; line: number }

/** Everything recognised in a text. Sizes are bounded whatever the input. */
export type ParsedText = {
  /** Distinct replies, in order of last appearance (at most MAX_REPLIES). */
  replies: ParsedReply[]
  /** The reply that ended the session: the last 4xx/5xx reply, else the last reply. */
  final: ParsedReply | null
  /** Enhanced status codes seen, in order of first appearance. */
  codes: string[]
  /** Basic reply codes seen, in order of first appearance. */
  basicCodes: number[]
  /** Phrase ids of the catalogue seen (catalogue order). */
  phrases: string[]
  /** Connection failures named in the text (FAILURE_KINDS order); any TLS failure adds `tls`. */
  failures: FailureKind[]
  /** TLS and certificate failures told apart (TLS_FAILURE_KINDS order). */
  tlsFailures: TlsFailureKind[]
  /** Providers whose signatures the text shows (catalogue order). */
  providers: string[]
  /** Lines read. */
  lines: number
}

/** A streaming parser: feed chunks of any size, then `end()`. */
export type TextParser = { push(chunk: string): void; end(): ParsedText }

/** Longest line examined as one unit; longer runs (binary junk, one-line HTML NDRs) are split. */
const MAX_LINE = 16 * 1024
/** Longest reply text kept. */
const MAX_TEXT = 512
/** Most distinct replies kept; past it only counts and the final reply are updated. */
const MAX_REPLIES = 500
/** Most distinct codes kept. */
const MAX_CODES = 200

/** Reply codes a server sends (RFC 5321 §4.2.3 and common extensions). A bare number is only a reply if listed. */
const BASIC_CODES = new Set([
  211, 214, 220, 221, 235, 250, 251, 252, 334, 354, 421, 432, 450, 451, 452, 454, 455, 500, 501, 502, 503,
  504, 530, 534, 535, 538, 541, 550, 551, 552, 553, 554, 555,
])

/**
 * A reply: a 3-digit code, then a space or dash, then optionally an RFC 3463 code. The character
 * before must not be a digit, dot or letter (so "port 587", "1.2.550" and "v550" are not replies).
 */
const REPLY_RE = /(?<![\w.])([2-5]\d\d)([ -])(?:([245])\.(\d{1,3})\.(\d{1,3})(?![\d.]))?/g
/** An enhanced code standing alone ("#5.7.60", "Status: 5.7.60"); counted only when the catalogue knows it. */
const ENHANCED_RE = /(?<![\w.])([245]\.\d{1,3}\.\d{1,3})(?![\d.]|\.\d)/g
const NEWLINE_RE = /\r\n|\n|\r/g
/** What may precede a bare basic code on its line: nothing, a transcript marker or a separator. */
const BARE_PREFIX_RE = /(?:^|[:'"<>;=([]|\bS|\bs)\s*$/

function trimText(s: string): string {
  let t = s.trim()
  if (t.length > MAX_TEXT) t = t.slice(0, MAX_TEXT)
  // NDRs quote the reply: "Remote server returned '550 5.7.60 …'"; drop the closing quote or bracket.
  t = t.replace(/['">]+$/, '')
  if (t.endsWith(')') && !t.includes('(')) t = t.slice(0, -1)
  return t.trim()
}

/**
 * Creates a streaming parser over a compiled catalogue (the rule bundle's `catalogue`). Memory
 * stays bounded: one partial line (≤ MAX_LINE) plus the bounded result sets, whatever is
 * pushed. Never throws on any string; a missing or malformed catalogue counts as empty.
 */
export function createTextParser(catalogue: Catalogue | CompiledCatalogue): TextParser {
  const cat = compileCatalogue(catalogue)
  const hits = cat.newHits()
  const replies = new Map<string, ParsedReply & { seq: number }>()
  let seq = 0
  let final: ParsedReply | null = null
  let last: ParsedReply | null = null
  const codes = new Set<string>()
  const basicCodes = new Set<number>()
  let lines = 0
  let carry = ''
  // A multi-line reply being assembled ("535-…", "535 …").
  let pending: { code: number; enhanced?: string; text: string[] } | null = null

  function record(code: number, enhanced: string | undefined, text: string, line: number) {
    basicCodes.add(code)
    if (enhanced && codes.size < MAX_CODES) codes.add(enhanced)
    const key = `${code}|${enhanced ?? ''}|${text.toLowerCase()}`
    let r = replies.get(key)
    if (r) {
      r.count++
      r.line = line
      r.seq = ++seq
    } else {
      // Object literals of one fixed shape: spreads here cost more than the rest of the parse.
      r = enhanced
        ? { code, enhanced, text, count: 1, line, seq: ++seq }
        : { code, text, count: 1, line, seq: ++seq }
      if (replies.size < MAX_REPLIES) replies.set(key, r)
    }
    last = r
    if (code >= 400) final = r
  }

  function flushPending(line: number) {
    if (!pending) return
    record(pending.code, pending.enhanced, trimText(pending.text.join(' ')), line)
    pending = null
  }

  function line(raw: string) {
    lines++
    if (raw.length === 0) return
    cat.scanLine(raw, hits)

    let sawReply = false
    REPLY_RE.lastIndex = 0
    for (let m = REPLY_RE.exec(raw); m !== null; m = REPLY_RE.exec(raw)) {
      const code = Number(m[1])
      const cls = m[3]
      const enhanced = cls ? `${cls}.${Number(m[4])}.${Number(m[5])}` : undefined
      if (enhanced && cls !== m[1]![0]) continue // RFC 3463: the classes must agree
      if (!enhanced) {
        if (!BASIC_CODES.has(code)) continue
        if (!BARE_PREFIX_RE.test(raw.slice(Math.max(0, m.index - 12), m.index))) continue
        if (!/^[ -]?\S*[A-Za-z]/.test(raw.slice(m.index + 4, m.index + 24)) && m[2] === ' ') continue
      }
      const rest = raw.slice(REPLY_RE.lastIndex)
      const text = trimText(rest)
      sawReply = true
      if (m[2] === '-') {
        if (pending && pending.code !== code) flushPending(lines)
        pending ??= { code, text: [] }
        pending.enhanced ??= enhanced
        pending.text.push(text)
      } else {
        if (pending && pending.code === code) {
          pending.text.push(text)
          pending.enhanced ??= enhanced
          flushPending(lines)
        } else {
          flushPending(lines)
          record(code, enhanced, text, lines)
        }
      }
      break // one reply per line; the rest of the line is its text
    }
    if (!sawReply) flushPending(lines)

    ENHANCED_RE.lastIndex = 0
    for (let m = ENHANCED_RE.exec(raw); m !== null; m = ENHANCED_RE.exec(raw)) {
      const c = m[1]!
      if (codes.size < MAX_CODES && cat.knowsCode(c)) codes.add(c)
    }
  }

  function drain(final: boolean) {
    let start = 0
    for (;;) {
      NEWLINE_RE.lastIndex = start
      const nl = NEWLINE_RE.exec(carry)
      if (nl === null) break
      const end = nl.index
      // A chunk ending in CR may be half of a CRLF: wait for the next chunk.
      if (!final && end === carry.length - 1 && carry[end] === '\r') break
      line(carry.slice(start, end))
      start = end + (carry[end] === '\r' && carry[end + 1] === '\n' ? 2 : 1)
    }
    carry = carry.slice(start)
    while (carry.length > MAX_LINE) {
      line(carry.slice(0, MAX_LINE))
      carry = carry.slice(MAX_LINE)
    }
    if (final && carry.length > 0) {
      line(carry)
      carry = ''
    }
  }

  return {
    push(chunk: string) {
      if (typeof chunk !== 'string' || chunk.length === 0) return
      carry += chunk
      drain(false)
    },
    end(): ParsedText {
      drain(true)
      flushPending(lines)
      const ordered = [...replies.values()].sort((a, b) => a.seq - b.seq)
      const strip = (r: ParsedReply): ParsedReply =>
        r.enhanced === undefined
          ? { code: r.code, text: r.text, count: r.count, line: r.line }
          : { code: r.code, enhanced: r.enhanced, text: r.text, count: r.count, line: r.line }
      const endedWith: ParsedReply | null = final ?? last
      return {
        replies: ordered.map(strip),
        final: endedWith ? strip(endedWith) : null,
        codes: [...codes],
        basicCodes: [...basicCodes],
        ...cat.resultOf(hits),
        lines,
      }
    },
  }
}

/**
 * Extracts every SMTP reply, enhanced status code, catalogue phrase, connection and TLS
 * failure from any text — one reply, a transcript, a device log or an NDR, English or Czech.
 * Never throws; linear in the input; bounded memory.
 * @example parseText('535 5.7.3 Authentication unsuccessful', bundle.catalogue).final // { code: 535, enhanced: '5.7.3', … }
 */
export function parseText(text: string, catalogue: Catalogue | CompiledCatalogue): ParsedText {
  const p = createTextParser(catalogue)
  if (typeof text === 'string') p.push(text)
  return p.end()
}
