import { type FactName, getOperator, pathSegments, resolvePath } from './operators.js'
import type { Condition, LeafCondition } from './rule-schema.js'

/** The facts of one run, by name. */
export type FactBag = Readonly<Record<FactName, unknown>>
/** A compiled condition: synchronous, allocation-free, no cloning. */
export type Test = (facts: FactBag) => boolean

/** A fact reference as a condition value (`value: { fact, path }`), which json-rules-engine resolves. */
type FactRef = { fact: FactName; path?: string }
const isFactRef = (v: unknown): v is FactRef =>
  v !== null && typeof v === 'object' && Object.hasOwn(v as object, 'fact')

/**
 * Compiles json-rules-engine conditions into a function. Each leaf calls json-rules-engine's own
 * operator (the same instance its Engine uses), with the fact resolved by a plain dotted path.
 * Boolean semantics follow json-rules-engine: `all` = every child `=== true`, `any` = some,
 * `not` = negation; condition priorities only order evaluation, never change the result.
 * Throws on an unknown operator (the bundle build reports it first).
 */
export function compileCondition(c: Condition): Test {
  if ('all' in c) {
    const tests = c.all.map(compileCondition)
    if (tests.length === 1) return tests[0]!
    return (f) => {
      for (const t of tests) if (!t(f)) return false
      return true
    }
  }
  if ('any' in c) {
    const tests = c.any.map(compileCondition)
    if (tests.length === 1) return tests[0]!
    return (f) => {
      for (const t of tests) if (t(f)) return true
      return false
    }
  }
  if ('not' in c) {
    const t = compileCondition(c.not)
    return (f) => !t(f)
  }
  return compileLeaf(c)
}

function compileLeaf(c: LeafCondition): Test {
  const op = getOperator(c.operator)
  if (!op) throw new Error(`unknown operator "${c.operator}"`)
  const fact = c.fact
  const segs = pathSegments(c.path)
  const value = c.value
  if (isFactRef(value)) {
    const vSegs = pathSegments(value.path)
    const vFact = value.fact
    return (f) => op.evaluate(resolvePath(f[fact], segs), resolvePath(f[vFact], vSegs)) === true
  }
  return (f) => op.evaluate(resolvePath(f[fact], segs), value) === true
}

// ── trigger index ──────────────────────────────────────────────────────────────

/** A fact location the index reads at run time, e.g. `derived` + `$.codes`. */
export type TriggerPath = { fact: FactName; path: string }
/** One trigger: at `path`, a scalar equal to a value (`=`) or an array holding it (`∋`). */
export type Trigger = { fact: FactName; path: string; kind: '=' | '∋'; value: Scalar }
type Scalar = string | number | boolean | null

const isScalar = (v: unknown): v is Scalar =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'

/** Paths whose values are rare, so rules triggered by them are evaluated rarely. */
const SELECTIVE = new Set([
  'derived.codes',
  'derived.phrases',
  'derived.failures',
  'derived.tlsFailures',
  'derived.failurePorts',
  'derived.providers',
  'derived.finalCode',
  'derived.finalPhrases',
  'derived.basicCodes',
  'derived.probeErrorCode',
  'observed.symptoms',
])

function leafTriggers(c: LeafCondition): Trigger[] | null {
  const path = c.path ?? '$'
  const v = c.value
  switch (c.operator) {
    case 'equal':
      return isScalar(v) ? [{ fact: c.fact, path, kind: '=', value: v }] : null
    case 'in':
      return Array.isArray(v) && v.every(isScalar)
        ? v.map((x) => ({ fact: c.fact, path, kind: '=', value: x }))
        : null
    case 'contains':
      return isScalar(v) ? [{ fact: c.fact, path, kind: '∋', value: v }] : null
    case 'containsAny':
    case 'containsAll': {
      if (!Array.isArray(v) || v.length === 0 || !v.every(isScalar)) return null
      // containsAll needs every value, so any one of them is a sound trigger.
      const vals = c.operator === 'containsAll' ? [v[0] as Scalar] : (v as Scalar[])
      return vals.map((x) => ({ fact: c.fact, path, kind: '∋', value: x }))
    }
    default:
      return null
  }
}

const cost = (ts: Trigger[]) =>
  ts.reduce((n, t) => n + (SELECTIVE.has(`${t.fact}${t.path.slice(1)}`) ? 1 : 10), 0)

/**
 * Triggers such that the condition can only hold when the run's facts show at least one of them;
 * `null` when none can be proven (the rule is then evaluated on every run). Sound by construction:
 * `equal`/`in`/`contains`/`containsAny`/`containsAll` with literal values are false unless the fact
 * holds the value; `all` needs any one child, `any` needs every child indexed.
 */
export function extractTriggers(c: Condition): Trigger[] | null {
  if ('all' in c) {
    let best: Trigger[] | null = null
    for (const child of c.all) {
      const t = extractTriggers(child)
      if (t && (best === null || cost(t) < cost(best))) best = t
    }
    return best
  }
  if ('any' in c) {
    const out: Trigger[] = []
    for (const child of c.any) {
      const t = extractTriggers(child)
      if (!t) return null
      out.push(...t)
    }
    return out
  }
  if ('not' in c) return null
  return leafTriggers(c)
}
