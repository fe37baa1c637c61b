/**
 * The "copy as ticket" report: the pasted text and the engine's findings as Markdown for a
 * helpdesk ticket — titles, causes, steps, the filled PowerShell commands and article links.
 * Built only from the findings (the engine decided everything); nothing leaves the browser.
 */
import { CODE_ONLY_TEXT, codeOnlyNote, type Finding, type Lang } from './engine.js'
import { PASTE_TOOLS } from './paste-text.js'

/** Longest part of the input quoted in a ticket. */
const MAX_INPUT_LINES = 40

function fence(text: string, lang = ''): string {
  const ticks = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)))
  return `${ticks}${lang}\n${text}\n${ticks}`
}

/** The Markdown report for `findings` of `input`; `origin` makes the article links absolute. */
export function ticketMarkdown(
  input: string,
  findings: readonly Finding[],
  lang: Lang,
  origin: string,
): string {
  const t = PASTE_TOOLS[lang]
  const lines = input.trim().split('\n')
  const quoted = lines.slice(-MAX_INPUT_LINES).join('\n')
  const out: string[] = [`## ${t.ticketTitle}`, '', `### ${t.ticketInput}`, '', fence(quoted, 'text'), '']
  out.push(`### ${t.ticketFindings}`, '')
  const note = codeOnlyNote(findings, lang)
  if (note) out.push(`> ${note}`, '')
  findings.forEach((f, i) => {
    const codes = f.codes.length ? `, ${f.codes.join(', ')}` : ''
    out.push(`#### ${i + 1}. ${t.severity[f.severity] ?? f.severity} — ${f.title} (\`${f.id}\`${codes})`, '')
    if (f.match === 'code') out.push(`**${CODE_ONLY_TEXT[lang].tellsApart}:** ${f.symptom}`, '')
    out.push(f.cause, '')
    if (f.steps.length) {
      out.push(`**${t.steps}**`, '')
      f.steps.forEach((s, j) => {
        out.push(`${j + 1}. ${s}`)
      })
      out.push('')
    }
    if (f.commands.length) out.push(`**${t.commands}**`, '', fence(f.commands.join('\n'), 'powershell'), '')
    out.push(`${t.ticketArticle}: ${new URL(f.docs, origin).href}`, '')
  })
  out.push(`_${t.ticketFooter}_`)
  return out.join('\n')
}
