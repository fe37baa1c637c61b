/*
 * Byte encodings without Node's Buffer, so the redactor runs in a browser too.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const utf8 = new TextEncoder()

/** UTF-8 bytes of a string. */
export function bytesOf(text: string): Uint8Array {
  return utf8.encode(text)
}

/** Standard base64 with `=` padding. */
export function base64(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number)
    out +=
      B64.charAt((n >> 18) & 63) + B64.charAt((n >> 12) & 63) + B64.charAt((n >> 6) & 63) + B64.charAt(n & 63)
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = (bytes[i] as number) << 16
    out += `${B64.charAt((n >> 18) & 63)}${B64.charAt((n >> 12) & 63)}==`
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8)
    out += `${B64.charAt((n >> 18) & 63)}${B64.charAt((n >> 12) & 63)}${B64.charAt((n >> 6) & 63)}=`
  }
  return out
}

/** base64url (RFC 4648 §5) of a standard base64 string; padding kept as given. */
export function toBase64Url(b64: string): string {
  return b64.replace(/\+/g, '-').replace(/\//g, '_')
}

/** Lower-case hex of the bytes. */
export function hex(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}

const B64_VALUE = new Map([...B64].map((c, i) => [c, i]))

/** Decodes standard or url-safe base64 (padding optional); null when it is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  const clean = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/')
  if (clean.length % 4 === 1) return null
  const out: number[] = []
  let acc = 0
  let bits = 0
  for (const c of clean) {
    const v = B64_VALUE.get(c)
    if (v === undefined) return null
    acc = (acc << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out.push((acc >> bits) & 0xff)
    }
  }
  return Uint8Array.from(out)
}
