import type { SmtpReply } from '../schema/common.js'
import { type Catalogue, type CompiledCatalogue, compileCatalogue } from './catalogue.js'
import { CURL_EXIT_FAILURES, G, GRAMMAR_FLAGS, SMTP_STATUS_NAMES } from './grammar.js'

// Plain constants: the hot loop reads them per line.
const G_PORT = G.PORT
const G_CURL = G.CURL
const G_RESPONSE_CODE = G.RESPONSE_CODE
const G_RESPONSE_WAS = G.RESPONSE_WAS
const G_STATUS_CODE = G.STATUS_CODE
const G_NAMES = G.NAMES
const G_MAIL_FROM = G.MAIL_FROM
const G_RCPT_TO = G.RCPT_TO
const G_PF_FROM = G.PF_FROM
const G_PF_TO = G.PF_TO
const G_MAILKIT_SSL = G.MAILKIT_SSL
const G_MAILKIT_SSL2 = G.MAILKIT_SSL2
/** Most lines of MailKit's SslHandshakeException help paragraph skipped. */
const MAX_BOILERPLATE = 24

import { FAILURE_KINDS, type FailureKind, TLS_FAILURE_KINDS, type TlsFailureKind } from './kinds.js'

/**
 * A reply found in text: the reply, how often it appeared and the (1-based) line of its last
 * appearance. `codeInferred`: the text showed only an enhanced code (`5.7.139` alone, .NET's
 * "The server response was: 5.7.57 …"), so `code` was taken from an SmtpStatusCode name on the
 * line or from the enhanced code's class (4 → 450, 5 → 550); such a guess is not in `basicCodes`.
 */
export type ParsedReply = SmtpReply & { count: number; line: number; codeInferred?: true }

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
  /** Every TCP port named (`host:25`, `port 587`, `port: 587`), in order of first appearance. */
  ports: number[]
  /** Ports named on a line that also names a connection or TLS failure (`connect ETIMEDOUT 52.101.8.44:25`). */
  failurePorts: number[]
  /** Hosts and IP addresses named with a port on such a failure line, lower case. */
  failureHosts: string[]
  /** The sender of the last `MAIL FROM:<…>` (or Postfix `from=<…>`) in the text, if any. */
  mailFrom: string | null
  /** Recipients of `RCPT TO:<…>` (or Postfix `to=<…>`), in order of first appearance. */
  rcptTo: string[]
  /** Lines read. */
  lines: number
}

/**
 * The parser's own memory, for tests that prove it stays bounded (no timing, no RSS): the
 * current and peak sizes of the partial line, the logical line being joined, and the
 * continuation text of a pending multi-line reply, in UTF-8 bytes (the carry in UTF-16 units).
 */
export type TextParserStats = {
  carryUnits: number
  peakCarryUnits: number
  heldBytes: number
  peakHeldBytes: number
  pendingBytes: number
  peakPendingBytes: number
}

/** A streaming parser: feed chunks of any size, then `end()`. */
export type TextParser = { push(chunk: string): void; end(): ParsedText; stats(): TextParserStats }

