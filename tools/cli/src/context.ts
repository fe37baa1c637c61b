import type { Lang } from '@smtp-doctor/core'
import { type Labels, labels } from './i18n.js'
import { makeStyle, type Style, useColor } from './style.js'

/** Where article links point when SMTP_DOCTOR_DOCS_URL is not set. */
export const DEFAULT_DOCS_URL = 'https://smtp-doctor.example/'

/** What every command gets: output mode, language, styles and a writer. */
export type Context = {
  lang: Lang
  json: boolean
  color: boolean
  style: Style
  L: Labels
  docsUrl: string
  /** Columns to wrap paragraphs at: the terminal's width, or none when piped. */
  width: number | undefined
  out: (text: string) => void
  err: (text: string) => void
}

/** Builds the context from the global options and the environment. */
export function makeContext(
  opts: { lang: Lang; json: boolean },
  env: NodeJS.ProcessEnv = process.env,
): Context {
  const color = !opts.json && useColor(process.stdout, env)
  return {
    lang: opts.lang,
    json: opts.json,
    color,
    style: makeStyle(color),
    L: labels(opts.lang),
    docsUrl: env.SMTP_DOCTOR_DOCS_URL || DEFAULT_DOCS_URL,
    width:
      !opts.json && process.stdout.isTTY
        ? Math.min(Math.max(process.stdout.columns || 100, 40), 120)
        : undefined,
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  }
}

/** An absolute article link from a finding's relative `docs` path. */
export function articleUrl(ctx: Pick<Context, 'docsUrl'>, docs: string): string {
  if (/^https?:\/\//.test(docs)) return docs
  return `${ctx.docsUrl.replace(/\/+$/, '')}/${docs.replace(/^\/+/, '')}`
}

/** Prints a result as the library returned it: the `--json` contract shared with the API. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}
