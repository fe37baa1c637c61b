/**
 * Never silent, and the replies decide whose server answered: the generic findings of
 * src/fallback.ts, the rules a bare code can mean, other providers' replies, and a device whose
 * host is an alias or an IP of a Microsoft 365 endpoint — the last through real probes of the
 * simulator over loopback.
 */
import { type ProbeInput, probe } from '@smtp-doctor/core/probe'
import { demoScenario, type Sim, startSim } from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundle } from '../src/bundle.js'
import { diagnose, explain, rules } from '../src/index.js'

const ids = (text: string, lang: 'cs' | 'en' = 'en') => explain(text, { lang }).findings.map((f) => f.id)

describe('the generic enhanced-status-code finding', () => {
  it('answers a reply no rule knows with the code meaning, Microsoft page and the reply quoted, in both languages', () => {
    const text =
      '550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)'
    const en = explain(text, { lang: 'en' }).findings
    const cs = explain(text, { lang: 'cs' }).findings
    expect(en.map((f) => f.id)).toEqual(['enhanced-status-code'])
    expect(en[0]!.codes).toEqual(['5.7.520'])
    expect(en[0]!.title).toContain('550 5.7.520')
    expect(en[0]!.symptom).toContain('does not allow external forwarding')
    expect(en[0]!.cause).toMatch(/permanent failure/)
    expect(en[0]!.cause).toMatch(/security or policy/)
    expect(cs[0]!.cause).toMatch(/trvalá chyba/)
    expect(cs[0]!.title).toMatch(/^Odpověď serveru 550 5\.7\.520/)
  })

  it('links the Microsoft page of a documented code and says what Microsoft 365 means by it', () => {
    const f = explain('550 5.7.124 Sender not in allowed-senders list', { lang: 'en' }).findings.at(-1)!
    expect(f.id).toBe('enhanced-status-code')
    expect(f.steps[0]).toContain(
      'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/fix-error-code-5-7-124-in-exchange-online',
    )
    expect(f.sources.map((s) => s.url)).toContain(
      'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/fix-error-code-5-7-124-in-exchange-online',
    )
    expect(f.cause).toMatch(/When Microsoft 365 sends 5\.7\.124/)
  })

  it('gives a bare code the rules it can mean, by priority, with the generic finding last', () => {
    for (const text of ['535 5.7.139', '5.7.139', '535 5.7.139 Die Authentifizierung ist fehlgeschlagen']) {
      const found = ids(text)
      expect(found.at(-1), text).toBe('enhanced-status-code')
      expect(found[0], text).toBe('authentication-unsuccessful')
      // No token in the input: the rules that judge a token cannot be what it means.
      expect(
        found.some((id) => id.startsWith('token-')),
        text,
      ).toBe(false)
      const listed = found.slice(0, -1)
      expect(listed.length, text).toBeGreaterThanOrEqual(3)
      for (const id of listed)
        expect(rules.find((r) => r.id === id)!.codes, `${text}: ${id}`).toContain('5.7.139')
    }
  })

  it('stays out when a specific rule answers the reply', () => {
    expect(
      ids('535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.'),
    ).not.toContain('enhanced-status-code')
    expect(ids('530 5.7.57 Client not authenticated to send mail')).not.toContain('enhanced-status-code')
  })

  it('says nothing about a successful session', () => {
    const ok = [
      '220 AM0PR02CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready at Tue, 17 Nov 2026 13:02:40 +0000',
      '250 2.1.0 Sender OK',
      '250 2.6.0 <a@contoso.com> Queued mail for delivery',
    ].join('\n')
    const found = explain(ok).findings
    expect(found.filter((f) => f.severity !== 'info')).toEqual([])
    expect(found.map((f) => f.id)).not.toContain('enhanced-status-code')
  })
})

describe('the generic connection-failed finding', () => {
  it('names the kind of failure when no specific connection rule answers', () => {
    const f = explain('Error: connect ECONNRESET 10.0.0.5:2525', { lang: 'en' }).findings
    expect(f.map((x) => x.id)).toEqual(['connection-failed'])
    expect(f[0]!.title).toMatch(/reset/)
    const cs = explain('Error: connect ECONNRESET 10.0.0.5:2525', { lang: 'cs' }).findings
    expect(cs[0]!.title).toMatch(/^Spojení selhalo/)
  })
})

