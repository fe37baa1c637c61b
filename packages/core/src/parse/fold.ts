/**
 * Folding for literal matchers: text and patterns are compared after the same fold — lower
 * case, NFD minus combining marks (so "Ověření" ≡ "overeni"), every run of whitespace one space.
 * Folding works one UTF-16 code unit at a time (cached), so a line is folded in one pass.
 */

const MARKS = /\p{M}/gu
const SPACE = /^\s$/u
const cache = new Map<number, string>()
/** Most distinct non-ASCII code units cached (the rest are folded each time; still correct). */
const MAX_CACHE = 4096

/** Folded form of one UTF-16 code unit: '' (a combining mark), ' ' (whitespace) or 1+ characters. */
export function foldUnit(code: number): string {
  if (code < 128) {
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32)
    if (code === 9 || code === 10 || code === 11 || code === 12 || code === 13 || code === 32) return ' '
    return String.fromCharCode(code)
  }
  let f = cache.get(code)
  if (f !== undefined) return f
  const ch = String.fromCharCode(code)
  if (SPACE.test(ch)) f = ' '
  else if (code >= 0xd800 && code <= 0xdfff) f = ch
  else f = ch.toLowerCase().normalize('NFD').replace(MARKS, '')
  if (cache.size < MAX_CACHE) cache.set(code, f)
  return f
}

/** Folds a string: lower case, no diacritics, whitespace runs → one space. Not trimmed. */
export function fold(s: string): string {
  let out = ''
  let space = false
  for (let i = 0; i < s.length; i++) {
    const f = foldUnit(s.charCodeAt(i))
    if (f === ' ') {
      if (!space) out += ' '
      space = true
    } else if (f.length > 0) {
      out += f
      space = false
    }
  }
  return out
}