/** Longest physical line examined as one unit (UTF-16 units); longer runs are split. */
const MAX_LINE = 16 * 1024
/** Longest logical line (physical lines joined by continuation), in UTF-8 bytes. */
export const MAX_LOGICAL_BYTES = 16 * 1024
/** Most physical lines joined into one logical line. */
const MAX_JOINS = 8
/** Most continuation text kept for one multi-line reply (`550-…` lines), in UTF-8 bytes. */
export const MAX_PENDING_BYTES = 4 * 1024
/** Longest reply text kept. */
const MAX_TEXT = 512
/** Most distinct replies kept; past it only counts and the final reply are updated. */
const MAX_REPLIES = 500
/** Most distinct codes kept. */
const MAX_CODES = 200
/** Most ports and hosts kept. */
const MAX_PORTS = 32

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
/** An enhanced code standing alone ("#5.7.60", "Status: 5.7.60", "5.7.139"). */
const ENHANCED_RE = /(?<![\w.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.]|\.\d)/g
/** MailKit puts a colon after the code: "535: 5.7.3 Authentication unsuccessful". */
const COLON_REPLY_RE = /(?<![\w.])([2-5]\d\d): ([245]\.\d{1,3}\.\d{1,3})(?![\d.])/g
/** What may precede a bare basic code on its line: nothing, a transcript marker or a separator. */
const BARE_PREFIX_RE = /(?:^|[:'"`<>;=([]|\bS|\bs)\s*$/
/** What may precede an enhanced code that stands for a whole reply (no basic code on the line). */
const ENHANCED_PREFIX_RE = /(?:^|[:'"`<>;([#]|\bwas|\bS|\bs)\s*$/
/** DSN fields that carry a status code, not a reply: "Status: 5.7.1", "dsn=5.7.1". */
const DSN_FIELD_RE = /(?:\bstatus\s*[:=]|\bdsn\s*=)\s*$/i
/** A syslog or ISO timestamp, or a transcript marker, at a line's start: a new record, never a continuation. */
const RECORD_START_RE =
  /^(?:[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d|\d{4}-\d\d-\d\d|\[?\d\d:\d\d:\d\d|[SC]: |<<<|>>>|[<>] |[2-5]\d\d[ -])/
/** The host a failing connection was dialling, named in words (the host part is one bounded token). */
const CONNECT_TO_RE =
  /\bconnect(?:ing|ion)? to (?:host )?([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})\b/i
const HEADER_RE = /^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]/
const CAMEL_WORD_RE = /\b[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+\b/g
/** An address in angle brackets after MAIL FROM: / RCPT TO: / from= / to= (bounded, no spaces). */
const MAIL_FROM_RE = /(?:mail from:\s{0,3}|\bfrom=)<([^<>\s@]{1,64}@[A-Za-z0-9.-]{1,253})>/i
const RCPT_TO_RE = /(?:rcpt to:\s{0,3}|\bto=)<([^<>\s@]{1,64}@[A-Za-z0-9.-]{1,253})>/gi
/** Most recipients kept. */
const MAX_RCPT = 20

/** What may stand around a code that is alone on its line: whitespace, # ' " ( [ before; . ' " ) ] after. */
const LEADING = new Set([32, 9, 35, 39, 34, 40, 91])
const TRAILING = new Set([32, 9, 46, 39, 34, 41, 93])
const STATUS_NAME_CODES = new Map(Object.entries(SMTP_STATUS_NAMES))
/** Names that also mean other things (a Python SyntaxError): counted only after "StatusCode". */
const AMBIGUOUS_NAMES = new Set([
  'SyntaxError',
  'SystemStatus',
  'HelpMessage',
  'ServiceReady',
  'TransactionFailed',
])
/** Words before a dotted number that make it a version, not a status code. */
const VERSION_BEFORE_RE = /\b(?:version|ver|v|release|build|firmware|fw|os|kb)\s*[:=]?\s*$/i
/** An SMTP command a client sends: a transcript line, never a continuation of a reply. */
const COMMAND_RE = /^(?:helo|ehlo|mail from|rcpt to|data|quit|rset|auth|starttls|noop|vrfy)\b/i

/** Whether the line holds "NNN: D." (MailKit's "535: 5.7.3"); a charCode scan before any regex. */
function hasColonReply(line: string): boolean {
  for (let i = line.indexOf(': ', 3); i >= 0; i = line.indexOf(': ', i + 2)) {
    const d = line.charCodeAt(i + 2)
    if (d >= 50 && d <= 53 && line.charCodeAt(i + 3) === 46) {
      const a = line.charCodeAt(i - 3)
      if (a >= 50 && a <= 53) return true
    }
  }
  return false
}

/** An explicit error marker right before a code: `error="…`, `error: …`, `SMTP error: …`. */
const ERROR_MARKER_RE = /(?:\berror\s{0,2}[:=]\s{0,2}["']?|\bsmtp error:?\s{0,2})$/i
/** HTTP's reason phrases: a 4xx/5xx followed by one is an HTTP status, not an SMTP reply. */
const HTTP_REASON_RE =
  /^[ -]?\(?(?:bad request|unauthori[sz]ed|forbidden|not found|method not allowed|conflict|gone|too many requests|internal server error|not implemented|bad gateway|service unavailable|gateway time-?out)\b/i

/**
 * A 4xx/5xx reply code RFC 5321 does not list ("400 ERR.PARAM") still counts as a failing reply
 * right after an explicit error marker, unless the line is HTTP's (its reason phrases, or "HTTP").
 */
function afterErrorMarker(line: string, at: number, code: number): boolean {
  if (code < 400 || Math.floor(code / 10) % 10 > 5) return false
  if (!ERROR_MARKER_RE.test(line.slice(Math.max(0, at - 16), at))) return false
  if (HTTP_REASON_RE.test(line.slice(at + 3, at + 40))) return false
  return !/\bhttps?\/\d/i.test(line.slice(Math.max(0, at - 40), at))
}

/** UTF-8 length of a string (surrogate pairs count 4). */
export function utf8Bytes(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3
  }
  return n
}

/** A character that may end a port number: whitespace, end of line (NaN), or , ; ) ] ' " > / */
function isPortEnd(c: number): boolean {
  return (
    Number.isNaN(c) ||
    c === 32 ||
    c === 9 ||
    c === 44 ||
    c === 59 ||
    c === 41 ||
    c === 93 ||
    c === 39 ||
    c === 34 ||
    c === 62 ||
    c === 47
  )
}
/** A letter or digit (ASCII). */
function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
}
/** A character of a host name or IPv4 address: letters, digits, '.', '-'. */
function isHostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45
}
const TERMINAL = new Set([46, 33, 63, 41, 93, 39, 34, 62]) // . ! ? ) ] ' " >
/** The line ends a sentence or a quote (its last non-space character is terminal punctuation). */
function endsTerminal(s: string): boolean {
  let i = s.length - 1
  while (i >= 0 && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i--
  return i >= 0 && TERMINAL.has(s.charCodeAt(i))
}

const isClosing = (c: number) => c === 39 || c === 34 || c === 62 || c === 96 // ' " > `

/**
 * Trims a reply text in linear time: whitespace, a closing quote or bracket run an NDR wraps
 * around the reply, Postfix's "(in reply to … command)" and an unbalanced closing parenthesis.
 */
export function trimText(s: string): string {
  let t = s.length > MAX_TEXT * 4 ? s.slice(0, MAX_TEXT * 4) : s
  const paren = t.indexOf('(')
  const inReply = paren < 0 ? -1 : t.toLowerCase().indexOf('(in reply to ', paren)
  if (inReply >= 0) t = t.slice(0, inReply)
  t = t.trim()
  if (t.length > MAX_TEXT) t = t.slice(0, MAX_TEXT)
  let end = t.length
  while (end > 0 && isClosing(t.charCodeAt(end - 1))) end--
  // Unbalanced closing parentheses: the wrapper's, not the reply's ("status=bounced (… said: 550 …)").
  let open = 0
  for (let i = 0; i < end; i++) if (t.charCodeAt(i) === 40) open++
  let closeRun = 0
  while (end - closeRun > 0 && t.charCodeAt(end - closeRun - 1) === 41) closeRun++
  let closedInside = 0
  for (let i = 0; i < end - closeRun; i++) if (t.charCodeAt(i) === 41) closedInside++
  const unbalanced = Math.max(0, closeRun - Math.max(0, open - closedInside))
  end -= unbalanced
  while (end > 0 && isClosing(t.charCodeAt(end - 1))) end--
  return t.slice(0, end).trim()
}

/** Replaces Python's bytes repr `(535, b'5.7.3 …')` by `535 5.7.3 …` (escapes → spaces); linear. */
function unwrapPython(line: string): string {
  let out = ''
  let from = 0
  for (let i = line.indexOf('(', 0); i >= 0 && i < line.length; i = line.indexOf('(', i + 1)) {
    // "(535, b'" / "(535, '" / "(535,b\""
    const m = /^\(([2-5]\d\d),\s?b?(['"])/.exec(line.slice(i, i + 10))
    if (!m) continue
    const q = m[2]!
    const start = i + m[0].length
    let j = start
    while (j < line.length && !(line[j] === q && line[j - 1] !== '\\')) j++
    const body = line.slice(start, j).replace(/\\[rnt]/g, ' ')
    // Backquoted, so the reply's text ends where Python's bytes literal ended.
    out += `${line.slice(from, i)} \`${m[1]} ${body}\` `
    from = j < line.length ? j + 1 : j
    if (from < line.length && line[from] === ')') from++
    i = from - 1
  }
  return from === 0 ? line : out + line.slice(from)
}

/**
 * Creates a streaming parser over a compiled catalogue (the rule bundle's `catalogue`). Memory
 * stays bounded whatever is pushed: one partial line (≤ MAX_LINE units), one logical line being
 * joined (≤ MAX_LOGICAL_BYTES), one pending reply's text (≤ MAX_PENDING_BYTES) and the bounded
 * result sets. Never throws on any string; a missing or malformed catalogue counts as empty.
 */
export function createTextParser(catalogue: Catalogue | CompiledCatalogue): TextParser {
  const cat = compileCatalogue(catalogue)
  const hits = cat.newHits()
  const flags = new Uint8Array(GRAMMAR_FLAGS)
  const replies = new Map<string, ParsedReply & { seq: number }>()
  let seq = 0
  let final: ParsedReply | null = null
  let last: ParsedReply | null = null
  const codes = new Set<string>()
  const basicCodes = new Set<number>()
  const ports = new Set<number>()
  const failurePorts = new Set<number>()
  const failureHosts = new Set<string>()
  let mailFrom: string | null = null
  const rcptTo = new Set<string>()
  let lines = 0
  let carry = ''
  const st: TextParserStats = {
    carryUnits: 0,
    peakCarryUnits: 0,
    heldBytes: 0,
    peakHeldBytes: 0,
    pendingBytes: 0,
    peakPendingBytes: 0,
  }
  // A multi-line reply being assembled ("535-…", "535 …"); its text is capped at MAX_PENDING_BYTES.
  let pending: { code: number; enhanced?: string; text: string[] } | null = null
  // The logical line being joined from physical lines, and why it may continue.
  type Mode = 'header' | 'said' | 'quote' | 'reply' | null
  // `glued`: the same text with hard-cut words rejoined (no space where a line broke between two
  // letters or digits), when some break did; used when it reveals a phrase the spaced text does not.
  let held: {
    text: string
    glued: string | null
    bytes: number
    line: number
    mode: Mode
    joins: number
  } | null = null
  const gluedHits = cat.newHits()
  const spacedHits = cat.newHits()

  function addCode(c: string) {
    if (codes.size < MAX_CODES) codes.add(c)
  }

  function record(code: number, enhanced: string | undefined, text: string, line: number, inferred = false) {
    if (!inferred) basicCodes.add(code)
    if (enhanced) addCode(enhanced)
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
      if (inferred) r.codeInferred = true
      if (replies.size < MAX_REPLIES) replies.set(key, r)
    }
    last = r
    if (code >= 400) final = r
  }

  function flushPending(line: number) {
    if (!pending) return
    record(pending.code, pending.enhanced, trimText(pending.text.join(' ')), line)
    pending = null
    st.pendingBytes = 0
  }

  function pendingPush(text: string) {
    if (!pending || st.pendingBytes >= MAX_PENDING_BYTES) return
    const b = utf8Bytes(text) + 1
    if (st.pendingBytes + b > MAX_PENDING_BYTES) return
    pending.text.push(text)
    st.pendingBytes += b
    if (st.pendingBytes > st.peakPendingBytes) st.peakPendingBytes = st.pendingBytes
  }

  /** Text after a reply code: up to the matching quote when the reply was quoted, else the rest. */
  function replyText(line: string, codeAt: number, textAt: number): string {
    const q = line.charCodeAt(codeAt - 1)
    if (q === 39 || q === 34 || q === 96) {
      const close = line.indexOf(String.fromCharCode(q), textAt)
      if (close >= 0) return trimText(line.slice(textAt, close))
    }
    return trimText(line.slice(textAt))
  }

  /** Ports (and hosts) named on a line: `host:port`, `[ip]:port`, `host[ip]:port`, `port 587`, `port: 587`. */
  const found: number[] = []
  function findPorts(line: string, failure: boolean) {
    found.length = 0
    // host:port — found from each ':' by a bounded backward scan (linear: it stops at the previous ':').
    for (let i = line.indexOf(':'); i >= 0; i = line.indexOf(':', i + 1)) {
      let j = i + 1
      while (j < line.length && j - i <= 5 && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++
      if (j === i + 1) continue
      // After the digits: the end, a space or closing punctuation, or ": " (Postfix "…]:25: Connection timed out").
      if (
        j < line.length &&
        !isPortEnd(line.charCodeAt(j)) &&
        !(line.charCodeAt(j) === 58 && isPortEnd(line.charCodeAt(j + 1)))
      )
        continue
      const port = Number(line.slice(i + 1, j))
      let k = i
      let host = ''
      if (line[k - 1] === ']') {
        const open = line.lastIndexOf('[', k - 1)
        if (open < 0 || k - open > 48) continue
        host = line.slice(open + 1, k - 1)
        if (!/^[0-9a-fA-F:.]+$/.test(host) || (!host.includes(':') && !/^\d+\.\d+\.\d+\.\d+$/.test(host)))
          continue
      } else {
        while (k > 0 && i - k < 253 && isHostChar(line.charCodeAt(k - 1))) k--
        host = line.slice(k, i).replace(/^[.-]+/, '')
        const ipv4 = /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)
        const name = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z][A-Za-z0-9-]*$/.test(host)
        if (!ipv4 && !name) continue
      }
      if (port < 1 || port > 65535) continue
      found.push(port)
      if (failure && failureHosts.size < MAX_PORTS) failureHosts.add(host.toLowerCase())
    }
    // "port 587", "port: 587", "port=587", "-Port 587", "\"port\": 587", "on port 25".
    if (flags[G_PORT]) {
      const lower = line.toLowerCase()
      for (let i = lower.indexOf('port'); i >= 0; i = lower.indexOf('port', i + 4)) {
        const before = line[i - 1]
        // "report 25" is not a port; "smtpPort: 587" (camel case) is.
        if (before !== undefined && /[A-Za-z]/.test(before) && !(line[i] === 'P' && /[a-z]/.test(before)))
          continue
        let j = i + 4
        let skipped = 0
        while (j < line.length && skipped < 4 && /[\s:="'#]/.test(line[j]!)) {
          j++
          skipped++
        }
        const m = /^\d{1,5}(?![\d.]|\.\d)/.exec(line.slice(j, j + 6))
        if (!m) continue
        const port = Number(m[0])
        if (port >= 1 && port <= 65535) found.push(port)
      }
    }
    for (const p of found) {
      if (ports.size < MAX_PORTS) ports.add(p)
      if (failure && failurePorts.size < MAX_PORTS) failurePorts.add(p)
    }
  }

  /** The reply code an SmtpStatusCode name on the line stands for (first one), recorded as a basic code. */
  function statusNameCode(line: string): number | undefined {
    let first: number | undefined
    CAMEL_WORD_RE.lastIndex = 0
    for (let m = CAMEL_WORD_RE.exec(line); m !== null; m = CAMEL_WORD_RE.exec(line)) {
      const code = STATUS_NAME_CODES.get(m[0])
      if (code === undefined || (AMBIGUOUS_NAMES.has(m[0]) && !flags[G_STATUS_CODE])) continue
      basicCodes.add(code)
      first ??= code
    }
    return first
  }

  /** One logical line: unwrap, scan against the catalogue, extract replies, codes and ports. */
  /** Whether the glued form reveals a phrase the spaced form does not (the break cut a word). */
  function gluedRevealsMore(spaced: string, glued: string): boolean {
    spacedHits.fill(0)
    gluedHits.fill(0)
    cat.scanLine(spaced, spacedHits)
    cat.scanLine(glued, gluedHits)
    for (let i = 0; i < gluedHits.length; i++) if (gluedHits[i] === 1 && spacedHits[i] !== 1) return true
    return false
  }

  // MailKit's SslHandshakeException prints a fixed help paragraph naming every possible cause
  // (self-signed, missing root, CRL server, expired, wrong port, protocols): wrapper text, not
  // evidence. It is skipped from "This usually means that the SSL certificate…" to "…for possible
  // solutions."; the inner exception that follows (the real cause) is read as usual.
  let mailkitArmed = 0
  let boilerplate = 0

  function logical(text: string, lineNo: number, glued: string | null = null) {
    if (boilerplate > 0) {
      boilerplate--
      if (text.includes('possible solutions')) boilerplate = 0
      return
    }
    if (mailkitArmed > 0) {
      mailkitArmed--
      if (text.includes('usually means that the SSL certificate presented by the server')) {
        boilerplate = text.includes('possible solutions') ? 0 : MAX_BOILERPLATE
        return
      }
    }
    const raw = glued !== null && gluedRevealsMore(text, glued) ? glued : text
    flags.fill(0)
    const failure0 = cat.scanLine(raw, hits, flags)
    let line = raw
    if (line.indexOf('(') >= 0) line = unwrapPython(line)
    if (hasColonReply(line)) line = line.replace(COLON_REPLY_RE, '$1 $2')
    let failure = failure0
    if (flags[G_CURL]) {
      const m = /curl: \((\d{1,3})\)/.exec(line)
      const f = m ? CURL_EXIT_FAILURES[Number(m[1])] : undefined
      if (f) {
        hits[cat.failureBase + FAILURE_KINDS.indexOf(f.failure)] = 1
        if (f.tls) hits[cat.tlsBase + TLS_FAILURE_KINDS.indexOf(f.tls)] = 1
        failure = true
      }
    }
    if (line.indexOf(':') >= 0 || flags[G_PORT]) findPorts(line, failure)
    // "cannot connect to smtp.office365.com, port 587", "Failed to connect to x.example port 25".
    if (failure && failureHosts.size < MAX_PORTS) {
      const m = CONNECT_TO_RE.exec(line.length > 4096 ? line.slice(0, 4096) : line)
      if (m) failureHosts.add(m[1]!.toLowerCase())
    }
    let nameCode: number | undefined
    if (flags[G_NAMES]) nameCode = statusNameCode(line)
    if (flags[G_MAILKIT_SSL] || flags[G_MAILKIT_SSL2]) mailkitArmed = 4
    if (flags[G_MAIL_FROM] || flags[G_PF_FROM]) {
      const m = MAIL_FROM_RE.exec(line)
      if (m) mailFrom = m[1]!
    }
    if ((flags[G_RCPT_TO] || flags[G_PF_TO]) && rcptTo.size < MAX_RCPT) {
      RCPT_TO_RE.lastIndex = 0
      for (let m = RCPT_TO_RE.exec(line); m !== null && rcptTo.size < MAX_RCPT; m = RCPT_TO_RE.exec(line))
        rcptTo.add(m[1]!)
    }
    if (flags[G_RESPONSE_CODE]) {
      const m = /responseCode["']?\s*[:=]\s*([2-5]\d\d)(?!\d)/i.exec(line)
      if (m && BASIC_CODES.has(Number(m[1]))) basicCodes.add(Number(m[1]))
    }

    let sawReply = false
    // modeOf may have run REPLY_RE on this very string already: start from its match.
    let first: RegExpExecArray | null
    if (line === modeText && modeMatch !== undefined) {
      first = modeMatch
      REPLY_RE.lastIndex = first ? first.index + first[0].length : line.length
    } else {
      REPLY_RE.lastIndex = 0
      first = REPLY_RE.exec(line)
    }
    modeText = null
    let replyEnd = 0
    for (let m = first; m !== null; m = REPLY_RE.exec(line)) {
      const code = Number(m[1])
      const cls = m[3]
      let enhanced = cls ? `${cls}.${Number(m[4])}.${Number(m[5])}` : undefined
      // RFC 3463 wants the classes to agree, but Microsoft 365 sends "451 5.7.3 STARTTLS is required":
      // a 4xx/5xx mix is kept as sent; an enhanced code on a 2xx/3xx reply is not one.
      const b = m[1]![0]
      if (enhanced && cls !== b && !((cls === '4' || cls === '5') && (b === '4' || b === '5')))
        enhanced = undefined
      if (!cls) {
        if (!BASIC_CODES.has(code) && !afterErrorMarker(line, m.index, code)) continue
        if (!BARE_PREFIX_RE.test(line.slice(Math.max(0, m.index - 12), m.index))) continue
        if (!/^[ -]?\S*[A-Za-z]/.test(line.slice(m.index + 4, m.index + 24)) && m[2] === ' ') continue
      }
      // A dropped enhanced code stays in the text.
      const textAt = cls && !enhanced ? m.index + 4 : REPLY_RE.lastIndex
      sawReply = true
      // A pending reply whose text is full takes no more: skip trimming text that would be dropped.
      const full = (c: number) =>
        pending !== null && pending.code === c && st.pendingBytes >= MAX_PENDING_BYTES
      if (m[2] === '-') {
        if (pending && pending.code !== code) flushPending(lineNo)
        if (!pending) {
          pending = { code, text: [] }
          st.pendingBytes = 0
        }
        pending.enhanced ??= enhanced
        if (!full(code)) pendingPush(replyText(line, m.index, textAt))
      } else if (pending && pending.code === code) {
        if (!full(code)) pendingPush(replyText(line, m.index, textAt))
        pending.enhanced ??= enhanced
        flushPending(lineNo)
      } else {
        flushPending(lineNo)
        record(code, enhanced, replyText(line, m.index, textAt), lineNo)
      }
      replyEnd = textAt
      break // one reply per line; the rest of the line is its text
    }
    if (!sawReply) flushPending(lineNo)

    // The reply's own enhanced code is recorded already; look for others after it.
    ENHANCED_RE.lastIndex = replyEnd
    let leadEnd = -1
    let trailStart = 0
    for (let m = ENHANCED_RE.exec(line); m !== null; m = ENHANCED_RE.exec(line)) {
      const c = `${m[1]}.${Number(m[2])}.${Number(m[3])}`
      const before = line.slice(Math.max(0, m.index - 16), m.index)
      const dsnField = DSN_FIELD_RE.test(before)
      if (VERSION_BEFORE_RE.test(before)) continue
      // Alone: only opening punctuation before it and closing punctuation after it (bounds found once per line).
      if (leadEnd < 0) {
        leadEnd = 0
        while (leadEnd < line.length && LEADING.has(line.charCodeAt(leadEnd))) leadEnd++
        trailStart = line.length
        while (trailStart > 0 && TRAILING.has(line.charCodeAt(trailStart - 1))) trailStart--
      }
      const alone = m.index <= leadEnd && m.index + m[0].length >= trailStart
      if (dsnField || alone || before.endsWith('#') || cat.knowsCode(c)) addCode(c)
      if (sawReply || dsnField) continue
      // An enhanced code standing for the whole reply: no basic code on the line, and it stands
      // alone ("5.7.139") or leads a message ("…server response was: 5.7.57 Client not authenticated…").
      const textAt = m.index + m[0].length
      const leads = ENHANCED_PREFIX_RE.test(before) && /^[ :]+[A-Za-z]/.test(line.slice(textAt, textAt + 8))
      if (alone || (leads && (flags[G_RESPONSE_WAS] || cat.knowsCode(c) || /[:'"]\s*$/.test(before)))) {
        addCode(c)
        const cls = Number(m[1])
        const code = nameCode !== undefined && Math.floor(nameCode / 100) === cls ? nameCode : cls * 100 + 50
        record(code, c, alone ? '' : replyText(line, m.index, textAt), lineNo, code !== nameCode)
        sawReply = true
      }
    }
  }

  /** The last string modeOf ran REPLY_RE on, and its first match (reused by logical). */
  let modeText: string | null = null
  let modeMatch: RegExpExecArray | null | undefined
  /** Why a logical line may continue on the next physical line. */
  function modeOf(text: string): Mode {
    const ret = text.indexOf("eturned '")
    if (ret >= 0 && text.indexOf("'", ret + 9) < 0) return 'quote'
    const said = text.indexOf('said: ')
    if (said >= 0 && !/in reply to/i.test(text.slice(said))) return 'said'
    if (HEADER_RE.test(text)) return 'header'
    if (endsTerminal(text)) return null
    REPLY_RE.lastIndex = 0
    const m = REPLY_RE.exec(text)
    modeText = text
    modeMatch = m
    return m && m[1]![0] !== '2' && m[1]![0] !== '3' ? 'reply' : null
  }

  /** Whether the physical line `p` continues the held logical line. */
  function continues(h: NonNullable<typeof held>, p: string, pBytes: number): boolean {
    if (h.mode === null || h.joins >= MAX_JOINS || h.bytes + pBytes + 1 > MAX_LOGICAL_BYTES) return false
    const t = p.trimStart()
    if (t.length === 0 || RECORD_START_RE.test(t)) return false
    const indented = t.length < p.length
    switch (h.mode) {
      case 'header':
        return indented
      case 'said':
      case 'quote':
        return indented || !HEADER_RE.test(t)
      case 'reply':
        return !COMMAND_RE.test(t) && (/^[a-z(]/.test(t) || (indented && /^[a-z(\d]/i.test(t)))
    }
  }

  function flushHeld() {
    if (!held) return
    const h = held
    held = null
    st.heldBytes = 0
    logical(h.text, h.line, h.glued)
  }

  function physical(raw: string) {
    lines++
    // UTF-8 bytes, counted only for lines that may be joined (most lines never are).
    const bytes = held !== null ? utf8Bytes(raw) : 0
    if (held && continues(held, raw, bytes)) {
      const t = raw.trim()
      // A break between two letters or digits, the next line not indented: maybe a word cut by a fixed-width wrap.
      const cut =
        t.length === raw.length &&
        isAlnum(held.text.charCodeAt(held.text.length - 1)) &&
        isAlnum(t.charCodeAt(0))
      if (cut || held.glued !== null) held.glued = (held.glued ?? held.text) + (cut ? t : ` ${t}`)
      held.text += ` ${t}`
      held.bytes += bytes + 1
      held.line = lines
      held.joins++
      // A quote or a Postfix "(in reply to …)" that closes ends the reason to continue.
      if (held.mode === 'quote' && t.includes("'")) held.mode = null
      else if (held.mode === 'said' && /in reply to/i.test(t)) held.mode = null
      else if (held.mode === 'reply') held.mode = endsTerminal(t) ? null : 'reply'
    } else {
      flushHeld()
      if (raw.length === 0) return
      const mode = modeOf(raw)
      const rawBytes = mode === null ? 0 : utf8Bytes(raw)
      // Nothing to join, or already at the cap: the line stands alone.
      if (mode === null || rawBytes > MAX_LOGICAL_BYTES) {
        logical(raw, lines)
        return
      }
      held = { text: raw, glued: null, bytes: rawBytes, line: lines, mode, joins: 0 }
    }
    st.heldBytes = held.bytes
    if (st.heldBytes > st.peakHeldBytes) st.peakHeldBytes = st.heldBytes
  }

  function drain(final: boolean) {
    let start = 0
    // The next LF and CR at or after `start` (-1: none), found with indexOf instead of a regex per line.
    let lf = carry.indexOf('\n')
    let cr = carry.indexOf('\r')
    for (;;) {
      if (lf >= 0 && lf < start) lf = carry.indexOf('\n', start)
      if (cr >= 0 && cr < start) cr = carry.indexOf('\r', start)
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr)
      if (end < 0) break
      // A chunk ending in CR may be half of a CRLF: wait for the next chunk.
      if (!final && end === carry.length - 1 && carry.charCodeAt(end) === 13) break
      physical(carry.slice(start, end))
      start = end + (carry.charCodeAt(end) === 13 && carry.charCodeAt(end + 1) === 10 ? 2 : 1)
    }
    carry = carry.slice(start)
    while (carry.length > MAX_LINE) {
      physical(carry.slice(0, MAX_LINE))
      carry = carry.slice(MAX_LINE)
    }
    if (final && carry.length > 0) {
      physical(carry)
      carry = ''
    }
    st.carryUnits = carry.length
  }

  return {
    push(chunk: string) {
      if (typeof chunk !== 'string' || chunk.length === 0) return
      // Slices keep the carry bounded: never more than MAX_LINE plus one slice.
      for (let i = 0; i < chunk.length; i += MAX_LINE) {
        carry += i === 0 && chunk.length <= MAX_LINE ? chunk : chunk.slice(i, i + MAX_LINE)
        if (carry.length > st.peakCarryUnits) st.peakCarryUnits = carry.length
        drain(false)
      }
    },
    end(): ParsedText {
      drain(true)
      flushHeld()
      flushPending(lines)
      const ordered = [...replies.values()].sort((a, b) => a.seq - b.seq)
      const strip = (r: ParsedReply): ParsedReply => {
        const o: ParsedReply =
          r.enhanced === undefined
            ? { code: r.code, text: r.text, count: r.count, line: r.line }
            : { code: r.code, enhanced: r.enhanced, text: r.text, count: r.count, line: r.line }
        if (r.codeInferred) o.codeInferred = true
        return o
      }
      const endedWith: ParsedReply | null = final ?? last
      return {
        replies: ordered.map(strip),
        final: endedWith ? strip(endedWith) : null,
        codes: [...codes],
        basicCodes: [...basicCodes],
        ...cat.resultOf(hits),
        ports: [...ports],
        failurePorts: [...failurePorts],
        failureHosts: [...failureHosts],
        mailFrom,
        rcptTo: [...rcptTo],
        lines,
      }
    },
    stats: () => ({ ...st }),
  }
}

/**
 * Extracts every SMTP reply, enhanced status code, catalogue phrase, connection and TLS
 * failure and named port from any text — one reply, a transcript, a device log, a library's
 * exception or an NDR, English or Czech. Never throws; linear in the input; bounded memory.
 * @example parseText('535 5.7.3 Authentication unsuccessful', bundle.catalogue).final // { code: 535, enhanced: '5.7.3', … }
 */
export function parseText(text: string, catalogue: Catalogue | CompiledCatalogue): ParsedText {
  const p = createTextParser(catalogue)
  if (typeof text === 'string') p.push(text)
  return p.end()
}
