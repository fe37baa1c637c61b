import { type RuleView, ruleSummary, rules, rulesMatching, ruleView } from '@smtp-doctor/rules'
import { articleUrl, type Context, printJson } from '../context.js'
import { CliError, EXIT } from '../errors.js'
import { badge, inline } from '../render.js'

/** `smtp-doctor rules list [--option o] [--code c]`: every rule, one line each. */
export async function rulesListCommand(
  ctx: Context,
  filter: { option?: string; code?: string },
): Promise<number> {
  const list = rulesMatching(filter)
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
  const found = byId ? [byId] : code ? rulesMatching({ code }) : []
  if (!found.length) throw new CliError(ctx.L.noRule(query))
  const views = found.map((r) => ruleView(r, ctx.lang))
  if (ctx.json) printJson(byId ? views[0] : { rules: views.map(ruleSummary) })
  else ctx.out(views.map((v) => renderRule(ctx, v)).join('\n\n'))
  return EXIT.ok
}
