import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { printable } from '@smtp-doctor/core/redact'
import { parseJson } from '@smtp-doctor/m365-sim/json-error'
import { CliError } from './errors.js'

/** Inputs bigger than this are refused rather than read into memory (counted in bytes read). */
export const MAX_INPUT = 64 * 1024 * 1024

/** A file name as it may be printed: no escape sequences, no bidirectional overrides. */
const shown = (path: string) => printable(path)

const tooBig = (what: string) => new CliError(`${shown(what)} is larger than ${MAX_INPUT / 1024 / 1024} MB`)

/**
 * Reads a stream to the end as UTF-8, counting the bytes actually read: FIFOs, devices and pipes
 * report no size up front, so the cap is enforced here and the stream is stopped at it.
 */
async function readCapped(stream: NodeJS.ReadableStream & { destroy?: () => void }, what: string) {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += b.length
    if (size > MAX_INPUT) {
      stream.destroy?.()
      throw tooBig(what)
    }
    chunks.push(b)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Reads all of stdin as UTF-8 (at most MAX_INPUT bytes). */
export async function readStdin(): Promise<string> {
  return readCapped(process.stdin, 'stdin')
}

/** Reads a file, FIFO or device as UTF-8 (at most MAX_INPUT bytes), with a one-line error. */
export async function readTextFile(path: string): Promise<string> {
  try {
    const st = await stat(path)
    if (st.isDirectory()) throw new CliError(`${shown(path)} is a directory`)
    // A regular file's size is known: refuse it before reading a byte.
    if (st.isFile() && st.size > MAX_INPUT) throw tooBig(path)
    return await readCapped(createReadStream(path, { highWaterMark: 1024 * 1024 }), path)
  } catch (err) {
    if (err instanceof CliError) throw err
    const code = (err as NodeJS.ErrnoException).code
    throw new CliError(
      `cannot read ${shown(path)}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'read error')}`,
    )
  }
}

/**
 * Parses a JSON file (or `-` for stdin). A syntax error names the file, line and column and quotes
 * nothing of the content, which may hold a secret.
 */
export async function readJsonArg(path: string): Promise<unknown> {
  const source = path === '-' ? 'stdin' : path
  const raw = path === '-' ? await readStdin() : await readTextFile(path)
  try {
    return parseJson(raw, source)
  } catch (err) {
    throw new CliError((err as Error).message)
  }
}