describe('TLS failures told apart', () => {
  it('wrong version number on 587 is implicit TLS spoken to a STARTTLS port, not legacy TLS', () => {
    const found = diagnose({
      settings: {
        host: 'smtp.office365.com',
        port: 587,
        tls: 'implicit',
        username: 'a@contoso.com',
        password: true,
      },
      observed: { errorText: 'Error: C0D7:error:0A00010B:SSL routines:ssl3_get_record:wrong version number' },
    }).findings.map((f) => f.id)
    expect(found[0]).toBe('implicit-tls-to-starttls-port')
    expect(found).not.toContain('tls-legacy-rejected')
  })
})

describe('whose server answered', () => {
  it("hands Gmail's BadCredentials to other-provider-reply, never to a Microsoft 365 tenant rule", () => {
    const text =
      "smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted. Learn more at\\n5.7.8  https://support.google.com/mail/?p=BadCredentials a1-20020a170906 - gsmtp')"
    const found = explain(text).findings
    expect(found[0]!.id).toBe('other-provider-reply')
    for (const f of found) {
      const rule = rules.find((r) => r.id === f.id)!
      const applies = rule.providers ?? ['microsoft-365', 'unknown']
      expect(applies.includes('google') || applies.includes('any'), f.id).toBe(true)
    }
    // The generic meaning is the standard one, not Microsoft's reading of the code.
    const generic = found.find((f) => f.id === 'enhanced-status-code')
    if (generic) expect(generic.cause).not.toMatch(/When Microsoft 365 sends/)
  })

  it('names every provider it has signatures for, in both languages', () => {
    const names = bundle.statusCodes.providers
    for (const p of bundle.catalogue.providers.filter((x) => x !== 'microsoft-365')) {
      expect(names[p]?.en, p).toBeTruthy()
      expect(names[p]?.cs, p).toBeTruthy()
    }
    const cs = explain('535 Incorrect authentication data', { lang: 'cs' }).findings[0]!
    expect(cs.id).toBe('other-provider-reply')
    expect(cs.title).toBe('Odpověď poslal server Exim, ne Microsoft 365')
  })

  it('diagnoses 5.7.57 through an alias of smtp.office365.com, without calling the host foreign', () => {
    const found = diagnose({
      settings: { host: 'mail.contoso.com', port: 587, tls: 'starttls', from: 'scanner@contoso.com' },
      observed: { errorText: '530 5.7.57 Client not authenticated to send mail' },
    }).findings.map((f) => f.id)
    expect(found[0]).toBe('smtp-auth-no-credentials')
    expect(found).not.toContain('host-not-microsoft-365')
  })
})

describe('probes of an alias and of an IP that meet 5.7.57 (real simulator on loopback)', () => {
  let sim: Sim
  beforeAll(async () => {
    sim = await startSim(demoScenario)
  }, 30_000)
  afterAll(async () => {
    await sim.stop()
  }, 30_000)

  async function probeIds(input: Partial<ProbeInput>): Promise<string[]> {
    const ep = sim.endpoints.smtpAuth
    const result = await probe({
      host: ep.host,
      port: ep.port,
      tls: 'starttls',
      from: 'scanner@contoso.com',
      recipients: ['someone@fabrikam.com'],
      timeoutMs: 1500,
      ...input,
    } as ProbeInput)
    expect(result.facts.probe?.lastReply?.enhanced ?? result.facts.probe?.mailFrom?.reply?.enhanced).toBe(
      '5.7.57',
    )
    return diagnose(result.facts, { lang: 'en' }).findings.map((f) => f.id)
  }

  it('an IP address (127.0.0.1) as the server', async () => {
    const found = await probeIds({})
    expect(found[0]).toBe('smtp-auth-no-credentials')
  })

  it('an alias (mail.contoso.com) resolving to the endpoint', async () => {
    const ep = sim.endpoints.smtpAuth
    const found = await probeIds({
      host: 'mail.contoso.com',
      lookup: async () => [{ address: ep.host, family: 4 }],
    })
    expect(found[0]).toBe('smtp-auth-no-credentials')
    expect(found).not.toContain('host-not-microsoft-365')
  })
})
