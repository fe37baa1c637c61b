import type { Needs } from '@smtp-doctor/core'
import { describe, expect, it } from 'vitest'
import { advise } from '../src/index.js'

type Row = [name: string, needs: Needs, top: string, unsuitable: string[]]
const TABLE: Row[] = [
  [
    'external mail, no sign-in, static IP',
    { externalRecipients: true, canAuthenticate: false, staticIp: true },
    'relay',
    ['smtp-auth', 'smtp-auth-oauth', 'direct-send', 'high-volume-email'],
  ],
  [
    'internal mail only, no sign-in',
    { externalRecipients: false, canAuthenticate: false, port25Open: true },
    'direct-send',
    ['smtp-auth', 'smtp-auth-oauth'],
  ],
  [
    'signs in with OAuth',
    { externalRecipients: true, canAuthenticate: true, oauth: true },
    'smtp-auth-oauth',
    ['direct-send', 'high-volume-email'],
  ],
  [
    'signs in with a password only',
    { externalRecipients: true, canAuthenticate: true, oauth: false },
    'smtp-auth',
    ['smtp-auth-oauth', 'direct-send'],
  ],
  [
    'port 25 blocked',
    { externalRecipients: true, canAuthenticate: true, port25Open: false },
    'smtp-auth-oauth',
    ['relay', 'direct-send'],
  ],
  [
    'no TLS at all',
    { externalRecipients: true, maxTlsVersion: 'none', staticIp: true },
    'relay',
    ['smtp-auth', 'smtp-auth-oauth', 'high-volume-email'],
  ],
  [
    'large internal volume',
    { externalRecipients: false, canAuthenticate: true, dailyVolume: 50_000 },
    'high-volume-email',
    ['smtp-auth', 'smtp-auth-oauth'],
  ],
  [
    'MX name too long for the field',
    { hostFieldMaxLength: 20, domain: 'contoso-international.com', canAuthenticate: true },
    'smtp-auth-oauth',
    ['relay', 'direct-send'],
  ],
]

describe('advise', () => {
  it.each(TABLE)('%s', (_name, needs, top, unsuitable) => {
    const { options } = advise(needs, { lang: 'en' })
    expect(options.map((o) => o.option).sort()).toEqual([
      'direct-send',
      'high-volume-email',
      'relay',
      'smtp-auth',
      'smtp-auth-oauth',
    ])
    expect(options[0]!.option).toBe(top)
    expect(options[0]!.suitable).toBe(true)
    for (const id of unsuitable) expect(options.find((o) => o.option === id)!.suitable, id).toBe(false)
    // Unsuitable options come last, each with a reason against.
    const firstBad = options.findIndex((o) => !o.suitable)
    if (firstBad >= 0)
      expect(options.slice(firstBad).every((o) => !o.suitable && o.reasons.some((r) => !r.ok))).toBe(true)
  })

  it('gives the exact settings card for each option', () => {
    const { options } = advise({ domain: 'contoso.com' })
    const card = (id: string) => options.find((o) => o.option === id)!.settings
    expect(card('smtp-auth')).toMatchObject({
      host: 'smtp.office365.com',
      port: 587,
      tls: 'starttls',
      authentication: 'password',
    })
    expect(card('smtp-auth-oauth')).toMatchObject({
      host: 'smtp.office365.com',
      port: 587,
      authentication: 'oauth',
      password: null,
    })
    expect(card('high-volume-email')).toMatchObject({ host: 'smtp-hve.office365.com', port: 587 })
    expect(card('relay')).toMatchObject({
      host: 'contoso-com.mail.protection.outlook.com',
      port: 25,
      username: null,
      password: null,
    })
    expect(card('direct-send')).toMatchObject({
      host: 'contoso-com.mail.protection.outlook.com',
      port: 25,
      authentication: 'none',
    })
    for (const o of options) expect(o.settings.notes.length).toBeGreaterThan(0)
  })

  it('sends TLS 1.0/1.1-only devices to smtp-legacy.office365.com, with a warning', () => {
    const { options } = advise({ maxTlsVersion: 'TLSv1.1', canAuthenticate: true, externalRecipients: true })
    const basic = options.find((o) => o.option === 'smtp-auth')!
    expect(basic.suitable).toBe(true)
    expect(basic.settings.host).toBe('smtp-legacy.office365.com')
    expect(basic.reasons.some((r) => !r.ok && r.text.includes('smtp-legacy.office365.com'))).toBe(true)
    expect(options.find((o) => o.option === 'smtp-auth-oauth')!.suitable).toBe(false)
  })

  it('warns about the Basic authentication retirement on the password option', () => {
    const basic = advise({ canAuthenticate: true }).options.find((o) => o.option === 'smtp-auth')!
    expect(basic.reasons.some((r) => !r.ok && r.text.includes('5.7.30'))).toBe(true)
  })

  it('localizes titles, reasons and notes', () => {
    const en = advise({ externalRecipients: true }, { lang: 'en' }).options
    const cs = advise({ externalRecipients: true }, { lang: 'cs' }).options
    expect(cs.map((o) => o.option)).toEqual(en.map((o) => o.option))
    expect(cs[0]!.title).not.toBe(en[0]!.title)
    expect(cs[0]!.settings.notes[0]).not.toBe(en[0]!.settings.notes[0])
  })

  it('with no needs known, ranks every option as suitable', () => {
    expect(advise({}).options.every((o) => o.suitable)).toBe(true)
  })
})
