const MAX_LINES = 2000
const MAX_LINE_CHARS = 1000

/**
 * The C:/S: record of a session. Bounded (lines and line length), and every line passes
 * through the redactor so a secret echoed by a server never lands in it.
 */
export class Transcript {
  readonly lines: string[] = []
  private dropped = 0
  private readonly secrets: string[]

  constructor(secrets: readonly string[]) {
    // Longest first, so a secret that contains another is masked whole.
    this.secrets = secrets.filter((s) => s.length >= 3).sort((a, b) => b.length - a.length)
  }

  /** Masks every known secret in a string. */
  redact(text: string): string {
    let out = text
    for (const secret of this.secrets) {
      if (out.includes(secret)) out = out.split(secret).join('****')
    }
    return out
  }

  client(line: string): void {
    this.add(`C: ${line}`)
  }

  server(line: string): void {
    this.add(`S: ${line}`)
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

/**
 * Replaces control characters (C0 but tab and line feed, DEL, C1) so a line is printable: a server
 * must not be able to send escape sequences to the terminal of whoever reads its answer.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\uFFFD')
}
