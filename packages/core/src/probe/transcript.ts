import { authReplyText, printable, Redactor } from '../redact/index.js'

export { printable }

const MAX_LINES = 2000
const MAX_LINE_CHARS = 1000

/**
 * The C:/S: record of a session. Bounded (lines and line length), and every line passes
 * through the redactor so a secret echoed by a server never lands in it.
 */
export class Transcript {
  readonly lines: string[] = []
  private dropped = 0
  private readonly redactor: Redactor
  /**
   * While true the server is answering AUTH or a credential line: besides the known secrets,
   * anything that looks like an echo (a long base64 or hex run) is dropped from its lines.
   */
  authPhase = false

  constructor(secrets: Redactor | readonly string[]) {
    this.redactor = secrets instanceof Redactor ? secrets : new Redactor({ secrets })
  }

  /** Masks every form of every known secret in a string. */
  redact(text: string): string {
    return this.redactor.redact(text)
  }

  /** A copy of a value with every string in it redacted. */
  redactDeep<T>(value: T): T {
    return this.redactor.redactDeep(value)
  }

  client(line: string): void {
    this.add(`C: ${line}`)
  }

  server(line: string): void {
    this.add(`S: ${this.authPhase ? authReplyText(line) : line}`)
  }

  note(line: string): void {
    this.add(`-- ${line}`)
  }

  private add(line: string): void {
    if (this.lines.length >= MAX_LINES) {
      this.dropped++
      return
    }
    const clean = printable(this.redact(line))
    this.lines.push(
      clean.length > MAX_LINE_CHARS ? `${clean.slice(0, MAX_LINE_CHARS)}… (${clean.length} chars)` : clean,
    )
  }

  /** The final lines, with a marker when some were dropped. */
  done(): string[] {
    return this.dropped > 0 ? [...this.lines, `-- ${this.dropped} more lines not kept`] : this.lines
  }
}
