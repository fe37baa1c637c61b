/**
 * Never silent. After the rules ran, the engine asks this module what to add so that every
 * failing reply, bare enhanced code and connection failure in the input gets at least one
 * finding:
 *
 * 1. a failing reply (4xx/5xx) or a bare enhanced code whose text names nothing a rule recognises
 *    (`535 5.7.139` alone, or its text in another language) gets, after the fired rules, the other
 *    rules that list its code — "what this code can mean", by priority;
 * 2. then, for the newest reply no fired rule answers (else the newest bare one), the generic
 *    `enhanced-status-code` finding, always last: class,
 *    subject and detail of the code (RFC 3463), Microsoft's meaning and page where Microsoft
 *    documents it, and the reply quoted;
 * 3. a connection or TLS failure that no fired rule answers gets the generic `connection-failed`;
 * 4. a refusal with nothing Microsoft's about it — no enhanced code (Exchange Online always sends
 *    one), or a 535 with a code or words Exchange Online never uses (its sign-in refusals say
 *    "Authentication unsuccessful") — gets `other-provider-reply`.
 *
 * The two generic rules are never evaluated like the others (the engine skips GENERIC_RULE_IDS);
 * their rule folders hold the frame text, src/status-codes/catalogue.yaml the meanings.
 */
import type { Lang, SmtpReply } from '@smtp-doctor/core'
import { printable } from '@smtp-doctor/core/redact'
import { type Analysis, phrasesOfReply } from './derived.js'
import type { CompiledRule, Finding } from './engine.js'
import type { Condition } from './rule-schema.js'
import { describeCode } from './status-codes/describe.js'
import type { CompiledStatusCodes, TemplateKey } from './status-codes/schema.js'

export const ENHANCED_STATUS_CODE = 'enhanced-status-code'
export const CONNECTION_FAILED = 'connection-failed'
const OTHER_PROVIDER = 'other-provider-reply'
/**
 * The enhanced codes Exchange Online puts on a 535 (sign-in refused): 5.7.3 and 5.7.139, and 5.7.30
 * for Basic authentication turned off (NDR table and the SMTP AUTH troubleshooting articles). A 535
 * with another code (`535 5.7.0 …`, `535 5.7.8 …`) came from another server.
 */
const MICROSOFT_535: ReadonlySet<string> = new Set(['5.7.3', '5.7.139', '5.7.30'])
/** Rules this module builds; the engine does not evaluate them itself. */
export const GENERIC_RULE_IDS: ReadonlySet<string> = new Set([ENHANCED_STATUS_CODE, CONNECTION_FAILED])

/** Providers whose replies Microsoft's meaning of a code applies to. */
const MICROSOFT_PROVIDERS = new Set(['microsoft-365', 'outlook-com', 'unknown'])
/** Rules apply to these providers when they name none. */
const DEFAULT_PROVIDERS = ['microsoft-365', 'unknown']
/** Derived keys whose use in a condition makes a rule an answer to a connection failure. */
const FAILURE_KEYS = new Set(['failures', 'tlsFailures', 'probeErrorCode', 'probeErrorStage'])
/** Most code-listed rules added for one unanswered reply. */
const MAX_CANDIDATES = 8
/** Longest reply quoted in a finding. */
const MAX_QUOTE = 300
const TITLE_MAX = 120

/** What the engine hands over after evaluating the rules. */
export type FallbackInput = {
  analysis: Analysis
  /** Rules that fired, in ranked order (generic rules excluded). */
  fired: readonly CompiledRule[]
  /** Every rule of the bundle. */
  rules: readonly CompiledRule[]
  statusCodes: CompiledStatusCodes
  lang: Lang
  /** The engine's own rule → finding (localised, option resolved). */
  findingOf: (rule: CompiledRule) => Finding
}

type Failing = { reply: SmtpReply | null; code: string | null; basic: number | null }

