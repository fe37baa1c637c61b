import { createInterface } from 'node:readline/promises'
import { Interrupted } from './errors.js'

/** True when questions can be asked: both ends are a terminal. */
export function interactive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY)
}

/**
 * Reads a secret from the terminal without echoing it (raw mode, so nothing is ever printed,
 * not even asterisks). Ctrl+C aborts with exit 130; the prompt goes to stderr.
 */
export function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin
  return new Promise((resolve, reject) => {
    let secret = ''
    const wasRaw = stdin.isRaw
    // Echo goes off before the prompt shows, so nothing typed after it can appear.
    stdin.setRawMode(true)
    process.stderr.write(question)
    stdin.resume()
    stdin.setEncoding('utf8')
    const done = (err?: Error) => {
      stdin.off('data', onData)
      stdin.setRawMode(wasRaw)
      stdin.pause()
      process.stderr.write('\n')
      if (err) reject(err)
      else resolve(secret)
    }
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done()
        if (ch === '\u0003') return done(new Interrupted())
        if (ch === '\u007f' || ch === '\b') secret = secret.slice(0, -1)
        else if (ch >= ' ') secret += ch
      }
    }
    stdin.on('data', onData)
  })
}

/** Asks questions on the terminal; an empty answer is `undefined` (skipped). */
export async function withQuestions<T>(
  fn: (ask: (q: string) => Promise<string | undefined>) => Promise<T>,
): Promise<T> {
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  // ^C at a question: readline catches it (no process SIGINT), so stop here with exit 130.
  const interrupted = new Promise<never>((_, reject) => rl.once('SIGINT', () => reject(new Interrupted())))
  interrupted.catch(() => {})
  try {
    return await fn(async (q) => {
      const a = (await Promise.race([rl.question(q), interrupted])).trim()
      return a === '' ? undefined : a
    })
  } finally {
    rl.close()
  }
}
