import type { z } from 'zod'

/** One problem with an input: where (dotted path, '' for the input itself) and what. */
export type ValidationIssue = { path: string; message: string }

/**
 * Invalid input to diagnose / explain / classify / advise. Carries every problem with its path,
 * so the API can answer 400 problem+json and the CLI can print them, without a stack trace.
 */
export class ValidationError extends Error {
  /** Stable code for the API and CLI. */
  readonly code = 'SMTP_DOCTOR_VALIDATION'
  readonly issues: ValidationIssue[]

  constructor(issues: ValidationIssue[]) {
    super(`invalid input: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`)
    this.name = 'ValidationError'
    this.issues = issues
  }

  /** From zod issues, with their paths under `prefix` (e.g. `facts`). */
  static fromZod(error: z.ZodError, prefix = ''): ValidationError {
    return new ValidationError(
      error.issues.map((i) => {
        const path = [prefix, ...i.path.map((p) => String(p))]
        // One unknown key: the path names it (`settings.to`), the message the key meant.
        if (i.code === 'unrecognized_keys' && i.keys.length === 1) path.push(String(i.keys[0]))
        return { path: path.filter((s) => s !== '').join('.'), message: i.message }
      }),
    )
  }
}

/** Parses with a zod schema or throws a ValidationError naming the paths. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.infer<S> {
  const r = schema.safeParse(input)
  if (!r.success) throw ValidationError.fromZod(r.error, prefix)
  return r.data
}
