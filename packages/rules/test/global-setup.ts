import { buildBundle } from '../scripts/build-bundle.js'

/**
 * Rebuilds the rule bundle before the tests, so editing a rule.yaml and running vitest is enough.
 * Dangling related ids are left to the registry test (one named failure instead of none running).
 */
export function setup() {
  const { problems } = buildBundle({ allowDanglingRelated: true })
  if (problems.length > 0) throw new Error(`rule bundle:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
}
