import type { ProbeError, SmtpReply } from '@smtp-doctor/core'
import { CODE_ONLY_TEXT, codeOnlyNote, type Finding } from '@smtp-doctor/rules'
import { articleUrl, type Context } from './context.js'
import type { Style } from './style.js'

/** Inline markdown for a terminal: bold, code, links; the markers go when there is colour to show them. */
export function inline(md: string, s: Style, color: boolean): string {
  let out = md.replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, (_m, t: string, u: string) => `${t} (${u})`)
  if (color) {
    out = out
      .replace(/\*\*([^*]+)\*\*/g, (_m, t: string) => s.bold(t))
      .replace(/`([^`]+)`/g, (_m, t: string) => s.cyan(t))
  } else {
    out = out.replace(/\*\*([^*]+)\*\*/g, '$1')
  }
  return out
}

const ANSI = /\x1b\[[0-9;]*m/g
const visible = (t: string) => t.replace(ANSI, '').length

/**
 * A paragraph with a hanging indent: `first` starts the first line, `rest` the others. Wrapped
 * at `width` columns on a terminal (words stay whole); left as one line per paragraph when piped.
 */
export function paragraph(first: string, text: string, rest: string, width: number | undefined): string {
  const out: string[] = []
  text.split('\n').forEach((para, p) => {
    const lead = p === 0 ? first : rest
    if (!width) {
      out.push(lead + para)
      return
    }
    let line = lead
    let used = visible(lead)
    let words = 0
    for (const word of para.split(/ +/)) {
      const w = visible(word)
      if (words > 0 && used + 1 + w > width) {
        out.push(line)
        line = rest + word
        used = visible(rest) + w
      } else {
        line += (words > 0 ? ' ' : '') + word
        used += (words > 0 ? 1 : 0) + w
      }
      words++
    }
    out.push(line)
  })
  return out.join('\n')
}

/** The severity badge, coloured by severity. */
export function badge(ctx: Context, severity: string): string {
  const label = ctx.L.severity[severity] ?? severity.toUpperCase()
  const s = ctx.style
  if (severity === 'error') return s.bold(s.red(`✖ ${label}`))
  if (severity === 'warning') return s.bold(s.yellow(`▲ ${label}`))
  return s.bold(s.blue(`ℹ ${label}`))
}

/** One finding: title, cause, numbered steps, commands, warnings and the article link. */
export function renderFinding(ctx: Context, f: Finding, index: number): string {
  const { style: s, L, color } = ctx
  const md = (t: string) => inline(t, s, color)
  const codes = f.codes.length ? ` · ${f.codes.join(', ')}` : ''
  const lines: string[] = []
  lines.push(
    `${s.dim(`${index}.`)} ${badge(ctx, f.severity)}  ${s.bold(md(f.title))}  ${s.dim(`[${f.id}${codes}]`)}`,
  )
  const width = ctx.width
  // Matched by a shared code alone: what its whole reply says is what tells it from the others.
  if (f.match === 'code')
    lines.push(
      paragraph(`   ${s.bold(`${CODE_ONLY_TEXT[ctx.lang].tellsApart}:`)} `, md(f.symptom), '   ', width),
    )
  lines.push(paragraph(`   ${s.bold(`${L.cause}:`)} `, md(f.cause), '   ', width))
  if (f.steps.length) {
    lines.push(`   ${s.bold(`${L.steps}:`)}`)
    f.steps.forEach((step, i) => {
      lines.push(paragraph(`     ${i + 1}. `, md(step), '        ', width))
    })
  }
  if (f.commands.length) {
    lines.push(`   ${s.bold(`${L.commands}:`)}`)
    for (const c of f.commands) lines.push(`     ${s.cyan(c)}`)
  }
  for (const w of f.warnings ?? [])
    lines.push(paragraph(`   ${s.yellow(`${L.warnings}:`)} `, md(w), '   ', width))
  lines.push(`   ${s.bold(`${L.article}:`)} ${s.blue(articleUrl(ctx, f.docs))}`)
  return lines.join('\n')
}

/** All findings, or a one-line "no problem" note. */
export function renderFindings(ctx: Context, findings: readonly Finding[], empty?: string): string {
  if (!findings.length) return ctx.style.green(`✔ ${empty ?? ctx.L.noProblem}`)
  const text = codeOnlyLine(ctx, findings) + findings.map((f, i) => renderFinding(ctx, f, i + 1)).join('\n\n')
  // Only notes (info): say plainly that nothing is wrong.
  return hasProblem(findings) ? text : `${text}\n\n${ctx.style.green(`✔ ${ctx.L.noProblem}`)}`
}

/** The engine's note above findings that answer a bare code several problems share (`match: 'code'`). */
export function codeOnlyLine(ctx: Context, findings: readonly Finding[]): string {
  const note = codeOnlyNote(findings, ctx.lang)
  return note ? `${ctx.style.bold(ctx.style.yellow(`▲ ${note}`))}\n\n` : ''
}

/** Exit status for findings: 1 when any is an error or a warning. */
export function hasProblem(findings: readonly Pick<Finding, 'severity'>[]): boolean {
  return findings.some((f) => f.severity === 'error' || f.severity === 'warning')
}

/** A probe step as the verdict reads it. */
type StepOutcome = { stage: string; ok: boolean; reply?: SmtpReply; error?: ProbeError }

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m)

/**
 * Why a probe failed, in one line naming the step, the host and the port — from the first step
 * that failed (an error without a reply, or a reply the server refused with); undefined when
 * every step passed.
 */
export function probeFailureReason(
  ctx: Pick<Context, 'L'>,
  steps: readonly StepOutcome[],
  probe: { error?: ProbeError; lastReply?: SmtpReply } | undefined,
  target: { host: string; port: number },
  stageLabel: (stage: string) => string,
): string | undefined {
  const found = steps.find((s) => !s.ok)
  if (!found) return undefined
  // Step events may carry only stage and timing; the probe facts hold the error and the last reply.
  const step: StepOutcome = { ...found }
  if (!step.error && probe?.error?.stage === step.stage) step.error = probe.error
  if (!step.error && !step.reply && probe?.lastReply && probe.lastReply.code >= 400)
    step.reply = probe.lastReply
  const values = {
    host: target.host,
    port: String(target.port),
    target: `${target.host}:${target.port}`,
    stage: stageLabel(step.stage),
  }
  const L = ctx.L
  if (step.error) {
    const template = L.probeReasons[step.error.code]
    return template ? fill(template, values) : `${fill(L.probeStepFailed, values)}: ${step.error.message}`
  }
  if (step.reply) {
    const { code, enhanced, text } = step.reply
    const reply = [code, enhanced, text].filter(Boolean).join(' ').replace(/\s+/g, ' ').slice(0, 200)
    return fill(L.probeRefused, { ...values, reply })
  }
  return fill(L.probeStepFailed, values)
}

/**
 * The findings after a probe, then its verdict: a failed step ends with that failure named
 * (never "No problem found"), whatever the findings say.
 */
export function renderProbeOutcome(
  ctx: Context,
  findings: readonly Finding[],
  failure: string | undefined,
): string {
  if (!failure) return renderFindings(ctx, findings)
  const verdict = ctx.style.bold(ctx.style.red(`✖ ${ctx.L.probeFailed}: ${failure}`))
  if (!findings.length) return verdict
  return `${findings.map((f, i) => renderFinding(ctx, f, i + 1)).join('\n\n')}\n\n${verdict}`
}
