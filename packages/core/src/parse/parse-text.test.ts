import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FIXTURE, FIXTURE_SOURCES } from '../../test/catalogue-fixture.js'
import { fold } from './fold.js'
import { createTextParser as createParser, parseText as parse } from './parse-text.js'

const parseText = (text: string) => parse(text, FIXTURE)
const createTextParser = () => createParser(FIXTURE)
const FIXTURE_CODES = [...FIXTURE.codes, '5.7.606', '5.7.649']

describe('parseText: replies', () => {
  it.each([
    ['535 5.7.3 Authentication unsuccessful', 535, '5.7.3', 'Authentication unsuccessful'],
    [
      'S: 550 5.7.60 SMTP; Client does not have permissions to send as this sender',
      550,
      '5.7.60',
      'SMTP; Client does not have permissions to send as this sender',
    ],
    [
      "Remote Server returned '554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException'",
      554,
      '5.2.0',
      'STOREDRV.Submission.Exception:SendAsDeniedException',
    ],
    [
      '<<< 530 5.7.0 Must issue a STARTTLS command first',
      530,
      '5.7.0',
      'Must issue a STARTTLS command first',
    ],
    [
      'Server odpověděl: 421 4.7.66 TLS 1.0 and 1.1 are not supported.',
      421,
      '4.7.66',
      'TLS 1.0 and 1.1 are not supported.',
    ],
    [
      'smtp;550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain',
      550,
      '5.7.54',
      'SMTP; Unable to relay recipient in non-accepted domain',
    ],
    ['Error: 504 Unrecognized authentication type', 504, undefined, 'Unrecognized authentication type'],
    [
      '220 BN8PR Microsoft ESMTP MAIL Service ready',
      220,
      undefined,
      'BN8PR Microsoft ESMTP MAIL Service ready',
    ],
  ])('%s', (input, code, enhanced, text) => {
    const r = parseText(input)
    expect(r.final).toMatchObject({ code, text })
    expect(r.final?.enhanced).toBe(enhanced)
    if (enhanced) expect(r.codes).toContain(enhanced)
  })

  it.each([
    'connect to port 587 failed',
    'firmware version 5.7.60.1',
    'IP 203.0.113.250 is listed',
    'v550 build',
    'took 550 7ms',
    '2026-11-27 10:22:33 job 421 started',
  ])('is not fooled by numbers: %s', (input) => {
    expect(parseText(input).replies).toEqual([])
  })

  it('keeps a 4xx/5xx class mix as sent (Microsoft: 451 5.7.3), drops an enhanced code on a 2xx', () => {
    expect(parseText('451 5.7.3 STARTTLS is required to send mail').final).toMatchObject({
      code: 451,
      enhanced: '5.7.3',
      text: 'STARTTLS is required to send mail',
    })
    expect(parseText('250 5.7.1 odd').replies[0]).toMatchObject({ code: 250, text: '5.7.1 odd' })
    expect(parseText('250 5.7.1 odd').replies[0]?.enhanced).toBeUndefined()
  })

  it('joins a multi-line reply into one', () => {
    const r = parseText('250-smtp.example Hello [192.0.2.1]\r\n250-SIZE 157286400\r\n250 STARTTLS\r\n')
    expect(r.replies).toHaveLength(1)
    expect(r.replies[0]).toMatchObject({
      code: 250,
      text: 'smtp.example Hello [192.0.2.1] SIZE 157286400 STARTTLS',
    })
  })

  it('names as final the last failing reply, not the QUIT that followed', () => {
    const r = parseText(
      [
        'S: 220 ready',
        'C: AUTH LOGIN',
        'S: 535 5.7.3 Authentication unsuccessful',
        'C: AUTH LOGIN',
        'S: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox',
        'C: QUIT',
        'S: 221 2.0.0 Service closing transmission channel',
      ].join('\n'),
    )
    expect(r.final?.enhanced).toBe('5.7.139')
    expect(r.replies.map((x) => x.code)).toEqual([220, 535, 535, 221])
    expect(r.phrases).toContain('smtp-auth-disabled-mailbox')
  })

  it('falls back to the last reply when nothing failed', () => {
    expect(parseText('220 ready\n250 2.0.0 OK').final).toMatchObject({ code: 250, enhanced: '2.0.0' })
  })

  it('de-duplicates repeated replies and counts them', () => {
    const r = parseText('535 5.7.3 Authentication unsuccessful\n'.repeat(50))
    expect(r.replies).toEqual([
      { code: 535, enhanced: '5.7.3', text: 'Authentication unsuccessful', count: 50, line: 50 },
    ])
  })

  it('finds a known enhanced code standing alone in an NDR', () => {
    expect(parseText('Diagnostic information: #5.7.708 access denied').codes).toEqual(['5.7.708'])
    expect(parseText('firmware 2.1.0 released').codes).toEqual([])
  })
})

