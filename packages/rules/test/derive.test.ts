import { describe, expect, it } from 'vitest'
import { derive, hostKindOf } from '../src/index.js'

describe('hostKindOf', () => {
  it.each([
    ['smtp.office365.com', 'smtp-auth'],
    ['SMTP.Office365.com.', 'smtp-auth'],
    ['smtp-legacy.office365.com', 'smtp-auth-legacy'],
    ['contoso-com.mail.protection.outlook.com', 'mx-endpoint'],
    ['contoso-com.o-v1.mx.microsoft', 'mx-endpoint'],
    ['mail.messaging.microsoft.com', 'legacy-host'],
    ['contoso-com.mail.eo.outlook.com', 'legacy-host'],
    ['contoso.mail.outlook.com', 'legacy-host'],
    ['52.101.8.42', 'ip-address'],
    ['2603:1026:c0b::2', 'ip-address'],
    ['[2603:1026::2]', 'ip-address'],
    ['mail.contoso.com', 'other'],
    ['999.1.1.1', 'other'],
    ['https://outlook.office365.com/owa', 'web-address'],
    ['outlook.office365.com/mapi/nspi', 'web-address'],
  ])('%s → %s', (host, kind) => {
    expect(hostKindOf(host)).toBe(kind)
  })
})

const smtpAuth = { host: 'smtp.office365.com', port: 587, tls: 'starttls' as const }

describe('derive', () => {
  it('knows nothing from nothing', () => {
    const d = derive({})
    expect(d).toMatchObject({
      codes: [],
      phrases: [],
      hostKind: null,
      option: 'unknown',
      hasCredentials: null,
      finalCode: null,
    })
  })

  it('credentials: entered, missing, or not stated', () => {
    expect(
      derive({ settings: { ...smtpAuth, username: 'a@contoso.com', password: true } }).hasCredentials,
    ).toBe(true)
    expect(
      derive({ settings: { ...smtpAuth, username: 'a@contoso.com', password: 'secret' } }).hasCredentials,
    ).toBe(true)
    expect(derive({ settings: smtpAuth }).hasCredentials).toBe(false)
    expect(derive({ settings: { ...smtpAuth, username: ' ', password: true } }).hasCredentials).toBe(false)
    expect(
      derive({ settings: { ...smtpAuth, username: 'a@contoso.com', password: false } }).hasCredentials,
    ).toBe(false)
    expect(derive({ settings: { ...smtpAuth, username: 'a@contoso.com' } }).hasCredentials).toBe(null)
  })

  it('from vs username, external recipients, connector and option', () => {
    const d = derive({
      settings: {
        host: 'contoso-com.mail.protection.outlook.com',
        port: 25,
        tls: 'starttls',
        from: 'Scanner@Contoso.com',
        recipients: ['a@contoso.com', 'b@fabrikam.com'],
      },
      tenant: { inboundConnector: { matchesOn: 'certificate' }, acceptedDomains: ['contoso.com'] },
    })
    expect(d).toMatchObject({
      hostKind: 'mx-endpoint',
      option: 'relay',
      connector: 'certificate',
      externalRecipients: true,
    })
    expect(
      derive({ settings: { ...smtpAuth, username: 'a@contoso.com', from: 'A@CONTOSO.COM' } })
        .fromDiffersFromUser,
    ).toBe(false)
    expect(
      derive({ settings: { ...smtpAuth, recipients: ['x@contoso.com'], from: 'y@contoso.com' } })
        .externalRecipients,
    ).toBe(false)
    expect(derive({ settings: { ...smtpAuth, recipients: ['x@contoso.com'] } }).externalRecipients).toBe(null)
  })

  it('parses the error text: codes, phrases, final reply, sign-in attempt', () => {
    const d = derive({
      observed: {
        errorText:
          '250 2.1.0 Sender OK\n535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.\n221 Bye',
      },
    })
    expect(d.codes).toEqual(expect.arrayContaining(['2.1.0', '5.7.139']))
    expect(d.phrases).toEqual(expect.arrayContaining(['auth-unsuccessful', 'credentials-incorrect']))
    expect(d).toMatchObject({ finalCode: '5.7.139', finalBasicCode: 535, authAttempted: true })
    expect(d.finalPhrases).toEqual(expect.arrayContaining(['credentials-incorrect']))
  })

  it('folds in the probe: replies, failures, TLS versions, DNSBL, SPF, MX', () => {
    const d = derive({
      probe: {
        auth: {
          ok: false,
          attempted: true,
          reply: {
            code: 535,
            enhanced: '5.7.139',
            text: 'Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
          },
        },
        lastReply: {
          code: 535,
          enhanced: '5.7.139',
          text: 'Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
        },
        error: { stage: 'tcp', code: 'TCP_TIMEOUT', message: 'timed out' },
        tlsVersions: { TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': false, 'TLSv1.3': false },
        tls: { ok: true, protocol: 'TLSv1.1' },
        dnsbl: {
          ip: '203.0.113.5',
          checked: ['zen.spamhaus.org'],
          listed: [{ zone: 'zen.spamhaus.org', codes: ['127.0.0.2'] }],
        },
        spf: { domain: 'contoso.com', ip: '203.0.113.5', result: 'softfail' },
        mx: {
          domain: 'contoso.com',
          hosts: [{ exchange: 'mx.contoso.com', priority: 10 }],
          isMicrosoft365: false,
        },
      },
    })
    expect(d).toMatchObject({
      finalCode: '5.7.139',
      authAttempted: true,
      probeErrorCode: 'TCP_TIMEOUT',
      probeErrorStage: 'tcp',
      serverAcceptsOnlyLegacyTls: true,
      negotiatedTls: 'TLSv1.1',
      ipListed: true,
      spfResult: 'softfail',
      mxNotMicrosoft365: true,
    })
    expect(d.failures).toContain('timeout')
    expect(d.phrases).toContain('smtp-auth-disabled-tenant')
  })

  it('the device text decides the final reply over the probe', () => {
    const d = derive({
      observed: { errorText: '550 5.7.60 SMTP; Client does not have permissions to send as this sender' },
      probe: { lastReply: { code: 421, enhanced: '4.7.500', text: 'Server busy' } },
    })
    expect(d.finalCode).toBe('5.7.60')
    expect(d.codes).toEqual(expect.arrayContaining(['5.7.60', '4.7.500']))
  })

  it('device TLS and host field length', () => {
    const d = derive({
      settings: {
        host: 'contoso-com.mail.protection.outlook.com',
        port: 25,
        tls: 'starttls',
        maxTlsVersion: 'TLSv1',
        hostFieldMaxLength: 30,
      },
    })
    expect(d).toMatchObject({ deviceMaxTls: 'TLSv1', deviceTlsBelow12: true, hostTooLongForField: true })
  })
})

describe('derive: sign-in attempts', () => {
  it('535 and 5.7.139 mean the device tried; 451 5.7.3 STARTTLS does not', () => {
    expect(derive({ observed: { errorText: '535 5.7.3 Authentication unsuccessful' } }).authAttempted).toBe(
      true,
    )
    expect(
      derive({ observed: { errorText: '451 5.7.3 STARTTLS is required to send mail' } }).authAttempted,
    ).toBe(null)
    expect(
      derive({ settings: smtpAuth, observed: { errorText: '530 5.7.57 Client not authenticated' } })
        .authAttempted,
    ).toBe(false)
  })
})
