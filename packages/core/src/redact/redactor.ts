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

/** Most gram hashes kept per gram length; longer secrets (16 KiB tokens) are sampled with a stride. */
const MAX_GRAMS = 150_000
const B1 = 0x01000193
const B2 = 0x5bd1e995

/** B^(len-1) for both bases, modulo 2^32. */
function powers(len: number): [number, number] {
  let p1 = 1
  let p2 = 1
  for (let i = 1; i < len; i++) {
    p1 = Math.imul(p1, B1)
    p2 = Math.imul(p2, B2)
  }
  return [p1, p2]
}

/**
 * Calls `at(i, key)` for every window of `len` characters of `text`, with a 53-bit key made of two
 * independent rolling hashes (Rabin-Karp): linear time, no substring allocated per position.
 */
function rolling(text: string, len: number, at: (i: number, key: number) => void): void {
  if (text.length < len) return
  const [p1, p2] = powers(len)
  let h1 = 0
  let h2 = 0
  for (let j = 0; j < len; j++) {
    const c = text.charCodeAt(j)
    h1 = (Math.imul(h1, B1) + c) | 0
    h2 = (Math.imul(h2, B2) + c) | 0
  }
  for (let i = 0; ; i++) {
    at(i, (h1 >>> 0) * 2097152 + ((h2 >>> 0) >>> 11))
    if (i + len >= text.length) return
    const out = text.charCodeAt(i)
    const inc = text.charCodeAt(i + len)
    h1 = (Math.imul((h1 - Math.imul(out, p1)) | 0, B1) + inc) | 0
    h2 = (Math.imul((h2 - Math.imul(out, p2)) | 0, B2) + inc) | 0
  }
}

type GramTable = { len: number; keys: Set<number> }

/**
 * Masks every form of a set of secrets in text (see `secretForms`): any occurrence of a whole
 * form, and any run of a form's characters long enough to carry a few bytes of the secret (a
 * server may echo a cut or re-aligned piece). A match inside a run of base64/hex characters masks
 * the whole run, so no decodable remainder is left beside the mask. Linear in the text's length.
 * (For very long secrets the pieces are sampled: a run must then be a few characters longer.)
 */
export class Redactor {
  /** Forms shorter than their gram length, matched whole (longest first). */
  private readonly exact: string[] = []
  /** One table per gram length: the hashes of the forms' pieces of that length. */
  private readonly tables: GramTable[] = []

  constructor(source: SecretSource) {
    const username = typeof source.username === 'string' ? source.username : ''
    const forms: SecretForm[] = []
    for (const s of source.secrets) if (typeof s === 'string') forms.push(...secretForms(s, username))
    const byLen = new Map<number, SecretForm[]>()
    for (const f of forms) {
      if (f.text.length < f.gram) this.exact.push(f.text)
      else byLen.set(f.gram, [...(byLen.get(f.gram) ?? []), f])
    }
    for (const [len, list] of byLen) {
      const positions = list.reduce((n, f) => n + f.text.length - len + 1, 0)
      // Any piece of at least len + stride - 1 characters still holds a sampled window.
      const stride = Math.max(1, Math.ceil(positions / MAX_GRAMS))
      const keys = new Set<number>()
      for (const f of list) {
        rolling(f.text, len, (i, key) => {
          if (i % stride !== 0) return
          // Letters-only pieces of the raw secret are words ("assword") that replies also contain.
          if (f.raw && /^[A-Za-z]+$/.test(f.text.slice(i, i + len))) return
          keys.add(key)
        })
      }
      if (keys.size > 0) this.tables.push({ len, keys })
    }
    this.exact.sort((a, b) => b.length - a.length)
  }

  /** Whether there is anything to mask at all. */
  get active(): boolean {
    return this.exact.length > 0 || this.tables.length > 0
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
    for (const { len, keys } of this.tables) {
      rolling(text, len, (i, key) => {
        if (keys.has(key)) mark(i, i + len)
      })
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