/** The parser inferred the basic code of a bare enhanced code (`5.7.139` → 550); the text never said it. */
const inferred = (r: SmtpReply): boolean => (r as { codeInferred?: boolean }).codeInferred === true

const CODE_RE = /^([245])\.\d{1,3}\.\d{1,3}$/

function providerOf(analysis: Analysis): string {
  return analysis.derived.finalProvider ?? 'unknown'
}

/**
 * The rule applies to replies from this provider: it lists the provider, or `any` (whoever
 * answered); a rule that names none applies to Microsoft 365's and unknown servers' replies.
 */
export function appliesToProvider(rule: Pick<CompiledRule, 'providers'>, provider: string): boolean {
  const p = rule.providers ?? DEFAULT_PROVIDERS
  return p.includes(provider) || p.includes('any')
}

function answersReply(rule: CompiledRule, r: Failing): boolean {
  if (r.code !== null && rule.codes.includes(r.code)) return true
  if (r.basic !== null && rule.basicCodes.includes(r.basic)) return true
  if (r.reply && rule.phrases.length > 0)
    for (const p of phrasesOfReply(r.reply)) if (rule.phrases.includes(p)) return true
  return false
}

function readsFailures(c: Condition): boolean {
  if ('all' in c) return c.all.some(readsFailures)
  if ('any' in c) return c.any.some(readsFailures)
  if ('not' in c) return readsFailures(c.not)
  const node = c
  if (node.fact !== 'derived' || typeof node.path !== 'string') return false
  return FAILURE_KEYS.has(node.path.replace(/^\$\./, '').split('.')[0] ?? '')
}

/** The rule cannot fire without an access token (every way through its conditions reads the token). */
function requiresToken(c: Condition): boolean {
  if ('all' in c) return c.all.some(requiresToken)
  if ('any' in c) return c.any.every(requiresToken)
  if ('not' in c) return false
  return (c.fact as string) === 'token' || (c.fact === 'derived' && /^\$\.token/.test(c.path ?? ''))
}

const failureRules = new WeakMap<CompiledRule, boolean>()
function answersFailures(rule: CompiledRule): boolean {
  let v = failureRules.get(rule)
  if (v === undefined) {
    v = readsFailures(rule.when)
    failureRules.set(rule, v)
  }
  return v
}

const failingCache = new WeakMap<Analysis, Failing[]>()

/**
 * Failing replies and bare codes, newest first, one per distinct code. Worked out once per
 * analysis (the fallback and the code-only marking both ask); treat the answer as read-only.
 */
export function failingOf(analysis: Analysis): Failing[] {
  let f = failingCache.get(analysis)
  if (!f) {
    f = failingOfUncached(analysis)
    failingCache.set(analysis, f)
  }
  return f
}

function failingOfUncached(analysis: Analysis): Failing[] {
  const out: Failing[] = []
  const seen = new Set<string>()
  const push = (f: Failing) => {
    const key = `${f.basic ?? ''}|${f.code ?? ''}`
    if (seen.has(key)) return
    seen.add(key)
    out.push(f)
  }
  const replies = [...analysis.replies]
  if (analysis.final && !replies.includes(analysis.final)) replies.push(analysis.final)
  for (let i = replies.length - 1; i >= 0; i--) {
    const r = replies[i]!
    if (r.code >= 400) push({ reply: r, code: r.enhanced ?? null, basic: inferred(r) ? null : r.code })
  }
  const inReplies = new Set(replies.map((r) => r.enhanced).filter((c) => c !== undefined))
  for (const c of analysis.derived.codes) {
    const m = CODE_RE.exec(c)
    if (m && m[1] !== '2' && !inReplies.has(c)) push({ reply: null, code: c, basic: null })
  }
  return out
}

