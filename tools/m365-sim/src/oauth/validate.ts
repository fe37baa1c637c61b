import type { SimAccount, SimScenario } from '../scenario.js'
import { EXCHANGE_APP_ID, EXCHANGE_AUDIENCE } from './authority.js'
import { decodeJwt, verifySignature } from './jwt.js'
import { keyFromJwk, type SigningKey } from './keys.js'
import type { SimOAuth } from './scenario.js'

const AUDIENCES = new Set([
  EXCHANGE_AUDIENCE,
  `${EXCHANGE_AUDIENCE}/`,
  'https://outlook.office.com',
  EXCHANGE_APP_ID,
])
/** Clock skew Exchange tolerates on exp / nbf, in seconds. */
const SKEW = 300

/** Why a token was refused; the simulator answers every one with `535 5.7.3`, as Exchange does. */
export type TokenRefusal =
  | 'not-a-jwt'
  | 'bad-signature'
  | 'wrong-audience'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-tenant'
  | 'missing-role'
  | 'missing-scope'
  | 'no-service-principal'
  | 'no-mailbox-permission'
  | 'user-mismatch'
  | 'unknown-mailbox'

/**
 * Validates an XOAUTH2 bearer token the way Exchange Online does for SMTP AUTH: the signature
 * against the authority's JWKS key, audience Exchange Online, expiry, tenant, then app-only
 * (`roles` SMTP.SendAsApp, the service principal registered in Exchange with access to the
 * mailbox) or delegated (`scp` SMTP.Send, signed in as the mailbox's user).
 */
export function validateXoauth2(
  token: string,
  username: string,
  sc: SimScenario,
  oauth: SimOAuth,
  jwks: SigningKey['jwk'][],
  now: number = Math.floor(Date.now() / 1000),
): { ok: true; account: SimAccount } | { ok: false; why: TokenRefusal } {
  const jwt = decodeJwt(token)
  if (!jwt) return { ok: false, why: 'not-a-jwt' }
  const jwk = jwks.find((k) => k.kid === jwt.header.kid)
  if (!jwk || jwt.header.alg !== 'RS256' || !verifySignature(jwt, keyFromJwk(jwk)))
    return { ok: false, why: 'bad-signature' }
  const p = jwt.payload
  if (typeof p.aud !== 'string' || !AUDIENCES.has(p.aud)) return { ok: false, why: 'wrong-audience' }
  if (typeof p.exp !== 'number' || p.exp + SKEW < now) return { ok: false, why: 'expired' }
  if (typeof p.nbf === 'number' && p.nbf - SKEW > now) return { ok: false, why: 'not-yet-valid' }
  if (String(p.tid ?? '').toLowerCase() !== oauth.tenantId.toLowerCase())
    return { ok: false, why: 'wrong-tenant' }
  const account = sc.accounts.find((a) => a.username.toLowerCase() === username.toLowerCase())
  if (!account) return { ok: false, why: 'unknown-mailbox' }
  const appOnly = p.idtyp === 'app' || (p.scp === undefined && p.roles !== undefined)
  if (appOnly) {
    const roles = Array.isArray(p.roles) ? p.roles : []
    if (!roles.includes('SMTP.SendAsApp')) return { ok: false, why: 'missing-role' }
    const app = oauth.apps.find(
      (a) => a.clientId.toLowerCase() === String(p.appid ?? p.azp ?? '').toLowerCase(),
    )
    if (!app?.exchangeServicePrincipal) return { ok: false, why: 'no-service-principal' }
    if (!app.mailboxes.some((m) => m.toLowerCase() === username.toLowerCase()))
      return { ok: false, why: 'no-mailbox-permission' }
    return { ok: true, account }
  }
  const scopes = typeof p.scp === 'string' ? p.scp.split(/\s+/) : []
  if (!scopes.includes('SMTP.Send')) return { ok: false, why: 'missing-scope' }
  const user = String(p.upn ?? p.preferred_username ?? p.unique_name ?? '').toLowerCase()
  if (user !== username.toLowerCase()) return { ok: false, why: 'user-mismatch' }
  return { ok: true, account }
}