describe('parseText: phrases and failures', () => {
  it('recognises every literal matcher, in upper case, with doubled spaces, in any diacritics', () => {
    for (const m of FIXTURE.matchers) {
      if (m.match.startsWith('re:') || m.kind !== 'phrase') continue
      const shouted = m.match.toUpperCase().replace(/ /g, '  \t')
      expect(parseText(`xx ${shouted} yy`).phrases, m.match).toContain(m.id)
    }
    // Folded matchers meet accented text: the literal was written with diacritics, the text without, and back.
    expect(parseText('535 5.7.139 OVERENI NEBYLO USPESNE').phrases).toContain('auth-unsuccessful')
    expect(fold('Ověření  NEBYLO\túspěšné')).toBe('overeni nebylo uspesne')
  })

  it('runs re: matchers on lines holding their anchor', () => {
    expect(parseText('535 5.7.139 Ověřování uživatele neúspěšné').phrases).toContain('auth-unsuccessful')
    expect(parseText('535 5.7.139 Ověřování bylo po dlouhém čekání zcela neúspěšné').phrases).toEqual([])
    expect(parseText('5.7.139 SMTP Client Authentication is disabled for the User').phrases).toEqual([
      'smtp-auth-disabled-mailbox',
    ])
  })

  it('names TLS failures apart, each also a tls failure', () => {
    const r = parseText('error:1408F10B:SSL routines:ssl3_get_record:wrong version number')
    expect(r.tlsFailures).toEqual(['wrong-version-number'])
    expect(r.failures).toEqual(['tls'])
    expect(parseText('Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match').tlsFailures).toEqual(
      ['name-mismatch'],
    )
  })

  it('names providers from their signatures', () => {
    expect(parseText('550 5.7.1 Relaying denied. gsmtp').providers).toEqual(['google'])
    expect(parseText('550 5.7.1 Relaying denied.').providers).toEqual([])
  })

  it('knows codes from exact lists and ranges only', () => {
    expect(parseText('Diagnostic information: #5.7.620 access denied').codes).toEqual(['5.7.620'])
    expect(parseText('details in section 5.7.650 of the manual').codes).toEqual([])
    expect(parseText('details in section 5.7.620 of the manual').codes).toEqual(['5.7.620'])
    // A code marked with # (NDR diagnostic information) counts whether known or not.
    expect(parseText('Diagnostic information: #5.7.650 access denied').codes).toEqual(['5.7.650'])
  })

  it('recognises nothing with an empty or malformed catalogue, and never throws', () => {
    for (const c of [undefined, null, {}, { phrases: 1 }, { ...FIXTURE, matchers: [null, { match: 5 }] }])
      expect(parse('535 5.7.3 Authentication unsuccessful', c as never).phrases).toEqual([])
    expect(parse('535 5.7.3 Authentication unsuccessful', null as never).final?.code).toBe(535)
    expect(FIXTURE_SOURCES.length).toBeGreaterThan(0)
  })

  it.each([
    ['connect ETIMEDOUT 52.96.0.1:587', 'timeout'],
    ['Error: connect ECONNREFUSED 127.0.0.1:25', 'refused'],
    ['Could not open connection to the host, on port 587: Connect failed', 'could-not-connect'],
    ['read ECONNRESET', 'reset'],
    ['getaddrinfo ENOTFOUND smtp.office356.com', 'dns'],
    ['SSL routines:ssl3_read_bytes:tlsv1 alert protocol version', 'tls'],
    ['Vypršel časový limit připojení k serveru SMTP', 'timeout'],
    ['Nelze se připojit k serveru SMTP', 'could-not-connect'],
  ])('%s → %s', (input, kind) => {
    expect(parseText(input).failures).toContain(kind)
  })
})

describe('parseText: robustness', () => {
  it('never throws and stays within its bounds on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => {
        const r = parseText(s)
        expect(r.replies.length).toBeLessThanOrEqual(500)
        for (const x of r.replies) expect(x.text.length).toBeLessThanOrEqual(512)
      }),
      { numRuns: 500 },
    )
  })

  it('never throws on generated reply-like text and always finds a well-formed reply', () => {
    const code = fc.constantFrom(...FIXTURE_CODES)
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        code,
        fc.string({ maxLength: 80 }),
        (before, enhanced, after) => {
          const basic = enhanced.startsWith('4') ? 451 : 550
          const r = parseText(`${before}\n${basic} ${enhanced} ${after.replace(/[\r\n]/g, ' ')}x\n`)
          expect(r.codes).toContain(enhanced)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('handles megabytes of junk without a line break in bounded memory', () => {
    const junk = Buffer.alloc(4 * 1024 * 1024)
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 2654435761) >>> 24
    const p = createTextParser()
    const s = junk.toString('latin1')
    for (let i = 0; i < s.length; i += 65536) p.push(s.slice(i, i + 65536))
    const r = p.end()
    expect(r.replies.length).toBeLessThanOrEqual(500)
    expect(r.lines).toBeGreaterThan(0)
  })

  it('gives the same answer streamed in any chunking as in one piece', () => {
    const text =
      '220 ready\r\nC: MAIL FROM:<a@b>\r\n550 5.7.60 SMTP; Client does not have permissions to send as this sender\r\n'
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 30 }), (cuts) => {
        const p = createTextParser()
        let i = 0
        for (const c of cuts) {
          p.push(text.slice(i, i + c))
          i += c
        }
        p.push(text.slice(i))
        expect(p.end()).toEqual(parseText(text))
      }),
      { numRuns: 200 },
    )
  })

  it('caps distinct replies', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `550 5.7.1 distinct reply ${i}`).join('\n')
    const r = parseText(`${lines}\n535 5.7.3 Authentication unsuccessful`)
    expect(r.replies.length).toBe(500)
    expect(r.final?.enhanced).toBe('5.7.3')
  })
})
