import type { Engine } from 'json-rules-engine'
import type { FactBag } from './conditions.js'
import { rules } from './engine.js'
import { createJsonRulesEngine } from './operators.js'

/**
 * The reference: one plain json-rules-engine Engine holding every rule, as json-rules-engine
 * itself evaluates them. Tests and the benchmark check the fast engine against it.
 * `plain` keeps json-rules-engine's default JSONPath resolver.
 */
export function createReferenceEngine(plain = false): Engine {
  return createJsonRulesEngine(
    rules.map((r) => ({
      name: r.id,
      priority: Math.max(1, r.priority),
      conditions: r.when as never,
      event: { type: r.id },
    })),
    plain,
  )
}

/** Ids of the rules json-rules-engine says fire for these facts, sorted. */
export async function referenceRuleIds(engine: Engine, bag: FactBag): Promise<string[]> {
  const { events } = await engine.run({ ...bag })
  return events.map((e) => e.type).sort()
}
