/**
 * Compiles src/rules/<id>/rule.yaml into one JSON bundle (src/generated/bundle.json) that
 * the engine, API, CLI and site all read. Every rule is validated by the zod schema; any
 * problem (a missing Czech or English string, an unknown phrase id, an id that is not
 * its folder name, a related id that does not exist) fails the build with the file and path.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { RuleFile } from '../src/rule-schema.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const rulesDir = join(root, 'src', 'rules')
const outFile = join(root, 'src', 'generated', 'bundle.json')

const problems: string[] = []
const rules: RuleFile[] = []
for (const id of readdirSync(rulesDir).sort()) {
  const file = join(rulesDir, id, 'rule.yaml')
  let raw: unknown
  try {
    raw = parse(readFileSync(file, 'utf8'))
  } catch (err) {
    problems.push(`${file}: ${(err as Error).message}`)
    continue
  }
  const parsed = RuleFile.safeParse(raw)
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    continue
  }
  if (parsed.data.id !== id)
    problems.push(`${file}: id "${parsed.data.id}" must equal its folder name "${id}"`)
  rules.push(parsed.data)
}
const ids = new Set(rules.map((r) => r.id))
for (const r of rules)
  for (const rel of r.related)
    if (!ids.has(rel)) problems.push(`${r.id}: related rule "${rel}" does not exist`)

if (problems.length > 0) {
  console.error(`rule bundle: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  process.exit(1)
}
mkdirSync(dirname(outFile), { recursive: true })
writeFileSync(
  outFile,
  `${JSON.stringify({ generated: 'by scripts/build-bundle.ts — do not edit', rules })}\n`,
)
console.log(`rule bundle: ${rules.length} rules → ${outFile}`)
