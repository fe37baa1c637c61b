/** Exit codes, as design.md fixes them. */
export const EXIT = { ok: 0, problem: 1, usage: 2 } as const

/**
 * A usage or input error: printed as one line plus the command's usage, exit 2, no stack trace.
 */
export class CliError extends Error {
  override readonly name = 'CliError'
}

type IssueLike = { path?: string | readonly PropertyKey[]; message: string; code?: string; keys?: unknown }

/** One line from zod-style issues: `settings.port: Too big; tls: Invalid option`. */
export function formatIssues(issues: readonly IssueLike[], prefix = ''): string {
  return issues
    .slice(0, 5)
    .map((i) => {
      const parts = typeof i.path === 'string' ? [i.path] : (i.path ?? []).map(String)
      // One unknown key: name it in the path (`settings.to: unknown key "to" (did you mean …)`).
      if (i.code === 'unrecognized_keys' && Array.isArray(i.keys) && i.keys.length === 1)
        parts.push(String(i.keys[0]))
      const path = [prefix, ...parts].filter(Boolean).join('.')
      return path ? `${path}: ${i.message}` : i.message
    })
    .join('; ')
    .replace(/\s*\n\s*/g, ' ')
}

/** Turns anything thrown by a library call on bad input into a one-line CliError. */
export function toCliError(err: unknown): CliError | undefined {
  if (err instanceof CliError) return err
  if (
    err &&
    typeof err === 'object' &&
    'issues' in err &&
    Array.isArray((err as { issues: unknown }).issues)
  ) {
    return new CliError(`invalid input: ${formatIssues((err as { issues: IssueLike[] }).issues)}`)
  }
  return undefined
}

/**
 * A message as it may go to a terminal: one line, control characters (escape sequences from a
 * binary file, newlines from a quoted input) shown as `\uXXXX` instead of acting on the terminal.
 */
export function oneLine(message: string): string {
  return message
    .replace(/\r?\n/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Ctrl+C (SIGINT, or ^C at a prompt): exit 130 as shells expect, with no error report. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted'
  constructor() {
    super('interrupted')
  }
}

/** 128 + SIGINT, what a shell reports for a command stopped by Ctrl+C. */
export const EXIT_INTERRUPTED = 130
