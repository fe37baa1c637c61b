import { Token } from '../schema/token.js'

/** Why a text could not be read as a token. Stable codes; the messages never quote the input. */
export type TokenDecodeErrorCode =
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'NOT_A_JWT'
  | 'ENCRYPTED'
  | 'BAD_BASE64'
  | 'BAD_JSON'
  | 'BAD_CLAIMS'

/** A text that is not a readable JWT. The message names what is wrong, never the text itself. */
export class TokenDecodeError extends Error {
  readonly code: TokenDecodeErrorCode
  constructor(code: TokenDecodeErrorCode, message: string) {
    super(message)
    this.name = 'TokenDecodeError'
    this.code = code
  }
}

/** Longest token text accepted (Entra access tokens are a few KiB; the SMTP line limit is far below this). */
export const MAX_TOKEN_LENGTH = 32 * 1024

const BASE64URL = /^[A-Za-z0-9_-]+$/
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

function base64urlBytes(part: string, what: string): Uint8Array {
  if (!BASE64URL.test(part) || part.length % 4 === 1)
    throw new TokenDecodeError('BAD_BASE64', `the token's ${what} is not base64url`)
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (part.length % 4)) % 4)
  let bin: string
  try {
    bin = atob(b64)
  } catch {
    throw new TokenDecodeError('BAD_BASE64', `the token's ${what} is not base64url`)
  }
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return bytes
}

function jsonPart(part: string, what: string): Record<string, unknown> {
  const bytes = base64urlBytes(part, what)
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw new TokenDecodeError('BAD_JSON', `the token's ${what} is not JSON`)
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new TokenDecodeError('BAD_JSON', `the token's ${what} is not a JSON object`)
  return value as Record<string, unknown>
}

/**
 * The bearer token inside what a person pastes: a bare JWT, `Bearer <jwt>`, an
 * `Authorization:` header, or the base64 XOAUTH2 string (`user=…^Aauth=Bearer <jwt>^A^A`)
 * copied from an `AUTH XOAUTH2` line.
 */
function bearerOf(text: string): string {
  let t = text.trim()
  t = t.replace(/^authorization:\s*/i, '').replace(/^auth xoauth2\s+/i, '')
  t = t.replace(/^bearer\s+/i, '')
  if (!t.includes('.') && BASE64.test(t) && t.length >= 16) {
    let decoded = ''
    try {
      decoded = atob(t)
    } catch {
      decoded = ''
    }
    const m = /auth=Bearer ([^\x01\s]+)/.exec(decoded)
    if (decoded.startsWith('user=') && m?.[1]) return m[1]
  }
  return t
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim().length > 0 ? v.trim().slice(0, 1024) : undefined
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : undefined
}

function list(v: unknown, split: boolean): string[] | undefined {
  const items =
    typeof v === 'string'
      ? split
        ? v.split(/\s+/)
        : [v]
      : Array.isArray(v)
        ? v.filter((x) => typeof x === 'string')
        : []
  const out = items.map((x) => x.trim()).filter((x) => x.length > 0)
  return out.length > 0 ? out.slice(0, 500) : undefined
}

/** Options of {@link decodeToken}. */
export type DecodeTokenOptions = {
  /** The time to judge expiry against, in seconds since the epoch (`checkedAt`). Default: now. */
  now?: number
}

/**
 * Reads the claims of a JWT access token locally: base64url-decodes its payload, with no
 * signature check and no network. Only the claims that matter for SMTP AUTH are kept (the
 * {@link Token} fact); the signature and the token text are dropped. Throws a
 * {@link TokenDecodeError} whose message never contains the input.
 * @example decodeToken(process.env.SMTP_DOCTOR_TOKEN ?? '').aud // 'https://outlook.office365.com'
 */