const BRACKETS = /\[[^\]]*\]|\([^)]*\)|https?:\/\/\S+/g
const ASCII_WORD = /\b[a-z]{2,}\b/gi
const NON_ASCII_LETTER = /[^\u0000-\u007f]/
const DOTTED_ID = /[A-Za-z]{3,}\.[A-Za-z]{3,}/
/** Short English words that almost every English server text carries; their absence means another language. */
const ENGLISH_HINT =
  /\b(?:not|no|is|are|was|has|be|been|will|can|cannot|the|a|an|this|that|your|for|to|of|and|in|on|at|by|with|from|denied|fail\w*|error|invalid|unable|reject\w*|refus\w*|access|authenticat\w*|user|sender|recipient|mailbox|message|server|please|try|limit|exceed\w*|unsuccessful|block\w*|relay\w*|polic\w*|quota|temporar\w*|too|many|must|requir\w*|allow\w*|unknown|found|address|domain)\b/i

/**
 * A reply whose text says nothing we can read: no recognised phrase, and either (almost) no
 * words once server tags, parentheses and links are dropped, or words in another language.
 * Such a reply can only be judged by its code.
 */
export function isBare(r: SmtpReply): boolean {
  let b = bareCache.get(r)
  if (b === undefined) {
    b = isBareUncached(r)
    bareCache.set(r, b)
  }
  return b
}
const bareCache = new WeakMap<SmtpReply, boolean>()

function isBareUncached(r: SmtpReply): boolean {
  if (phrasesOfReply(r).length > 0) return false
  const rest = r.text.replace(BRACKETS, ' ')
  // Dotted identifiers (STOREDRV.Submission.Exception) are machine text, not another language.
  if (DOTTED_ID.test(rest)) return false
  if (NON_ASCII_LETTER.test(rest)) return true
  return (rest.match(ASCII_WORD)?.length ?? 0) < 2 || !ENGLISH_HINT.test(rest)
}

function fill(s: string, vars: Record<string, string>): string {
  return s.replace(/\{(\w+)\}/g, (all, k: string) => vars[k] ?? all)
}

