import { constants, createHash, type KeyObject, sign, verify } from 'node:crypto'

/** base64url of bytes or a UTF-8 string, without padding. */
export function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url')
}

/** A decoded, not yet verified JWT. */
export type DecodedJwt = {
  header: Record<string, unknown>
  payload: Record<string, unknown>
  signingInput: string
  signature: Buffer
}

function jsonOf(part: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** Splits a compact JWS; null when it is not one. Bounded: longer than 32 KiB is not a token here. */
export function decodeJwt(token: string): DecodedJwt | null {
  if (token.length > 32 * 1024) return null
  const parts = token.split('.')
  if (parts.length !== 3 || !parts.every((p) => /^[A-Za-z0-9_-]*$/.test(p))) return null
  const [h, p, s] = parts as [string, string, string]
  const header = jsonOf(h)
  const payload = jsonOf(p)
  if (!header || !payload) return null
  return { header, payload, signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') }
}

/** Signs a JWT with RS256 (RSASSA-PKCS1-v1_5, SHA-256), the algorithm Entra signs access tokens with. */
export function signRs256(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  key: KeyObject,
): string {
  const input = `${b64url(JSON.stringify({ ...header, alg: 'RS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`
}

/** Checks a JWT's signature with RS256 or PS256 (what MSAL signs client assertions with). */
export function verifySignature(jwt: DecodedJwt, key: KeyObject): boolean {
  const data = Buffer.from(jwt.signingInput)
  try {
    if (jwt.header.alg === 'RS256') return verify('sha256', data, key, jwt.signature)
    if (jwt.header.alg === 'PS256')
      return verify(
        'sha256',
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
        jwt.signature,
      )
  } catch {
    return false
  }
  return false
}

/** SHA-1 and SHA-256 thumbprints of a DER certificate, base64url, as `x5t` and `x5t#S256` carry them. */
export function thumbprints(der: Buffer): { x5t: string; x5tS256: string } {
  return {
    x5t: createHash('sha1').update(der).digest('base64url'),
    x5tS256: createHash('sha256').update(der).digest('base64url'),
  }
}
