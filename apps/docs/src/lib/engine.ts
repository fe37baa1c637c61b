/**
 * The one place the site touches the engine. Everything the site shows comes from here, so
 * the articles and the API/CLI answers cannot disagree.
 * TEMPORARY dev shim until @smtp-doctor/rules builds: reads a locally compiled bundle.
 */
import { parseText } from '@smtp-doctor/core'
import bundle from './dev-bundle.json' with { type: 'json' }

export type Lang = 'cs' | 'en'
type Messages = {
  title: string
  symptom: string
  cause: string
  steps: string[]
  commands: string[]
  warnings: string[]
}
export type DocsRule = {
  id: string
  options: string[]
  severity: string
  codes: string[]
  symptoms: string[]
  messages: Record<Lang, Messages>
  sources: { title: string; url: string; section?: string; date?: string }[]
  related: string[]
}
export type DocsFinding = {
  id: string
  title: string
  severity: string
  codes: string[]
  cause: string
  docs: string
}

export const rules: DocsRule[] = bundle.rules as DocsRule[]
export const helpUrl = (id: string, lang: Lang): string => `/${lang}/rules/${id}/`
export function explain(text: string, { lang }: { lang: Lang }): { findings: DocsFinding[] } {
  const p = parseText(text)
  const findings = rules
    .filter((r) => r.codes.some((c) => p.codes.includes(c)))
    .map((r) => ({
      id: r.id,
      title: r.messages[lang].title,
      severity: r.severity,
      codes: r.codes,
      cause: r.messages[lang].cause,
      docs: helpUrl(r.id, lang),
    }))
  return { findings }
}
