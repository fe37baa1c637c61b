import type { Lang } from '@smtp-doctor/core'
import { type Labels, labels } from './i18n.js'
import { makeStyle, type Style, useColor } from './style.js'

/** What every command gets: output mode, language, styles and a writer. */
export type Context = {
  lang: Lang
  json: boolean
  color: boolean
  style: Style
  L: Labels
  /** Base URL of the docs site (SMTP_DOCTOR_DOCS_URL); without it, links are `smtp-doctor rules show <id>`. */
  docsUrl: string | undefined
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
    docsUrl: env.SMTP_DOCTOR_DOCS_URL || undefined,
    width:
      !opts.json && process.stdout.isTTY
        ? Math.min(Math.max(process.stdout.columns || 100, 40), 120)
        : undefined,
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  }
}

/**
 * Where to read a finding's whole article: SMTP_DOCTOR_DOCS_URL + its `docs` path when the site's
 * address is known, else the command that prints the same text here (`smtp-doctor rules show <id>`).
 */
export function articleUrl(ctx: Pick<Context, 'docsUrl'>, docs: string): string {
  if (/^https?:\/\//.test(docs)) return docs
  if (!ctx.docsUrl) {
    const id = /\/rules\/([a-z0-9-]+)\/?$/.exec(docs)?.[1]
    if (id) return `smtp-doctor rules show ${id}`
    return docs
  }
  return `${ctx.docsUrl.replace(/\/+$/, '')}/${docs.replace(/^\/+/, '')}`
}

/** Prints a result as the library returned it: the `--json` contract shared with the API. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}
