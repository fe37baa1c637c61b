/**
 * Turns one rule into the markdown body of its article in one locale. Every word of the
 * article comes from the rule; only headings and labels come from `labels.ts`.
 */
import { type DocsRule, fillCommands, helpUrl, type Lang } from './engine.js'
import { optionLabel, SEVERITY_LABELS, symptomLabel, T } from './labels.js'
import { foldCodes } from './page-data.js'

/** The anchor of an error code on the error-code index page, e.g. `code-5-7-60`. */
export function codeAnchor(code: string): string {
  return `code-${code.replaceAll('.', '-')}`
}

/** The anchor of a symptom on the symptom index page. */
export function symptomAnchor(symptom: string): string {
  return `symptom-${symptom}`
}

function codeLink(code: string, lang: Lang): string {
  return `[\`${code}\`](/${lang}/codes/#${codeAnchor(code)})`
}

/** Link text must not close the link early. */
function linkText(s: string): string {
  return s.replace(/[[\]\\]/g, (c) => `\\${c}`)
}

/** A multi-line markdown block inside a list item keeps its lines in that item. */
function indent(s: string, by: number): string {
  return s.trim().replace(/\n/g, `\n${' '.repeat(by)}`)
}

/** A fence longer than any backtick run in the command, so no command can end its block. */
function fence(s: string): string {
  const longest = Math.max(2, ...[...s.matchAll(/`+/g)].map((m) => m[0].length))
  return '`'.repeat(longest + 1)
}

/** Plain text for a page description: markdown marks removed, one line. */
export function plain(md: string): string {
  return md
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The article body (markdown with Starlight asides) for `rule` in `lang`. */
export function ruleMarkdown(rule: DocsRule, lang: Lang, byId: ReadonlyMap<string, DocsRule>): string {
  const m = rule.messages[lang]
  const t = T[lang]
  const out: string[] = []

  const facts: string[] = []
  if (rule.codes.length > 0)
    facts.push(
      `- **${t.codes}:** ${foldCodes(rule.codes)
        .map((c) =>
          typeof c === 'string' ? codeLink(c, lang) : `${codeLink(c[0], lang)}–${codeLink(c[1], lang)}`,
        )
        .join(', ')}`,
    )
  facts.push(
    `- **${t.option}:** ${rule.options
      .map((o) => (o === 'any' ? optionLabel(o, lang) : `[${optionLabel(o, lang)}](/${lang}/options/${o}/)`))
      .join(', ')}`,
  )
  if (rule.symptoms.length > 0)
    facts.push(
      `- **${t.symptoms}:** ${rule.symptoms
        .map((s) => `[${linkText(symptomLabel(s, lang))}](/${lang}/symptoms/#${symptomAnchor(s)})`)
        .join(', ')}`,
    )
  facts.push(`- **${t.severity}:** ${SEVERITY_LABELS[lang][rule.severity] ?? rule.severity}`)
  out.push(facts.join('\n'))

  out.push(`## ${t.symptom}`, m.symptom.trim())
  // The rule's own matching examples are real device output: searchable, and recognisable.
  const examples = rule.examples.match
    .flatMap((e) => ('text' in e ? [e.text.trim()] : []))
    .filter((text) => text.split('\n').length <= 3)
    .slice(0, 3)
  if (examples.length > 0) {
    out.push(`### ${examples.length === 1 ? t.example : t.examples}`)
    for (const text of examples) {
      const f = fence(text)
      out.push(`${f}text\n${text}\n${f}`)
    }
  }
  out.push(`## ${t.cause}`, m.cause.trim())
  out.push(
    `## ${t.fix}`,
    m.steps.map((s, i) => `${i + 1}. ${indent(s, String(i + 1).length + 2)}`).join('\n'),
  )

  for (const w of m.warnings) out.push(`:::caution\n${w.trim()}\n:::`)

  if (m.commands.length > 0) {
    out.push(`## ${t.commands}`)
    // Templates with the contoso examples, `{{exchange-online}}` as its connect lines.
    for (const c of fillCommands(m.commands)) {
      const f = fence(c)
      out.push(`${f}powershell\n${c.trim()}\n${f}`)
    }
  }

  out.push(
    `## ${t.sources}`,
    rule.sources
      .map((s) => {
        const bits = [`[${linkText(s.title)}](${s.url})`]
        if (s.section)
          bits.push(lang === 'cs' ? `${t.section} „${s.section}“` : `${t.section} “${s.section}”`)
        if (s.date) bits.push(`${t.checked} ${s.date}`)
        return `- ${bits.join(' — ')}`
      })
      .join('\n'),
  )

  const related = rule.related.map((id) => byId.get(id)).filter((r): r is DocsRule => r !== undefined)
  if (related.length > 0)
    out.push(
      `## ${t.related}`,
      related.map((r) => `- [${linkText(r.messages[lang].title)}](${helpUrl(r.id, lang)})`).join('\n'),
    )

  return `${out.join('\n\n')}\n`
}