export function decodeToken(text: string, options: DecodeTokenOptions = {}): Token {
  if (typeof text !== 'string' || text.trim().length === 0)
    throw new TokenDecodeError('EMPTY', 'no token was given')
  if (text.length > MAX_TOKEN_LENGTH)
    throw new TokenDecodeError(
      'TOO_LARGE',
      `the text is ${text.length} characters long; an access token is at most ${MAX_TOKEN_LENGTH}`,
    )
  const jwt = bearerOf(text)
  const parts = jwt.split('.')
  if (parts.length === 5)
    throw new TokenDecodeError(
      'ENCRYPTED',
      'this is an encrypted token (JWE): only the resource it was issued for can read it',
    )
  if (parts.length !== 3 || !parts[0] || !parts[1])
    throw new TokenDecodeError(
      'NOT_A_JWT',
      `not a JWT: an access token has three dot-separated parts, this text has ${parts.length}`,
    )
  const header = jsonPart(parts[0], 'header')
  if (typeof header.alg !== 'string')
    throw new TokenDecodeError('NOT_A_JWT', "not a JWT: the header names no 'alg'")
  const p = jsonPart(parts[1], 'payload')

  const scp = list(p.scp, true)
  const roles = list(p.roles, false)
  const aud = Array.isArray(p.aud) ? str(p.aud[0]) : str(p.aud)
  const now = options.now ?? Math.floor(Date.now() / 1000)
  const claims = {
    aud,
    iss: str(p.iss),
    tid: str(p.tid),
    appid: str(p.appid),
    azp: str(p.azp),
    idtyp: str(p.idtyp),
    roles,
    scp,
    exp: num(p.exp),
    nbf: num(p.nbf),
    iat: num(p.iat),
    upn: str(p.upn),
    unique_name: str(p.unique_name),
    preferred_username: str(p.preferred_username),
    oid: str(p.oid),
    ver: str(p.ver),
    checkedAt: Math.floor(now),
  }
  const kept = Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined))
  const parsed = Token.safeParse(kept)
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? ''
    throw new TokenDecodeError('BAD_CLAIMS', `the token's claim ${where || '(unknown)'} is out of range`)
  }
  return parsed.data
}

/**
 * The claims of an access token for the engine, or `undefined` when the text is missing or not a
 * readable JWT (an opaque token, a typo): a probe still runs, only the token checks are skipped.
 */
export function tokenClaimsOf(text: string | undefined): Token | undefined {
  if (!text) return undefined
  try {
    return decodeToken(text)
  } catch {
    return undefined
  }
}

/**
 * The user a token signs in as (delegated tokens): `upn`, else `preferred_username`, else
 * `unique_name`.
 */
export function tokenUser(t: Token): string | undefined {
  return t.upn ?? t.preferred_username ?? t.unique_name
}

/** How a surface words the two things `tokenClaimRows` writes: an empty list, and a time from now. */
export type ClaimRowText = {
  /** Shown for `roles` of an app token, or `scp` of a user token, that has none. */
  none: string
  /** "in 12 min" / "3 min ago", from minutes relative to `checkedAt` (negative = in the past). */
  relative: (minutes: number) => string
}

/**
 * The claims a reader checks, in that order, as `[name, value]` rows (claims the token lacks are
 * left out): the one list the CLI's `token` command and the site's token page print. Never the
 * token itself. Times read as ISO 8601 plus `text.relative` of their distance from `checkedAt`.
 */
export function tokenClaimRows(t: Token, text: ClaimRowText): [string, string][] {
  const now = t.checkedAt ?? Math.floor(Date.now() / 1000)
  const when = (s: number | undefined) =>
    s === undefined
      ? undefined
      : `${new Date(s * 1000).toISOString().replace('.000Z', 'Z')} (${text.relative(Math.round((s - now) / 60))})`
  const rows: [string, string | undefined][] = [
    ['aud', t.aud],
    ['idtyp', t.idtyp],
    ['roles', t.roles ? t.roles.join(' ') : t.idtyp === 'app' ? text.none : undefined],
    ['scp', t.scp ? t.scp.join(' ') : t.idtyp === 'user' ? text.none : undefined],
    ['tid', t.tid],
    ['appid', t.appid ?? t.azp],
    ['upn', tokenUser(t)],
    ['oid', t.oid],
    ['nbf', when(t.nbf)],
    ['exp', when(t.exp)],
    ['iss', t.iss],
    ['ver', t.ver],
  ]
  return rows.filter((r): r is [string, string] => r[1] !== undefined)
}
