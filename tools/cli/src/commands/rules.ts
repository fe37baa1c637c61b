import type { Lang } from '@smtp-doctor/core'
import { helpUrl, rules } from '@smtp-doctor/rules'
import { articleUrl, type Context, printJson } from '../context.js'
import { CliError, EXIT } from '../errors.js'
import { badge, inline } from '../render.js'

type Rule = (typeof rules)[number]

/**
 * A rule in one language, as GET /v1/rules/:id answers it (the API's rule view), so that
 * `rules show --json` and the API print the same thing.
 */
export function ruleView(rule: Rule, lang: Lang) {
  const m = rule.messages[lang]
  return {
    id: rule.id,
    options: [...rule.options],
    severity: rule.severity,
    codes: [...rule.codes],
    phrases: [...rule.phrases],
    symptoms: [...rule.symptoms],
    title: m.title,
    symptom: m.symptom,
    docs: helpUrl(rule.id, lang),
    cause: m.cause,
    steps: [...m.steps],
    commands: [...(m.commands ?? [])],
    warnings: [...(m.warnings ?? [])],
    sources: rule.sources.map((s) => ({ ...s })),
    related: [...(rule.related ?? [])],
  }
}
type RuleView = ReturnType<typeof ruleView>

/** A rule in the list, as GET /v1/rules lists it. */
export function ruleSummary(v: RuleView) {
  const { id, options, severity, codes, phrases, symptoms, title, symptom, docs } = v
  return { id, options, severity, codes, phrases, symptoms, title, symptom, docs }
}

/** Rules about `option` (plus `any`) and answering `code`, as the API's list filters them. */
function filtered(filter: { option?: string; code?: string }): Rule[] {
  return rules.filter(
    (r) =>
      (filter.option === undefined ||
        r.options.includes(filter.option as never) ||
        r.options.includes('any')) &&
      (filter.code === undefined || r.codes.includes(filter.code)),
  )
}

/** `smtp-doctor rules list [--option o] [--code c]`: every rule, one line each. */
export async function rulesListCommand(
  ctx: Context,
  filter: { option?: string; code?: string },
): Promise<number> {
  const list = filtered(filter)
  if (ctx.json) {
    printJson({ rules: list.map((r) => ruleSummary(ruleView(r, ctx.lang))) })
    return EXIT.ok
  }
  const s = ctx.style
  const width = Math.max(0, ...list.map((r) => r.id.length))
  for (const r of list) {
    const m = r.messages[ctx.lang]
    const shown = r.codes.length > 4 ? [...r.codes.slice(0, 3), `… +${r.codes.length - 3}`] : r.codes
    const codes = shown.length ? s.dim(` [${shown.join(', ')}]`) : ''
    ctx.out(
      `${s.bold(r.id.padEnd(width))}  ${badge(ctx, r.severity)}  ${inline(m.title, s, ctx.color)}${codes}`,
    )
  }
  return EXIT.ok
}

function renderRule(ctx: Context, v: RuleView): string {
  const { style: s, L, color } = ctx
  const md = (t: string) => inline(t, s, color)
  const lines = [
    `${badge(ctx, v.severity)}  ${s.bold(md(v.title))}  ${s.dim(`[${v.id}]`)}`,
    `   ${s.bold(`${L.options_}:`)} ${v.options.join(', ')}${v.codes.length ? `   ${s.bold(`${L.codes}:`)} ${v.codes.join(', ')}` : ''}`,
    `   ${s.bold(`${L.symptom}:`)} ${md(v.symptom)}`,
    `   ${s.bold(`${L.cause}:`)} ${md(v.cause)}`,
    `   ${s.bold(`${L.steps}:`)}`,
    ...v.steps.map((step, i) => `     ${i + 1}. ${md(step)}`),
  ]
  if (v.commands.length)
    lines.push(`   ${s.bold(`${L.commands}:`)}`, ...v.commands.map((c) => `     ${s.cyan(c)}`))
  for (const w of v.warnings) lines.push(`   ${s.yellow(`${L.warnings}:`)} ${md(w)}`)
  lines.push(`   ${s.bold(`${L.sources}:`)}`)
  for (const src of v.sources) {
    lines.push(
      `     - ${src.title}${src.section ? ` — ${src.section}` : ''}${src.date ? ` (${src.date})` : ''} ${s.blue(src.url)}`,
    )
  }
  if (v.related.length) lines.push(`   ${s.bold(`${L.related}:`)} ${v.related.join(', ')}`)
  lines.push(`   ${s.bold(`${L.article}:`)} ${s.blue(articleUrl(ctx, v.docs))}`)
  return lines.join('\n')
}

/**
 * `smtp-doctor rules show <id|code>`: a rule's whole text. By id the JSON is GET /v1/rules/:id's;
 * by enhanced status code (`5.7.60`, or a reply like `550 5.7.60 …`) it is GET /v1/rules?code=…'s.
 */
export async function rulesShowCommand(ctx: Context, query: string): Promise<number> {
  const q = query.trim().toLowerCase()
  const byId = rules.find((r) => r.id === q)
  const code = byId ? undefined : /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(q)?.[1]
  const found = byId ? [byId] : code ? filtered({ code }) : []
  if (!found.length) throw new CliError(ctx.L.noRule(query))
  const views = found.map((r) => ruleView(r, ctx.lang))
  if (ctx.json) printJson(byId ? views[0] : { rules: views.map(ruleSummary) })
  else ctx.out(views.map((v) => renderRule(ctx, v)).join('\n\n'))
  return EXIT.ok
}
