import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { authBlobs, authReplyText, MASK, printable, redactor } from './index.js'

/** A password-like secret made here, never a fixture. */
function makeSecret(len: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%&*+-'
  const bytes = randomBytes(len)
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('')
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')
const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url')

/** Whether any 5 consecutive bytes of `secret` can be read back from `text` in any encoding. */
function decodable(text: string, secret: string): boolean {
  const pieces = new Set<string>()
  const sb = Buffer.from(secret)
  for (let i = 0; i + 5 <= sb.length; i++) pieces.add(sb.subarray(i, i + 5).toString('latin1'))
  const candidates: Buffer[] = [Buffer.from(text)]
  for (const run of text.match(/[A-Za-z0-9+/_-]{6,}={0,2}/g) ?? []) {
    for (let shift = 0; shift < 4; shift++) {
      const r = run.slice(shift).replace(/=+$/, '')
      candidates.push(Buffer.from(r.slice(0, r.length - (r.length % 4 === 1 ? 1 : 0)), 'base64'))
      candidates.push(Buffer.from(r, 'base64url'))
    }
  }
  for (const run of text.match(/[0-9a-fA-F]{10,}/g) ?? []) {
    candidates.push(Buffer.from(run, 'hex'), Buffer.from(run.slice(1), 'hex'))
  }
  for (const c of candidates) {
    const s = c.toString('latin1')
    for (const p of pieces) if (s.includes(p)) return true
  }
  return false
}

describe('redactor', () => {
  const user = 'scanner@contoso.com'

  it('masks the raw, JSON-escaped, URL-encoded and hex forms of a secret', () => {
    const secret = `${makeSecret(14)}"\\ é/`
    const r = redactor({ username: user, secrets: [secret] })
    const hex = Buffer.from(secret).toString('hex')
    const forms = [
      secret,
      JSON.stringify(secret).slice(1, -1),
      JSON.stringify(JSON.stringify(secret)).slice(1, -1),
      encodeURIComponent(secret),
      encodeURIComponent(secret).toLowerCase(),
      hex,
      hex.toUpperCase(),
      (hex.match(/../g) ?? []).join(' '),
      (hex.match(/../g) ?? []).join(':').toUpperCase(),
      (hex.match(/../g) ?? []).map((x) => `\\x${x}`).join(''),
      secret.toUpperCase(),
      secret.toLowerCase(),
    ]
    for (const form of forms) {
      const out = r.redact(`535 5.7.8 echo: ${form} end`)
      expect(out).toContain(MASK)
      expect(out).toContain('535 5.7.8 echo:')
      expect(decodable(out, secret)).toBe(false)
      expect(out).not.toContain(secret.slice(0, 8))
    }
  })

  it('masks base64 and base64url of the secret and of every AUTH blob, at every alignment, padded or not', () => {
    // Usernames of every length mod 3 put the password at every byte alignment of the PLAIN blob.
    for (const name of ['a@b.cz', 'ab@b.cz', 'abc@b.cz']) {
      for (const len of [8, 9, 10, 24]) {
        const secret = makeSecret(len)
        const r = redactor({ username: name, secrets: [secret] })
        const blobs = [secret, ...authBlobs(secret, name)]
        for (const blob of blobs) {
          for (const prefix of ['', 'x', 'xy']) {
            // The blob inside a longer base64 stream: another alignment for the secret's bytes.
            const bytes = Buffer.from(prefix + blob)
            for (const enc of [b64(bytes), b64(bytes).replace(/=+$/, ''), b64u(bytes)]) {
              const out = r.redact(`334 ${enc}`)
              expect(out, `${name} ${len} ${JSON.stringify(prefix)} ${enc}`).toBe(`334 ${MASK}`)
            }
          }
        }
      }
    }
  })

  it('masks long-enough substrings of any encoding (a cut or re-aligned echo)', () => {
    const secret = makeSecret(30)
    const r = redactor({ username: user, secrets: [secret] })
    const plain = b64(`\0${user}\0${secret}`)
    for (let start = 0; start < plain.length - 12; start += 5) {
      const piece = plain.slice(start, start + 12)
      const out = r.redact(`535 ${piece}.`)
      if (decodable(piece, secret)) expect(out).toBe(`535 ${MASK}.`)
    }
    const hex = Buffer.from(secret).toString('hex')
    expect(r.redact(`x ${hex.slice(7, 31)} y`)).toBe(`x ${MASK} y`)
    expect(r.redact(`said ${secret.slice(5, 17)}`)).not.toContain(secret.slice(5, 17))
  })

  it('a 16 KiB token (the schema maximum) is masked whole and by any 40-character piece', () => {
    const token = randomBytes(12 * 1024).toString('base64url')
    const r = redactor({ username: user, secrets: [token] })
    const blob = b64(`user=${user}\x01auth=Bearer ${token}\x01\x01`)
    expect(r.redact(`334 ${blob}`)).toBe(`334 ${MASK}`)
    for (const at of [0, 777, 5001, 12_000]) {
      const piece = token.slice(at, at + 40)
      expect(r.redact(`said ${piece}.`), String(at)).toBe(`said ${MASK}.`)
      const b = blob.slice(at, at + 40)
      expect(r.redact(`said ${b}.`), String(at)).toBe(`said ${MASK}.`)
    }
  })

  it('leaves ordinary text alone and knows nothing without secrets', () => {
    const secret = makeSecret(16)
    const r = redactor({ username: user, secrets: [secret, undefined, true, 'ab'] })
    const reply =
      '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria [AM0PR01CA0123.eurprd01.prod.exchangelabs.com]'
    expect(r.redact(reply)).toBe(reply)
    const none = redactor({ secrets: [] })
    expect(none.active).toBe(false)
    expect(none.redact(secret)).toBe(secret)
  })

  it('redacts deep values', () => {
    const secret = makeSecret(20)
    const r = redactor({ secrets: [secret] })
    const out = r.redactDeep({ a: [`x ${secret}`, 3, null, { k: b64(secret) }] })
    expect(JSON.stringify(out)).not.toContain(secret)
    expect(JSON.stringify(out)).not.toContain(b64(secret).slice(0, 12))
    expect(out.a[1]).toBe(3)
  })

  it('is linear: a megabyte of near-misses costs no more than plain text of the same size', () => {
    const secret = makeSecret(40)
    const r = redactor({ username: user, secrets: [secret] })
    const text = secret.slice(0, 5).repeat(200_000)
    // Correctness only (no timing): nothing of 6+ characters matches, so the text is unchanged.
    expect(r.redact(text)).toBe(text)
  })
})

describe('authReplyText', () => {
  it('keeps the wording and drops base64 and hex runs', () => {
    // Fixed (not a real credential) so the run's shape does not depend on chance.
    const blob = b64('\0user\0not-a-real-password').replace(/=+$/, '')
    expect(authReplyText(`Authentication unsuccessful ${blob}`)).toBe(`Authentication unsuccessful ${MASK}`)
    const hex = randomBytes(12).toString('hex')
    expect(authReplyText(`bad credentials (${hex})`)).toBe(`bad credentials (${MASK})`)
    const kept =
      'Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully [SN4PR0501CA0056.namprd05.prod.outlook.com 3e8f1a2b-1c2d-4e5f-8a9b-0c1d2e3f4a5b]'
    expect(authReplyText(kept)).toBe(kept)
  })

  it('shows a documented XOAUTH2 challenge decoded, and masks any other JSON', () => {
    const ok = b64(
      JSON.stringify({ status: '401', schemes: 'bearer', scope: 'https://outlook.office.com/.default' }),
    )
    expect(authReplyText(ok)).toBe(
      '{"status":"401","schemes":"bearer","scope":"https://outlook.office.com/.default"}',
    )
    const echo = b64(JSON.stringify({ status: '401', token: makeSecret(20) }))
    expect(authReplyText(echo)).toBe(MASK)
  })
})

describe('printable', () => {
  it('replaces control and bidirectional-control characters', () => {
    for (const c of [
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200e',
      '\u200f',
      '\u061c',
      '\u001b',
      '\u0085',
    ]) {
      expect(printable(`a${c}b`)).toBe('a\uFFFDb')
    }
    expect(printable('tab\there\nline ěščř')).toBe('tab\there\nline ěščř')
  })
})
