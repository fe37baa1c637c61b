import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'

/** The authority's token-signing key: private half for signing, the public half as a JWK. */
export type SigningKey = {
  kid: string
  privateKey: KeyObject
  publicKey: KeyObject
  jwk: Record<string, unknown>
}

let key: SigningKey | undefined

/**
 * The signing key of every simulated authority in this process (RSA 2048), made when first
 * needed and kept in memory only. Key generation costs a few hundred ms on a busy machine,
 * and tests start many simulators.
 */
export function signingKey(): SigningKey {
  if (key) return key
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const exported = publicKey.export({ format: 'jwk' }) as Record<string, unknown>
  const kid = createHash('sha256').update(String(exported.n)).digest('base64url').slice(0, 27)
  key = { kid, privateKey, publicKey, jwk: { kty: 'RSA', use: 'sig', kid, n: exported.n, e: exported.e } }
  return key
}

/** A public key from a JWK of a JWKS document (what a resource server does with `jwks_uri`). */
export function keyFromJwk(jwk: Record<string, unknown>): KeyObject {
  return createPublicKey({ key: { kty: 'RSA', n: String(jwk.n), e: String(jwk.e) }, format: 'jwk' })
}
