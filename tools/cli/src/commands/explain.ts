import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createExplainer, type DiagnoseResult, explain } from '@smtp-doctor/rules'
import { type Context, printJson } from '../context.js'
import { CliError, EXIT } from '../errors.js'
import { hasProblem, renderFindings } from '../render.js'

/** Streams a log through the engine's streaming explain: memory stays flat for any size. */
async function explainStream(
  stream: NodeJS.ReadableStream,
  ctx: Context,
  what: string,
): Promise<DiagnoseResult> {
  const ex = createExplainer({ lang: ctx.lang })
  let empty = true
  for await (const chunk of stream) {
    if (empty && chunk.length > 0) empty = false
    ex.push(typeof chunk === 'string' ? chunk : new Uint8Array(chunk as Buffer))
  }
  // Nothing to read (a closed or empty stdin, an empty file) is an input error, as `explain ''` is.
  if (empty) throw new CliError(`${what} is empty: no text to explain`)
  return ex.end()
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  )
}

/**
 * One word that reads as a file name rather than error text: a path (`./x`, `../x`, `/x`, `~/x`,
 * `C:\\x`, anything with a slash) or a name with a log-like extension. Error texts have spaces or
 * are codes (`5.7.139`, `535`), so a missing file is an error instead of text matching nothing.
 */
export function looksLikePath(word: string): boolean {
  if (/\s/.test(word)) return false
  if (/[\\/]/.test(word)) return true
  return /\.(?:log|txt|json|eml|msg|csv|out|err|xml|html?)$/i.test(word)
}

/**
 * `smtp-doctor explain <text|file|->`: findings for an error text, a transcript or a whole log.
 * `-` reads stdin, an existing file is read, anything else is the text itself (several words
 * are joined, so quoting is optional).
 */
export async function explainCommand(ctx: Context, words: string[]): Promise<number> {
  let result: DiagnoseResult
  const only = words.length === 1 ? (words[0] as string) : undefined
  if (only === '-') result = await explainStream(process.stdin, ctx, 'stdin')
  else if (only !== undefined && (await isFile(only))) {
    const stream = createReadStream(only)
    try {
      result = await explainStream(stream, ctx, only)
    } catch (err) {
      if (err instanceof CliError) throw err
      throw new CliError(
        `cannot read ${only}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      )
    }
  } else {
    if (only !== undefined && looksLikePath(only))
      throw new CliError(
        `no such file: ${only} (to explain it as text, put it in quotes with a space, or pipe it: … | smtp-doctor explain -)`,
      )
    const text = words.join(' ')
    if (!text.trim()) throw new CliError('no text to explain')
    result = explain(text, { lang: ctx.lang })
  }
  if (ctx.json) printJson(result)
  else ctx.out(renderFindings(ctx, result.findings, ctx.L.noFindings))
  return hasProblem(result.findings) ? EXIT.problem : EXIT.ok
}
