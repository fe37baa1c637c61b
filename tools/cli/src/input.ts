import { readFile, stat } from 'node:fs/promises'
import { CliError } from './errors.js'

/** Logs bigger than this are refused rather than read into memory. */
const MAX_INPUT = 64 * 1024 * 1024

/** Reads all of stdin as UTF-8. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += b.length
    if (size > MAX_INPUT) throw new CliError(`stdin is larger than ${MAX_INPUT / 1024 / 1024} MB`)
    chunks.push(b)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Reads a file as UTF-8, with a one-line error instead of a stack trace. */
export async function readTextFile(path: string): Promise<string> {
  try {
    const st = await stat(path)
    if (st.isDirectory()) throw new CliError(`${path} is a directory`)
    if (st.size > MAX_INPUT) throw new CliError(`${path} is larger than ${MAX_INPUT / 1024 / 1024} MB`)
    return await readFile(path, 'utf8')
  } catch (err) {
    if (err instanceof CliError) throw err
    const code = (err as NodeJS.ErrnoException).code
    throw new CliError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(err))}`)
  }
}

/** Parses a JSON file (or `-` for stdin) with a one-line error on bad JSON. */
export async function readJsonArg(path: string): Promise<unknown> {
  const raw = path === '-' ? await readStdin() : await readTextFile(path)
  try {
    return JSON.parse(raw) as unknown
  } catch (err) {
    // V8 quotes the start of the input in its message; that may be binary or hold a secret.
    const why = (err as Error).message.replace(/,? "[\s\S]*" is not valid JSON$/, '')
    throw new CliError(`${path === '-' ? 'stdin' : path} is not valid JSON: ${why}`)
  }
}
