import { describe, expect, it } from 'vitest'
import { Facts } from '../schema/facts.js'
import { decodeToken, TokenDecodeError, tokenClaimRows, tokenClaimsOf, tokenUser } from './decode.js'

const b64url = (s: string) => Buffer.from(s).toString('base64url')
const jwt = (payload: unknown, header: unknown = { alg: 'RS256', typ: 'JWT' }, sig = 'c2lnbmF0dXJlLXBhcnQ') =>
  `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${sig}`

const appClaims = {
  aud: 'https://outlook.office365.com',
  iss: 'https://sts.windows.net/5f3c8a1e-0000-4000-8000-000000000001/',
  tid: '5f3c8a1e-0000-4000-8000-000000000001',
  appid: '11111111-2222-3333-4444-555555555555',
  idtyp: 'app',
  roles: ['SMTP.SendAsApp'],
  exp: 2_000_000_000,
  nbf: 1_999_990_000,
  iat: 1_999_990_000,
  oid: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  ver: '1.0',
  name: 'not kept',
  xms_tcdt: 1600000000,
}

describe('decodeToken', () => {
  it('keeps the claims that matter and drops the rest, the signature included', () => {
    const t = decodeToken(jwt(appClaims), { now: 1_999_995_000 })
    expect(t).toEqual({
      aud: 'https://outlook.office365.com',
      iss: appClaims.iss,
      tid: appClaims.tid,
      appid: appClaims.appid,
      idtyp: 'app',
      roles: ['SMTP.SendAsApp'],
      exp: 2_000_000_000,
      nbf: 1_999_990_000,
      iat: 1_999_990_000,
      oid: appClaims.oid,
      ver: '1.0',
      checkedAt: 1_999_995_000,
    })
    expect(JSON.stringify(t)).not.toContain('c2lnbmF0dXJlLXBhcnQ')
    expect(Facts.parse({ token: t }).token).toEqual(t)
  })

  it('splits a delegated scp claim and finds the user', () => {
    const t = decodeToken(
      `Bearer ${jwt({ aud: 'https://outlook.office.com', scp: 'SMTP.Send  User.Read', preferred_username: 'scanner@contoso.com', ver: '2.0', azp: 'x' })}`,
    )
    expect(t.scp).toEqual(['SMTP.Send', 'User.Read'])
    expect(tokenUser(t)).toBe('scanner@contoso.com')
    expect(typeof t.checkedAt).toBe('number')
  })

  it('reads the token out of a pasted base64 XOAUTH2 string', () => {
    const token = jwt({ aud: 'https://graph.microsoft.com', roles: ['Mail.Send'] })
    const blob = Buffer.from(`user=scanner@contoso.com\x01auth=Bearer ${token}\x01\x01`).toString('base64')
    expect(decodeToken(`AUTH XOAUTH2 ${blob}`).aud).toBe('https://graph.microsoft.com')
  })

  it('takes the first audience of an array', () => {
    expect(decodeToken(jwt({ aud: ['https://outlook.office365.com', 'x'] })).aud).toBe(
      'https://outlook.office365.com',
    )
  })

  const secretish = 'Zm9vYmFyLXNlY3JldC1kby1ub3QtZWNobw'
  it.each([
    ['', 'EMPTY'],
    ['   \n', 'EMPTY'],
    [secretish, 'NOT_A_JWT'],
    [`${secretish}.${secretish}`, 'NOT_A_JWT'],
    [`${b64url('{"alg":"RSA-OAEP"}')}.a.b.c.d`, 'ENCRYPTED'],
    [`${b64url('{"alg":"RS256"}')}.${secretish}!!.sig`, 'BAD_BASE64'],
    [`${b64url('{"alg":"RS256"}')}.${b64url('not json')}.sig`, 'BAD_JSON'],
    [`${b64url('{"alg":"RS256"}')}.${b64url('[1,2]')}.sig`, 'BAD_JSON'],
    [`${b64url('{"typ":"JWT"}')}.${b64url('{}')}.sig`, 'NOT_A_JWT'],
    [`${b64url('{"alg":"RS256"}')}.${b64url(JSON.stringify({ exp: 1e20 }))}.sig`, 'BAD_CLAIMS'],
    [`${'a'.repeat(40_000)}`, 'TOO_LARGE'],
  ])('refuses %#: %s with %s and never quotes the input', (input, code) => {
    let err: unknown
    try {
      decodeToken(input)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(TokenDecodeError)
    expect((err as TokenDecodeError).code).toBe(code)
    expect((err as Error).message).not.toContain(secretish)
    expect((err as Error).message.length).toBeLessThan(200)
  })
})

describe('tokenClaimRows', () => {
  const text = { none: '(none)', relative: (m: number) => (m >= 0 ? `in ${m} min` : `${-m} min ago`) }

  it('lists the claims a reader checks, in order, with times relative to checkedAt, and never the token', () => {
    const token = jwt(appClaims)
    const t = { ...decodeToken(token), checkedAt: 2_000_000_000 - 600 }
    const rows = tokenClaimRows(t, text)
    expect(rows.map(([k]) => k)).toEqual([
      'aud',
      'idtyp',
      'roles',
      'tid',
      'appid',
      'oid',
      'nbf',
      'exp',
      'iss',
      'ver',
    ])
    expect(Object.fromEntries(rows)).toMatchObject({
      roles: 'SMTP.SendAsApp',
      exp: '2033-05-18T03:33:20Z (in 10 min)',
      nbf: '2033-05-18T00:46:40Z (157 min ago)',
    })
    expect(rows.flat().join(' ')).not.toContain(token.split('.')[1])
  })

  it('says "none" for the permission list the token kind should have but lacks', () => {
    const app = tokenClaimRows(decodeToken(jwt({ ...appClaims, roles: undefined })), text)
    expect(Object.fromEntries(app).roles).toBe('(none)')
    const user = tokenClaimRows(decodeToken(jwt({ aud: 'x', idtyp: 'user', upn: 'a@contoso.com' })), text)
    expect(Object.fromEntries(user)).toMatchObject({ scp: '(none)', upn: 'a@contoso.com' })
    expect(user.map(([k]) => k)).not.toContain('roles')
  })
})

describe('tokenClaimsOf', () => {
  it('gives the claims of a readable token and nothing for no token or an opaque one', () => {
    expect(tokenClaimsOf(jwt(appClaims))?.aud).toBe('https://outlook.office365.com')
    expect(tokenClaimsOf(undefined)).toBeUndefined()
    expect(tokenClaimsOf('')).toBeUndefined()
    expect(tokenClaimsOf('EwBAAl3BAAUFFpUAo7J3Ve0bjLBWZWCclRC3EoAA')).toBeUndefined()
  })
})
