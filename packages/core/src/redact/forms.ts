import { base64, bytesOf, hex, toBase64Url } from './encode.js'

/** How a form is matched: whole, and by any run of `gram` characters of it; `raw`: the secret as is. */
export type SecretForm = { text: string; gram: number; raw?: true }

/** Secrets shorter than this are ignored: masking them would mangle ordinary text. */
export const MIN_SECRET = 3

/** Shortest encoded form matched whole. */
const MIN_ENCODED = 6

/**
 * Shortest piece of the raw secret that is masked on its own (a server may echo part of it).
 * Pieces made of letters only are not used: they are words ("assword") that replies also contain.
 */
export const RAW_GRAM = 8
/** Shortest piece of an escaped or base64 form masked on its own (8 base64 characters = 6 bytes). */
export const ENCODED_GRAM = 8
/** Shortest piece of a hex form masked on its own (6 bytes). */
export const HEX_GRAM = 12
/** The same 6 bytes as separated hex (`41 42 …`) and as `\x41\x42…`. */
const SEPARATED_HEX_GRAM = 17
const ESCAPED_HEX_GRAM = 24

/** The AUTH blobs a probe (or any SMTP client) builds around a secret. */
export function authBlobs(secret: string, username = ''): string[] {
  return [
    `\0${username}\0${secret}`, // AUTH PLAIN (RFC 4616), empty authorisation identity
    `${username}\0${username}\0${secret}`, // AUTH PLAIN with the authorisation identity spelled out
    `user=${username}\x01auth=Bearer ${secret}\x01\x01`, // XOAUTH2
    `n,a=${username},\x01auth=Bearer ${secret}\x01\x01`, // OAUTHBEARER (RFC 7628)
  ]
}

/**
 * The base64 texts that carry `bytes` wherever they sit in a longer base64 stream: for each of the
 * three byte alignments, the characters that depend on these bytes alone (the complete groups),
 * plus the whole encoding as sent on its own, padded and unpadded; each also as base64url.
 */
function base64Forms(bytes: Uint8Array): string[] {
  const out: string[] = []
  for (let shift = 0; shift < 3 && shift < bytes.length; shift++) {
    const tail = bytes.subarray(shift)
    const whole = Math.floor(tail.length / 3) * 3
    if (whole > 0) out.push(base64(tail.subarray(0, whole)))
    const alone = base64(tail)
    out.push(alone, alone.replace(/=+$/, ''))
  }
  return out.flatMap((b) => [b, toBase64Url(b)])
}

function jsonEscaped(text: string): string {
  return JSON.stringify(text).slice(1, -1)
}

/**
 * Every form in which `secret` can reach a server reply, a transcript, a log line or a JSON
 * answer: raw; JSON-escaped (once and twice); URL-encoded (both hex cases, `+` or `%20` for a
 * space); hex of its UTF-8 bytes (both cases); base64 and base64url at every alignment, padded or
 * not, of the secret and of each AUTH blob built around it (PLAIN, LOGIN, XOAUTH2, OAUTHBEARER).
 */
export function secretForms(secret: string, username = ''): SecretForm[] {
  if (secret.length < MIN_SECRET) return []
  const bytes = bytesOf(secret)
  const forms: SecretForm[] = [{ text: secret, gram: RAW_GRAM, raw: true }]
  // A server that upper- or lower-cases what it echoes still shows the secret but for its case.
  for (const c of [secret.toLowerCase(), secret.toUpperCase()])
    forms.push({ text: c, gram: RAW_GRAM, raw: true })
  const escaped = jsonEscaped(secret)
  for (const e of [escaped, jsonEscaped(escaped)]) forms.push({ text: e, gram: ENCODED_GRAM })
  const url = encodeURIComponent(secret)
  for (const u of [url, url.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()), url.replace(/%20/g, '+')]) {
    forms.push({ text: u, gram: ENCODED_GRAM })
  }
  const h = hex(bytes)
  forms.push({ text: h, gram: HEX_GRAM }, { text: h.toUpperCase(), gram: HEX_GRAM })
  // Hex dumps and byte reprs separate the bytes: `41 42`, `41:42`, `\x41\x42`.
  const pairs = h.match(/../g) ?? []
  for (const sep of [' ', ':']) {
    for (const p of [pairs, pairs.map((x) => x.toUpperCase())])
      forms.push({ text: p.join(sep), gram: SEPARATED_HEX_GRAM })
  }
  forms.push({ text: pairs.map((x) => `\\x${x}`).join(''), gram: ESCAPED_HEX_GRAM })
  // AUTH LOGIN sends the secret alone in base64; the blobs carry it after the username.
  for (const b of base64Forms(bytes)) forms.push({ text: b, gram: ENCODED_GRAM })
  for (const blob of authBlobs(secret, username)) {
    for (const b of base64Forms(bytesOf(blob))) forms.push({ text: b, gram: ENCODED_GRAM })
  }
  const seen = new Set<string>()
  return forms.filter((f) => {
    // A short encoded piece (a 2-byte tail at another alignment) would match ordinary text by chance.
    const shortest = f.raw ? MIN_SECRET : MIN_ENCODED
    if (f.text.length < shortest || seen.has(f.text)) return false
    seen.add(f.text)
    return true
  })
}
