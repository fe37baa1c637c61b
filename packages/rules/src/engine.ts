import type { Facts, Lang, ParsedText } from '@smtp-doctor/core'
import { bundle } from './bundle.js'
import { markCodeOnly } from './code-only.js'
import { compileCondition, extractTriggers, type FactBag, type Test, type Trigger } from './conditions.js'
import {
  type Analysis,
  analyze,
  type ClassifiedOption,
  type DerivedFacts,
  phrasesOfReply,
  type SeenReply,
} from './derived.js'
import { appliesToProvider, fallbackFindings, GENERIC_RULE_IDS, personalise } from './fallback.js'
import { helpUrl } from './help-url.js'
import { type FactName, pathSegments, resolvePath } from './operators.js'
import type { Condition, RuleFile, RuleOption, RuleSource, Severity } from './rule-schema.js'
import { fillCommands, type TemplateValues, templateValues } from './templates.js'

/** A rule as the engine, API, CLI and site read it: the rule file's data plus its help URLs. */
export type CompiledRule = RuleFile & { helpUrl: { readonly [L in Lang]: string } }

/** One thing found wrong (or worth knowing), localized, with the fix. */
export type Finding = {
  id: string
  /** The classified option when the rule is about it, else the rule's only option, else `any`. */
  option: RuleOption
  severity: Severity
  /** Enhanced status codes the rule answers, e.g. `5.7.60`. */
  codes: string[]
  title: string
  symptom: string
  cause: string
  /** Steps in order (markdown). */
  steps: string[]
  /** PowerShell commands, copyable as they stand. */
  commands: string[]
  warnings: string[]
  sources: RuleSource[]
  /** Ids of related rules. */
  related: string[]
  /** The rule's page on the docs site, e.g. `/en/rules/send-as-denied/`. */
  docs: string
  /**
   * `code`: the finding answers only a bare enhanced code that several findings share (the reply's
   * text was missing or unreadable); its `symptom` says what its whole reply looks like.
   */
  match?: 'code'
}

type Entry = {
  rule: CompiledRule
  order: number
  test: Test
  /** Conditions read the device's settings (directly or through derived settings keys). */
  usesSettings: boolean
}

/** Derived keys that come from the device's settings. */
const SETTINGS_KEYS = new Set<keyof DerivedFacts>([
  'hostKind',
  'option',
  'port',
  'tls',
  'hasCredentials',
  'fromDiffersFromUser',
  'usernameIsAddress',
  'externalRecipients',
  'connector',
  'deviceMaxTls',
  'deviceTlsBelow12',
  'hostTooLongForField',
])

function readsSettings(c: Condition): boolean {
  if ('all' in c) return c.all.some(readsSettings)
  if ('any' in c) return c.any.some(readsSettings)
  if ('not' in c) return readsSettings(c.not)
  if (c.fact === 'settings') return true
  const key = pathSegments(c.path)[0]
  return c.fact === 'derived' && key !== undefined && SETTINGS_KEYS.has(key as keyof DerivedFacts)
}

/** Every rule, compiled once at load time, in bundle (id) order. */
export const rules: readonly CompiledRule[] = Object.freeze(
  bundle.rules.map((r) =>
    Object.freeze({ ...r, helpUrl: Object.freeze({ cs: helpUrl(r.id, 'cs'), en: helpUrl(r.id, 'en') }) }),
  ),
)

const entries: Entry[] = rules.map((rule, order) => ({
  rule,
  order,
  test: compileCondition(rule.when),
  usesSettings: readsSettings(rule.when),
}))

type Scalar = string | number | boolean | null
const isScalar = (v: unknown): v is Scalar =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'

/**
 * One place the index looks at run time, and which rules each value there wakes: `eq` when the
 * path holds the value itself, `has` when it holds an array with it. Map keys keep types apart.
 */
type IndexedPath = {
  fact: FactName
  segs: readonly string[]
  eq: Map<Scalar, number[]>
  has: Map<Scalar, number[]>
}
type TriggerIndex = { paths: IndexedPath[]; always: number[] }

function buildIndex(list: Entry[]): TriggerIndex {
  const paths = new Map<string, IndexedPath>()
  const always: number[] = []
  list.forEach((e, i) => {
    const triggers: Trigger[] | null = extractTriggers(e.rule.when)
    if (!triggers || triggers.length === 0) {
      always.push(i)
      return
    }
    for (const t of triggers) {
      const key = `${t.fact}${t.path}`
      let p = paths.get(key)
      if (!p) {
        p = { fact: t.fact, segs: pathSegments(t.path), eq: new Map(), has: new Map() }
        paths.set(key, p)
      }
      const m = t.kind === '=' ? p.eq : p.has
      const ids = m.get(t.value)
      if (!ids) m.set(t.value, [i])
      else if (ids[ids.length - 1] !== i) ids.push(i)
    }
  })
  return { paths: [...paths.values()], always }
}

const index = buildIndex(entries)

/** Rules the run's facts can possibly satisfy (indices into `entries`, ascending). */
function candidates(bag: FactBag): number[] {
  const mark = new Uint8Array(entries.length)
  for (const i of index.always) mark[i] = 1
  for (const p of index.paths) {
    const v = resolvePath(bag[p.fact], p.segs)
    if (Array.isArray(v)) {
      if (p.has.size === 0) continue
      for (const x of v) {
        if (!isScalar(x)) continue
        const ids = p.has.get(x)
        if (ids) for (const i of ids) mark[i] = 1
      }
    } else if (isScalar(v)) {
      const ids = p.eq.get(v)
      if (ids) for (const i of ids) mark[i] = 1
    }
  }
  const out: number[] = []
  for (let i = 0; i < mark.length; i++) if (mark[i]) out.push(i)
  return out
}

