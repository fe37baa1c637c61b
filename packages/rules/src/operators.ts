import { Engine, type EngineOptions, Operator, type RuleProperties } from 'json-rules-engine'

/** The fact names rules may use. */
export const FACT_NAMES = ['settings', 'tenant', 'observed', 'probe', 'token', 'derived'] as const
export type FactName = (typeof FACT_NAMES)[number]

/**
 * Operators added to json-rules-engine's own (equal, notEqual, in, notIn, contains,
 * doesNotContain, lessThan…, and the `not:` / `someFact:` … decorators). Both the fast engine
 * and the reference engine register exactly these, so their semantics cannot drift.
 */
const CUSTOM_OPERATORS: readonly Operator[] = [
  /** The fact array holds at least one of the values. */
  new Operator<unknown[], unknown[]>(
    'containsAny',
    (a, b) => Array.isArray(b) && b.some((v) => a.includes(v)),
    Array.isArray,
  ),
  /** The fact array holds every one of the values. */
  new Operator<unknown[], unknown[]>(
    'containsAll',
    (a, b) => Array.isArray(b) && b.every((v) => a.includes(v)),
    Array.isArray,
  ),
]

/** Operators whose `value` must be an array. */
export const ARRAY_VALUE_OPERATORS = new Set(['in', 'notIn', 'containsAny', 'containsAll'])

const pathCache = new Map<string, readonly string[]>()

/** `$.a.b` → `['a', 'b']` (cached; paths come from rule files, so the cache stays small). */
export function pathSegments(path: string | undefined): readonly string[] {
  if (!path || path === '$') return []
  let segs = pathCache.get(path)
  if (!segs) {
    segs = path.startsWith('$.') ? path.slice(2).split('.') : path.split('.')
    if (pathCache.size < 10_000) pathCache.set(path, segs)
  }
  return segs
}

/**
 * Resolves a plain dotted path in a fact value without JSONPath. Matches json-rules-engine:
 * a fact that is not an object is returned as it is; a missing step gives `undefined`.
 */
export function resolvePath(value: unknown, segs: readonly string[]): unknown {
  if (value === null || typeof value !== 'object') return value
  let cur: unknown = value
  for (const seg of segs) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined
    cur = (cur as Record<string, unknown>)[seg]
  }
  return cur
}

/** json-rules-engine's `pathResolver` option over plain dotted paths. */
export const pathResolver = (value: object, path: string): unknown => resolvePath(value, pathSegments(path))

/** What the fast engine needs of a json-rules-engine operator. */
export type OperatorLike = { name: string; evaluate(factValue: unknown, jsonValue: unknown): boolean }
type OperatorMapLike = { get(name: string): OperatorLike | null }

/**
 * A json-rules-engine Engine with our operators and options. `plain` leaves the default
 * JSONPath resolver in place (the benchmark's baseline); otherwise paths resolve without JSONPath.
 */
export function createJsonRulesEngine(rules: RuleProperties[] = [], plain = false): Engine {
  const options: EngineOptions = { allowUndefinedFacts: true }
  if (!plain) options.pathResolver = pathResolver
  const engine = new Engine(rules, options)
  for (const op of CUSTOM_OPERATORS) engine.addOperator(op)
  return engine
}

let shared: OperatorMapLike | null = null

/** json-rules-engine's operator map (with our operators): the evaluator of every leaf condition. */
export function operatorMap(): OperatorMapLike {
  if (!shared) shared = (createJsonRulesEngine() as unknown as { operators: OperatorMapLike }).operators
  return shared
}

/** The operator for a name (decorators included, e.g. `not:contains`), or null when unknown. */
export function getOperator(name: string): OperatorLike | null {
  return operatorMap().get(name) ?? null
}
