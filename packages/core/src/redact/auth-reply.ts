import { decodeBase64 } from './encode.js'
import { MASK } from './redactor.js'

/** A run of base64/base64url/hex characters long enough to carry an echoed credential. */
const ENCODED_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g
const HEX_ONLY = /^[0-9a-fA-F]+$/

function looksEncoded(run: string): boolean {
  if (HEX_ONLY.test(run)) return true
  // Words, host names and GUIDs have no mixed case with digits or base64 punctuation.
  const mixedCase = /[a-z]/.test(run) && /[A-Z]/.test(run)
  if (!mixedCase) return false
  if (/[0-9+/=_]/.test(run)) return true
  // Letters only: CamelCase words (SmtpClientAuthentication) change case at word starts, about
  // a quarter of the letters; random base64 about every other letter.
  const changes = run.match(/[a-z](?=[A-Z])|[A-Z](?=[a-z])/g)?.length ?? 0
  return changes / run.length >= 0.4
}

const CHALLENGE_VALUE: Record<string, RegExp> = {
  status: /^\d{3}$/,
  schemes: /^[A-Za-z ]{1,40}$/,
  scope: /^[A-Za-z0-9:/._ -]{1,200}$/,
}

/**
 * An XOAUTH2 / OAUTHBEARER failure challenge (RFC 7628 §3.2.2): base64 of a small JSON object.
 * Returned decoded when it holds only the documented keys with plain values, else null.
 */
function challenge(text: string): string | null {
  const bytes = decodeBase64(text)
  if (!bytes || bytes.length > 1024) return null
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const entries = Object.entries(value)
  if (entries.length === 0) return null
  for (const [k, v] of entries) {
    const shape = CHALLENGE_VALUE[k]
    if (!shape || typeof v !== 'string' || !shape.test(v)) return null
  }
  return JSON.stringify(Object.fromEntries(entries))
}

/**
 * The text of a reply to AUTH or to a credential line, as it may be kept: the wording stays (the
 * caller keeps code and enhanced code apart), a documented OAuth challenge is shown decoded, and
 * every long base64 or hex run — what an echo of the client's blob looks like, at any alignment,
 * padded or not — becomes `****`. Used on top of a `Redactor`, which only knows the secrets.
 */
export function authReplyText(text: string): string {
  const trimmed = text.trim()
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    const decoded = challenge(trimmed)
    if (decoded !== null) return decoded
  }
  return text.replace(ENCODED_RUN, (run) => (looksEncoded(run) ? MASK : run))
}