/** The facts json-rules-engine sees: the four inputs plus `derived`. */
export function factBag(facts: Facts, derived: DerivedFacts): FactBag {
  return {
    settings: facts.settings,
    tenant: facts.tenant,
    observed: facts.observed,
    probe: facts.probe,
    token: facts.token,
    derived,
  }
}

/** Ids of the rules that fire, in bundle order (no relevance ranking). For tests and the benchmark. */
export function firingRuleIds(bag: FactBag): string[] {
  const out: string[] = []
  for (const i of candidates(bag)) {
    const e = entries[i]!
    if (e.test(bag)) out.push(e.rule.id)
  }
  return out
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

type Ranked = { e: Entry; tier: number; score: number }

/**
 * How relevant a fired rule is: tier 0 answers the reply that ended the session (code worth 2,
 * each matching phrase 1), tier 1 answers an earlier reply (later ones first), tier 2 is about
 * settings, tenant or probe results.
 */
function rank(e: Entry, replies: SeenReply[], final: SeenReply | null): Ranked {
  const rule = e.rule
  if (final) {
    const s = answerScore(rule, final)
    if (s > 0) return { e, tier: 0, score: s }
  }
  for (let i = replies.length - 1; i >= 0; i--)
    if (answerScore(rule, replies[i]!) > 0) return { e, tier: 1, score: i }
  return { e, tier: 2, score: 0 }
}

/** How well a rule answers one reply: its code is worth 2, each of its phrases in the text 1. */
function answerScore(rule: CompiledRule, r: SeenReply): number {
  let s = r.enhanced !== undefined && rule.codes.includes(r.enhanced) ? 2 : 0
  if (rule.phrases.length > 0) for (const p of phrasesOfReply(r)) if (rule.phrases.includes(p)) s++
  return s
}

function compareRanked(a: Ranked, b: Ranked): number {
  return (
    a.tier - b.tier ||
    b.score - a.score ||
    SEVERITY_RANK[a.e.rule.severity] - SEVERITY_RANK[b.e.rule.severity] ||
    b.e.rule.priority - a.e.rule.priority ||
    a.e.order - b.e.order
  )
}

function findingOf(
  rule: CompiledRule,
  option: ClassifiedOption,
  lang: Lang,
  values: TemplateValues | (() => TemplateValues) = {},
): Finding {
  const m = rule.messages[lang]
  const opt: RuleOption = rule.options.includes(option as RuleOption)
    ? (option as RuleOption)
    : rule.options.length === 1
      ? rule.options[0]!
      : 'any'
  return {
    id: rule.id,
    option: opt,
    severity: rule.severity,
    codes: [...rule.codes],
    title: m.title,
    symptom: m.symptom,
    cause: m.cause,
    steps: [...m.steps],
    // Commands are templates: filled here, once, from the run's input (renderers never re-decide).
    commands: fillCommands(m.commands, values),
    warnings: [...m.warnings],
    sources: rule.sources.map((s) => ({ ...s })),
    related: [...rule.related],
    docs: rule.helpUrl[lang],
  }
}

/** One engine run over validated facts: derive, pick candidate rules, evaluate, rank, localize. */
export function run(
  facts: Facts,
  lang: Lang,
  opts: { parsed?: ParsedText; settingsOnly?: boolean } = {},
): { findings: Finding[]; analysis: Analysis } {
  const analysis = analyze(facts, opts.parsed)
  const bag = factBag(facts, analysis.derived)
  const provider = analysis.derived.finalProvider ?? 'unknown'
  const fired: Ranked[] = []
  for (const i of candidates(bag)) {
    const e = entries[i]!
    if (opts.settingsOnly && !e.usesSettings) continue
    // Generic findings come from the fallback; a rule for other providers' replies stays quiet on these.
    if (GENERIC_RULE_IDS.has(e.rule.id) || !appliesToProvider(e.rule, provider)) continue
    if (e.test(bag)) fired.push(rank(e, analysis.replies, analysis.final))
  }
  fired.sort(compareRanked)
  // The placeholder values, worked out only when a finding's commands have a placeholder to fill.
  let known: TemplateValues | undefined
  const values = () => {
    known ??= templateValues(facts, analysis.derived)
    return known
  }
  const findings = fired.map((r) =>
    personalise(
      findingOf(r.e.rule, analysis.derived.option, lang, values),
      analysis,
      bundle.statusCodes,
      lang,
    ),
  )
  if (!opts.settingsOnly)
    findings.push(
      ...fallbackFindings({
        analysis,
        fired: fired.map((r) => r.e.rule),
        rules,
        statusCodes: bundle.statusCodes,
        lang,
        findingOf: (rule) => findingOf(rule, analysis.derived.option, lang, values),
      }),
    )
  markCodeOnly(findings, analysis)
  return { findings, analysis }
}

/** How many rules the index sends to evaluation for these facts (benchmark/diagnostics). */
export function candidateCount(facts: Facts): number {
  return candidates(factBag(facts, analyze(facts).derived)).length
}
