/** Shortest secret that is scrubbed from probe output; shorter ones would mangle ordinary text. */
const MIN_SECRET = 4

/** The forms a secret can take on the SMTP wire: as is, and base64 (AUTH LOGIN, XOAUTH2). */
export function secretForms(secrets: readonly (string | undefined)[]): string[] {
  const out = new Set<string>()
  for (const s of secrets) {
    if (typeof s !== 'string' || s.length < MIN_SECRET) continue
    out.add(s)
    out.add(Buffer.from(s, 'utf8').toString('base64').replace(/=+$/, ''))
  }
  return [...out].sort((a, b) => b.length - a.length)
}

function scrubString(text: string, forms: readonly string[]): string {
  let out = text
  for (const f of forms) if (out.includes(f)) out = out.split(f).join('****')
  return out
}

/**
 * Replaces every occurrence of the secrets in any string inside `value` with `****`. A second
 * line of defence after the probe's own transcript redaction: a server may echo what it got.
 */
export function scrub<T>(value: T, forms: readonly string[]): T {
  if (forms.length === 0) return value
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return scrubString(v, forms)
    if (depth > 64 || v === null || typeof v !== 'object') return v
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1))
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, depth + 1)
    return out
  }
  return walk(value, 0) as T
}
