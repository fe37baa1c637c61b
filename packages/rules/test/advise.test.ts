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
    // Basic auth goes off by default at the end of December 2026: a relay of its own that speaks
    // OAuth upstream keeps such a device working.
    'signs in with a password only',
    { externalRecipients: true, canAuthenticate: true, oauth: false },
    'oauth-relay',
    ['smtp-auth-oauth', 'direct-send'],
  ],
  [
    'TLS 1.1 only, no static IP',
    { externalRecipients: true, canAuthenticate: true, maxTlsVersion: 'TLSv1.1', staticIp: false },
    'oauth-relay',
    ['smtp-auth-oauth', 'high-volume-email', 'azure-communication-services'],
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
      'azure-communication-services',
      'direct-send',
      'high-volume-email',
      'oauth-relay',
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
    expect(card('high-volume-email')).toMatchObject({ host: 'smtp.hve.mx.microsoft', port: 587 })
    expect(card('azure-communication-services')).toMatchObject({
      host: 'smtp.azurecomm.net',
      port: 587,
      tls: 'starttls',
    })
    expect(card('oauth-relay')).toMatchObject({
      port: 25,
      authentication: 'none',
      username: null,
      password: null,
    })
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

describe('advise: the way off Basic authentication', () => {
  it('every option names its Microsoft sources with a date', () => {
    for (const o of advise({}, { lang: 'cs' }).options) {
      expect(o.sources.length, o.option).toBeGreaterThan(0)
      for (const s of o.sources) {
        expect(s.url).toMatch(/^https:\/\/(learn\.microsoft\.com|techcommunity\.microsoft\.com)\//)
        expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      }
    }
  })

  it('the OAuth card has the Entra and Exchange Online steps of the flow the device uses', () => {
    const notes = (flow?: 'client-credentials' | 'delegated') =>
      advise(flow ? { oauth: true, oauthFlow: flow } : { oauth: true }, { lang: 'en' })
        .options.find((o) => o.option === 'smtp-auth-oauth')!
        .settings.notes.join('\n')
    const app = notes('client-credentials')
    for (const part of [
      'SMTP.SendAsApp',
      'New-ServicePrincipal',
      'Add-MailboxPermission',
      'Add-RecipientPermission',
      'https://outlook.office365.com/.default',
    ])
      expect(app).toContain(part)
    expect(app).not.toContain('https://outlook.office.com/SMTP.Send')
    const user = notes('delegated')
    expect(user).toContain('https://outlook.office.com/SMTP.Send')
    expect(user).not.toContain('New-ServicePrincipal')
    expect(notes()).toContain('SMTP.SendAsApp')
    expect(notes()).toContain('https://outlook.office.com/SMTP.Send')
  })

  it('the password card states only what Microsoft has published about the end of Basic auth', () => {
    const basic = advise({ canAuthenticate: true }, { lang: 'en' }).options.find(
      (o) => o.option === 'smtp-auth',
    )!
    const text = basic.reasons.map((r) => r.text).join(' ')
    expect(text).toContain('end of December 2026')
    expect(text).toContain('second half of 2027')
    expect(basic.sources.map((s) => s.date)).toContain('2026-01-27')
  })
})
