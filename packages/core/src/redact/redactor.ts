import { type SecretForm, secretForms } from './forms.js'

/** What a redactor is built from: the secrets, and the username the AUTH blobs carry with them. */
export type SecretSource = {
  /** Not a secret itself, but part of the AUTH PLAIN / XOAUTH2 blobs around one. */
  username?: string | undefined
  /** Passwords, access tokens, client secrets; non-strings and very short strings are ignored. */
  secrets: readonly unknown[]
}

/** What a masked stretch of text becomes. */
export const MASK = '****'

/** Characters of base64, base64url and hex: a match inside such a run masks the whole run. */
const ENCODED_CHAR = /[A-Za-z0-9+/=_-]/

/**
 * Masks every form of a set of secrets in text (see `secretForms`): any occurrence of a whole
 * form, and any run of a form's characters long enough to carry a few bytes of the secret (a
 * server may echo a cut or re-aligned piece). A match inside a run of base64/hex characters masks
 * the whole run, so no decodable remainder is left beside the mask. Linear in the text's length.
 */
export class Redactor {
  /** Forms shorter than their gram length, matched whole (longest first). */
  private readonly exact: string[] = []
  /** gram length → every substring of that length of every form, and their first characters. */
  private readonly grams = new Map<number, { set: Set<string>; first: Set<string> }>()

  constructor(source: SecretSource) {
    const username = typeof source.username === 'string' ? source.username : ''
    const forms: SecretForm[] = []
    for (const s of source.secrets) if (typeof s === 'string') forms.push(...secretForms(s, username))
    for (const f of forms) {
      if (f.text.length < f.gram) {
        this.exact.push(f.text)
        continue
      }
      let g = this.grams.get(f.gram)
      if (!g) {
        g = { set: new Set(), first: new Set() }
        this.grams.set(f.gram, g)
      }
      for (let i = 0; i + f.gram <= f.text.length; i++) {
        const piece = f.text.slice(i, i + f.gram)
        if (f.raw && /^[A-Za-z]+$/.test(piece)) continue
        g.set.add(piece)
        g.first.add(piece[0] as string)
      }
    }
    this.exact.sort((a, b) => b.length - a.length)
  }

  /** Whether there is anything to mask at all. */
  get active(): boolean {
    return this.exact.length > 0 || this.grams.size > 0
  }

  /** `text` with every stretch carrying a secret replaced by `****`. */
  redact(text: string): string {
    if (!this.active || text.length === 0) return text
    let marks: Uint8Array | null = null
    const mark = (from: number, to: number): void => {
      marks ??= new Uint8Array(text.length)
      marks.fill(1, from, to)
    }
    for (const form of this.exact) {
      for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) mark(at, at + form.length)
    }
    for (const [len, { set, first }] of this.grams) {
      for (let i = 0; i + len <= text.length; i++) {
        if (first.has(text[i] as string) && set.has(text.slice(i, i + len))) mark(i, i + len)
      }
    }
    if (marks === null) return text
    return maskRuns(text, marks)
  }

  /** A copy of `value` with every string inside it redacted (keys are the schema's, kept). */
  redactDeep<T>(value: T): T {
    if (!this.active) return value
    const walk = (v: unknown, depth: number): unknown => {
      if (typeof v === 'string') return this.redact(v)
      if (depth > 64 || v === null || typeof v !== 'object') return v
      if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1))
      const out: Record<string, unknown> = {}
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, depth + 1)
      return out
    }
    return walk(value, 0) as T
  }
}

function maskRuns(text: string, marks: Uint8Array): string {
  // Grow each marked stretch over the encoded characters around it.
  for (let i = 0; i < text.length; i++) {
    if (marks[i] !== 1) continue
    let j = i
    while (j < text.length && marks[j] === 1) j++
    let a = i
    while (a > 0 && ENCODED_CHAR.test(text[a - 1] as string)) a--
    let b = j
    while (b < text.length && ENCODED_CHAR.test(text[b] as string)) b++
    marks.fill(1, a, b)
    i = b - 1
  }
  let out = ''
  let i = 0
  while (i < text.length) {
    if (marks[i] === 1) {
      while (i < text.length && marks[i] === 1) i++
      out += MASK
    } else {
      const start = i
      while (i < text.length && marks[i] !== 1) i++
      out += text.slice(start, i)
    }
  }
  return out
}

/** A redactor for the given secrets (see `Redactor`). */
export function redactor(source: SecretSource): Redactor {
  return new Redactor(source)
}
