import { describe, expect, it } from 'vitest'
import { diagnose, explain, rules } from '../src/index.js'

const byId = new Map(rules.map((r) => [r.id, r]))
const NO_CREDENTIALS = { host: 'smtp.office365.com', port: 587, tls: 'starttls' as const }
/** Phrases that only come back after the device signed in. */
const AFTER_SIGN_IN = [
  'smtp-auth-disabled-mailbox',
  'smtp-auth-disabled-tenant',
  'credentials-incorrect',
  'security-defaults',
  'conditional-access',
  'sts-unreachable',
  'sts-unsupported-url',
]

describe('relevance', () => {
  it('the reply that ended the session comes first', () => {
    const transcript = [
      'S: 220 AM0PR01CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready',
      'C: AUTH LOGIN',
      'S: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [AM0PR01CA0001]',
      'C: AUTH LOGIN',
      'S: 235 2.7.0 Authentication successful',
      'C: MAIL FROM:<salesperson1@contoso.com>',
      'S: 550 5.7.60 SMTP; Client does not have permissions to send as this sender',
    ].join('\n')
    const ids = explain(transcript).findings.map((f) => f.id)
    expect(ids[0]).toBe('send-as-denied')
    expect(ids).toContain('wrong-credentials')
    expect(byId.get(ids[0]!)!.codes).toContain('5.7.60')
  })

  it('and the order flips when the session ends the other way', () => {
    const transcript = [
      'S: 550 5.7.60 SMTP; Client does not have permissions to send as this sender',
      'S: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.',
    ].join('\n')
    const ids = explain(transcript).findings.map((f) => f.id)
    expect(ids[0]).toBe('wrong-credentials')
    expect(ids.indexOf('send-as-denied')).toBeGreaterThan(0)
  })

  it('later replies rank before earlier ones when neither ended the session', () => {
    const f = diagnose({
      observed: {
        errorText: [
          '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
          '535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.',
          '421 4.7.500 Server busy, please try again later',
        ].join('\n'),
      },
    }).findings.map((x) => x.id)
    expect(f.indexOf('wrong-credentials')).toBeLessThan(f.indexOf('send-as-denied'))
  })

  it('a device without credentials is told to enter them, not that SMTP AUTH is disabled', () => {
    const r = diagnose({
      settings: NO_CREDENTIALS,
      observed: { errorText: '530 5.7.57 Client not authenticated to send mail. Error: 530 5.7.57 [BN8PR]' },
    })
    expect(r.findings[0]!.id).toBe('smtp-auth-no-credentials')
    const r2 = diagnose({
      settings: NO_CREDENTIALS,
      observed: {
        errorText:
          '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox',
      },
    })
    expect(r2.findings[0]!.id).toBe('smtp-auth-no-credentials')
    expect(r2.findings.map((f) => f.id)).not.toContain('smtp-auth-disabled-mailbox')
  })

  // The convention: a rule that presumes a sign-in has `derived.hasCredentials notEqual false`.
  const signInRules = rules.filter((r) => r.phrases.some((p) => AFTER_SIGN_IN.includes(p)))
  it.each(signInRules.map((r) => [r.id, r] as const))(
    '%s stays quiet when the device has no credentials',
    (id, r) => {
      for (const ex of r.examples.match) {
        if (!('text' in ex)) continue
        const ids = diagnose({ settings: NO_CREDENTIALS, observed: { errorText: ex.text } }).findings.map(
          (f) => f.id,
        )
        expect(ids).not.toContain(id)
      }
    },
  )

  it('errors come before warnings and infos outside the replies', () => {
    const f = diagnose({
      settings: {
        host: 'smtp.office365.com',
        port: 465,
        tls: 'implicit',
        username: 'a@contoso.com',
        password: true,
      },
    }).findings
    const ranks = f.map((x) => ({ error: 0, warning: 1, info: 2 })[x.severity])
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks)
  })

  it('a finding names the classified option when the rule is about it', () => {
    const f = diagnose({
      observed: { errorText: '550 5.7.60 SMTP; Client does not have permissions to send as this sender' },
    }).findings[0]!
    expect(f.option).toBe('smtp-auth')
    expect(f.docs).toBe('/en/rules/send-as-denied/')
    expect(f.sources.length).toBeGreaterThan(0)
  })
})