function quote(r: Failing): string {
  const parts = r.reply
    ? [inferred(r.reply) ? '' : String(r.reply.code), r.reply.enhanced ?? '', r.reply.text]
    : [r.code ?? '']
  // The quoted reply goes to terminals and pages: no control or bidirectional-control characters.
  let q = printable(parts.filter((p) => p.length > 0).join(' '))
    .replace(/`/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
  if (q.length > MAX_QUOTE) q = `${q.slice(0, MAX_QUOTE - 1)}…`
  return q
}

function shorten(s: string, max: number): string {
  const head = s.split(' — ')[0]!
  return head.length <= max ? head : `${head.slice(0, max - 1)}…`
}

function genericReplyFinding(
  input: FallbackInput,
  rule: CompiledRule,
  r: Failing,
  others: Failing[],
): Finding {
  const { statusCodes: cat, lang } = input
  const t = (k: TemplateKey) => cat.templates[k][lang]
  const base = input.findingOf(rule)
  const provider = providerOf(input.analysis)
  const d = r.code ? describeCode(cat, r.code, lang) : null
  const microsoft = d?.microsoft !== undefined && MICROSOFT_PROVIDERS.has(provider) ? d.microsoft : undefined
  const basicMeaning = r.basic !== null ? cat.basic[String(r.basic)]?.[lang] : undefined
  const meaning = microsoft ?? d?.detail ?? d?.subject ?? basicMeaning ?? d?.class ?? ''
  const label = [r.basic, r.code].filter((x) => x !== null).join(' ')

  let cause: string
  if (d?.class) {
    const sentence = microsoft
      ? fill(t('replyMicrosoft'), { code: d.code, meaning: microsoft })
      : d.detail
        ? fill(t('replyMeaning'), { code: d.code, meaning: d.detail })
        : ''
    cause = fill(t('replyCause'), { class: d.class, subject: d.subject ?? '—', meaning: sentence }).trim()
  } else {
    cause = `${fill(t('basicOnly'), { basic: String(r.basic ?? ''), meaning: basicMeaning ?? '—' })}.`
    cause = cause.charAt(0).toUpperCase() + cause.slice(1)
  }

  const prefixLen = fill(t('replyTitle'), { code: label, meaning: '' }).length
  // A bare code (alone, or with a basic code the parser inferred) is not a whole reply.
  const onlyCode = r.reply === null || (inferred(r.reply) && r.reply.text.trim() === '')
  let symptom = fill(t(onlyCode ? 'codeSymptom' : 'replySymptom'), { reply: quote(r) })
  if (others.length > 0)
    symptom += ` ${fill(t('replyOthers'), { others: others.map((o) => `\`${quote(o)}\``).join(', ') })}`
  const page = d && microsoft ? d.page : undefined
  return {
    ...base,
    codes: r.code ? [r.code] : [],
    title: fill(t('replyTitle'), { code: label, meaning: shorten(meaning, TITLE_MAX - prefixLen) }),
    symptom,
    cause,
    steps: page ? [fill(t('replyPage'), { code: d!.code, page }), ...base.steps] : base.steps,
    sources: page
      ? [
          {
            title: `${cat.sources.microsoft.title}: ${d!.code}`,
            url: page,
            date: cat.sources.microsoft.date,
          },
          ...base.sources,
        ]
      : base.sources,
  }
}

function connectionFinding(input: FallbackInput, rule: CompiledRule): Finding {
  const { statusCodes: cat, lang, analysis } = input
  const t = (k: TemplateKey) => cat.templates[k][lang]
  const base = input.findingOf(rule)
  const kinds = analysis.derived.failures
  const meanings = kinds.map((k) => cat.failures[k]?.[lang]).filter((m): m is string => m !== undefined)
  const labels = meanings.map((m) => shorten(m, 60)).join('; ')
  // Where it failed: the host and port named on the failure line, else the device's port.
  const host = analysis.derived.failureHosts[0]
  const port = analysis.derived.failurePorts[0] ?? analysis.derived.port
  const target = host && port !== null ? `${host}:${port}` : port !== null ? `port ${port}` : (host ?? '')
  const where = target ? ` ${fill(t('connectionWhere'), { target: `\`${target.replace(/`/g, "'")}\`` })}` : ''
  const title = fill(t('connectionTitle'), { kinds: labels })
  return {
    ...base,
    title: title.length <= TITLE_MAX ? title : `${title.slice(0, TITLE_MAX - 1)}…`,
    symptom: fill(t('connectionSymptom'), { where, kinds: labels }),
    cause: `${meanings.map((m) => `${m.charAt(0).toUpperCase()}${m.slice(1)}.`).join(' ')} ${base.cause}`,
  }
}

/**
 * A fired finding made specific to this input: other-provider-reply names whose server answered.
 * Other findings come back unchanged.
 */
export function personalise(f: Finding, analysis: Analysis, cat: CompiledStatusCodes, lang: Lang): Finding {
  if (f.id !== OTHER_PROVIDER) return f
  const name = cat.providers[analysis.derived.finalProvider ?? '']?.[lang]
  return name ? { ...f, title: fill(cat.templates.providerTitle[lang], { provider: name }) } : f
}

/**
 * The findings to append after the fired rules, in order: code-listed rules for unanswered
 * bare replies, then the generic reply finding, then the generic connection finding. Never throws
 * for an analysis the engine produced.
 */
/** Per rule set: the rules by id and the rules listing each code, by priority (built once). */
type RuleIndex = { byId: Map<string, CompiledRule>; byCode: Map<string, CompiledRule[]> }
const ruleIndexes = new WeakMap<readonly CompiledRule[], RuleIndex>()
function indexOf(rules: readonly CompiledRule[]): RuleIndex {
  let ix = ruleIndexes.get(rules)
  if (!ix) {
    const byId = new Map(rules.map((r) => [r.id, r] as const))
    const byCode = new Map<string, CompiledRule[]>()
    for (const r of rules) {
      if (GENERIC_RULE_IDS.has(r.id)) continue
      for (const c of r.codes) {
        const list = byCode.get(c)
        if (list) list.push(r)
        else byCode.set(c, [r])
      }
    }
    for (const list of byCode.values())
      list.sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id))
    ix = { byId, byCode }
    ruleIndexes.set(rules, ix)
  }
  return ix
}

export function fallbackFindings(input: FallbackInput): Finding[] {
  const { analysis, fired, rules } = input
  const d = analysis.derived
  // Nothing failed and no code was seen: the common case, answered without further work.
  if (
    (analysis.final === null || analysis.final.code < 400) &&
    d.codes.length === 0 &&
    d.failures.length === 0
  )
    return []
  const ix = indexOf(rules)
  const provider = providerOf(analysis)
  const out: Finding[] = []
  const firedIds = new Set(fired.map((r) => r.id))
  const added = new Set<string>()

  const noToken = analysis.derived.tokenKind === null && analysis.derived.tokenAudience === null
  const failing = failingOf(analysis)
  const unanswered = failing.filter((f) => !fired.some((rule) => answersReply(rule, f)))
  // A reply that is only a code (or a code with text we cannot read) may mean any rule that lists it.
  // A code standing alone is bare unless a fired rule answers it through words of the same text
  // (Microsoft's "451 5.7.3 STARTTLS is required" mixes classes, so it reaches us as a lone 5.7.3).
  const phrasesSeen = analysis.derived.phrases
  const answeredInWords = (code: string) =>
    fired.some((r) => r.codes.includes(code) && r.phrases.some((p) => phrasesSeen.includes(p)))
  const bare = failing.filter(
    (f) => f.code !== null && (f.reply === null ? !answeredInWords(f.code) : isBare(f.reply)),
  )
  for (const f of bare) {
    if (f.code === null) continue
    const code = f.code
    const candidates = (ix.byCode.get(code) ?? [])
      .filter(
        (r) =>
          !firedIds.has(r.id) &&
          !added.has(r.id) &&
          appliesToProvider(r, provider) &&
          !(noToken && requiresToken(r.when)),
      )
      .slice(0, MAX_CANDIDATES)
    for (const r of candidates) {
      added.add(r.id)
      out.push(input.findingOf(r))
    }
  }
  const generic = ix.byId.get(ENHANCED_STATUS_CODE)
  const explain = unanswered[0] ?? bare[0]
  const conn = ix.byId.get(CONNECTION_FAILED)
  const connectionUnanswered =
    analysis.derived.failures.length > 0 &&
    !fired.some(answersFailures) &&
    !fired.some((rule) => failing.some((f) => f.reply !== null && answersReply(rule, f)))
  // A delivery report's Status: 4.4.1 next to "connect … timed out" is about the connection: say so first.
  if (conn && connectionUnanswered && (!explain || explain.reply === null))
    out.push(connectionFinding(input, conn))
  // Exchange Online always sends an enhanced code with a refusal; a reply without one, with
  // nothing Microsoft's in the text, came from another server.
  const other = ix.byId.get(OTHER_PROVIDER)
  if (
    other &&
    explain?.reply &&
    (explain.code === null ||
      (explain.reply.code === 535 &&
        (!MICROSOFT_535.has(explain.code) ||
          (phrasesOfReply(explain.reply).length === 0 && !isBare(explain.reply))))) &&
    !firedIds.has(OTHER_PROVIDER) &&
    provider === 'unknown' &&
    !analysis.derived.providers.includes('microsoft-365')
  )
    out.push(input.findingOf(other))
  if (generic && explain)
    out.push(
      genericReplyFinding(input, generic, explain, unanswered.filter((f) => f !== explain).slice(0, 3)),
    )
  return out
}
