import { DeviceSettings, Observed, ProbeFacts, Tenant, Token } from '@smtp-doctor/core'
import type { z } from 'zod'
import { DERIVED_VALUES, type DerivedFacts } from './derived-vocabulary.js'
import { ARRAY_VALUE_OPERATORS, type FactName, getOperator, pathSegments } from './operators.js'
import type { Condition, LeafCondition, RuleFile } from './rule-schema.js'

const FACT_SCHEMAS: Record<Exclude<FactName, 'derived'>, z.ZodType> = {
  settings: DeviceSettings,
  tenant: Tenant,
  observed: Observed,
  probe: ProbeFacts,
  token: Token,
}

type Def = {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  element?: z.ZodType
  valueType?: z.ZodType
  options?: z.ZodType[]
  in?: z.ZodType
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def

/** Whether a dotted path exists in a zod schema (objects, optionals, arrays by index, records, unions). */
function schemaHasPath(schema: z.ZodType, segs: readonly string[]): boolean {
  if (segs.length === 0) return true
  const def = defOf(schema)
  const [head, ...rest] = segs as [string, ...string[]]
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
      return schemaHasPath(def.innerType!, segs)
    case 'pipe':
      return schemaHasPath(def.in!, segs)
    case 'object':
      return (
        def.shape !== undefined && Object.hasOwn(def.shape, head) && schemaHasPath(def.shape[head]!, rest)
      )
    case 'array':
      return (
        (/^\d+$/.test(head) && schemaHasPath(def.element!, rest)) || (head === 'length' && rest.length === 0)
      )
    case 'record':
      return schemaHasPath(def.valueType!, rest)
    case 'union':
      return (def.options ?? []).some((o) => schemaHasPath(o, segs))
    default:
      return false
  }
}

function leaves(c: Condition, out: LeafCondition[] = []): LeafCondition[] {
  if ('all' in c) for (const x of c.all) leaves(x, out)
  else if ('any' in c) for (const x of c.any) leaves(x, out)
  else if ('not' in c) leaves(c.not, out)
  else out.push(c)
  return out
}

/** Operators whose value(s) are compared with the fact's value(s), so the value must be one it can take. */
const VALUE_CHECKED = new Set([
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'containsAny',
  'containsAll',
])
const ENHANCED = /^[245]\.\d{1,3}\.\d{1,3}$/

/**
 * Problems with one rule's conditions that the zod schema cannot see: unknown operators, paths
 * that do not exist in the fact schema or the derived fact, values a derived key never takes
 * (a typo there would make the rule silently never fire), list operators without a list.
 */
/** What the whole rule set defines, for checks across rules (the build passes it). */
export type RuleSetContext = {
  /** Phrase ids some rule's `recognise` defines. */
  phrases: ReadonlySet<string>
  /** Provider ids: `microsoft-365`, `unknown`, `any` and those with signatures. */
  providers: ReadonlySet<string>
}

/** The context of a compiled catalogue: its phrase ids, and its providers plus the two built in. */
export function ruleSetContext(c: {
  phrases: readonly string[]
  providers: readonly string[]
}): RuleSetContext {
  return {
    phrases: new Set(c.phrases),
    // `any`: the rule applies whoever answered (client-side problems, the generic findings).
    providers: new Set(['microsoft-365', 'unknown', 'any', ...c.providers]),
  }
}

/** Derived keys whose values are ids the rule set defines (checked against RuleSetContext). */
const CONTEXT_KEYS: Record<string, keyof RuleSetContext> = {
  phrases: 'phrases',
  finalPhrases: 'phrases',
  providers: 'providers',
  finalProvider: 'providers',
}

export function checkRule(rule: RuleFile, ctx?: RuleSetContext): string[] {
  const problems: string[] = []
  if (ctx) {
    rule.phrases.forEach((p, i) => {
      if (!ctx.phrases.has(p))
        problems.push(`phrases[${i}]: phrase "${p}" is not defined in any rule's recognise`)
    })
    for (const [i, p] of (rule.providers ?? []).entries())
      if (!ctx.providers.has(p))
        problems.push(`providers[${i}]: provider "${p}" has no providerSignatures in any rule`)
  }
  for (const leaf of leaves(rule.when)) {
    const where = `when: ${leaf.fact} ${leaf.path ?? '$'} ${leaf.operator}`
    if (!getOperator(leaf.operator)) {
      problems.push(`${where}: unknown operator "${leaf.operator}"`)
      continue
    }
    const base = leaf.operator.split(':').pop()!
    if (ARRAY_VALUE_OPERATORS.has(base) && !Array.isArray(leaf.value))
      problems.push(`${where}: "${leaf.operator}" needs a list as value`)
    const segs = pathSegments(leaf.path)
    if (leaf.fact === 'derived') {
      const key = segs[0]
      if (key === undefined || !Object.hasOwn(DERIVED_VALUES, key)) {
        problems.push(`${where}: derived has no "${key ?? '(root)'}" (see src/derived-vocabulary.ts)`)
        continue
      }
      if (segs.length > 1 && !(segs.length === 2 && segs[1] === 'length'))
        problems.push(`${where}: derived.${key} has no sub-path`)
      if (!VALUE_CHECKED.has(base) || leaf.value === null || segs.length > 1) continue
      const ctxKey = CONTEXT_KEYS[key]
      const allowed: readonly (string | number | boolean)[] | null =
        ctxKey && ctx ? [...ctx[ctxKey]] : DERIVED_VALUES[key as keyof DerivedFacts]
      const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value]
      for (const v of values) {
        if (v === null) continue
        if (ctxKey && ctx && !ctx[ctxKey].has(v as string)) {
          problems.push(
            `${where}: ${JSON.stringify(v)} is not a ${ctxKey === 'phrases' ? "phrase id defined in some rule's recognise" : 'known provider id'}`,
          )
        } else if (allowed && !allowed.includes(v as string)) {
          problems.push(
            `${where}: derived.${key} is never ${JSON.stringify(v)} (one of: ${allowed.join(', ')})`,
          )
        } else if ((key === 'codes' || key === 'finalCode') && (typeof v !== 'string' || !ENHANCED.test(v))) {
          problems.push(`${where}: ${JSON.stringify(v)} is not an enhanced status code like 5.7.60`)
        }
      }
    } else if (!schemaHasPath(FACT_SCHEMAS[leaf.fact], segs)) {
      problems.push(`${where}: ${leaf.fact} has no path ${leaf.path ?? '$'} (see core's fact schema)`)
    }
  }
  return problems
}
