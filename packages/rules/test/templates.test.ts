import { describe, expect, it } from 'vitest'
import {
  diagnose,
  EXCHANGE_ONLINE_CONNECT,
  explain,
  fillCommands,
  PLACEHOLDERS,
  rules,
  ruleView,
  templateValues,
  unknownPlaceholders,
} from '../src/index.js'

/** Exchange Online cmdlets (the ones that need Connect-ExchangeOnline first). */
const EXO =
  /^(Get|Set|New|Add|Remove|Enable|Disable)-(CASMailbox|TransportConfig|OrganizationConfig|InboundConnector|OutboundConnector|RecipientPermission|MailboxPermission|Mailbox|BlockedSenderAddress|AcceptedDomain|DkimSigningConfig|Recipient|DistributionGroup|MoveRequest|ServicePrincipal)\b/

const SEND_AS = '550 5.7.60 SMTP; Client does not have permissions to send as this sender'

describe('command templates in the rules', () => {
  it('use only defined placeholders, in both languages', () => {
    for (const r of rules)
      for (const lang of ['cs', 'en'] as const)
        for (const c of r.messages[lang].commands) expect(unknownPlaceholders(c), `${r.id}: ${c}`).toEqual([])
  })

  it('every rule with Exchange Online cmdlets says once, first, how to connect', () => {
    let withExo = 0
    for (const r of rules) {
      const cmds = r.messages.en.commands
      if (!cmds.some((c) => EXO.test(c))) continue
      withExo++
      expect(cmds[0], r.id).toBe('{{exchange-online}}')
      expect(
        cmds.filter((c) => c === '{{exchange-online}}'),
        r.id,
      ).toHaveLength(1)
    }
    expect(withExo).toBeGreaterThan(10)
  })

  it('no rule writes the example mailbox or IP by hand: they are placeholders', () => {
    for (const r of rules)
      for (const c of r.messages.en.commands) {
        expect(c, r.id).not.toContain(PLACEHOLDERS.mailbox.example)
        expect(c, r.id).not.toContain(PLACEHOLDERS['mx-endpoint'].example)
      }
  })
})

describe('filled from the input', () => {
  it('send-as-denied names the from-address and the mailbox of the settings, and how to connect', () => {
    const { findings } = diagnose({
      settings: {
        host: 'smtp.office365.com',
        port: 587,
        tls: 'starttls',
        username: 'printer@fabrikam.com',
        password: true,
        from: 'reception@fabrikam.com',
      },
      observed: { errorText: SEND_AS },
    })
    const f = findings.find((x) => x.id === 'send-as-denied')
    expect(f?.commands[0]).toBe(EXCHANGE_ONLINE_CONNECT[0])
    expect(f?.commands[1]).toBe('Connect-ExchangeOnline -UserPrincipalName admin@fabrikam.com')
    expect(f?.commands).toContain(
      'Add-RecipientPermission -Identity "reception@fabrikam.com" -Trustee "printer@fabrikam.com" -AccessRights SendAs',
    )
    expect(f?.commands.join('\n')).not.toContain('contoso')
  })

  it('tenant domain, MX endpoint, IP and connector name come from the facts', () => {
    const values = templateValues({
      settings: {
        host: 'fabrikam-com.mail.protection.outlook.com',
        port: 25,
        tls: 'starttls',
        sourceIp: '198.51.100.7',
      },
      tenant: { domain: 'fabrikam.com', inboundConnector: { matchesOn: 'ip', name: 'Scanners' } },
    })
    expect(values).toMatchObject({
      domain: 'fabrikam.com',
      'mx-endpoint': 'fabrikam-com.mail.protection.outlook.com',
      ip: '198.51.100.7',
      connector: 'Scanners',
    })
    expect(
      fillCommands(['Set-InboundConnector -Identity "{{connector}}" -SenderIPAddresses {{ip}}'], values),
    ).toEqual(['Set-InboundConnector -Identity "Scanners" -SenderIPAddresses 198.51.100.7'])
  })

  it('a pasted log fills what it names: the envelope sender, and the domain from it', () => {
    const log = [
      '2026-11-20 08:12:00 SMTP: < 220 AM0PR01CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready',
      '2026-11-20 08:12:01 SMTP: > MAIL FROM:<reception@fabrikam.com>',
      `2026-11-20 08:12:01 SMTP: < ${SEND_AS}`,
    ].join('\n')
    const f = explain(log).findings.find((x) => x.id === 'send-as-denied')
    expect(f?.commands).toContain(
      `Add-RecipientPermission -Identity "reception@fabrikam.com" -Trustee "${PLACEHOLDERS.mailbox.example}" -AccessRights SendAs`,
    )
    expect(f?.commands).toContain('Connect-ExchangeOnline -UserPrincipalName admin@fabrikam.com')
  })

  it('nothing known: the contoso examples (explain of a reply alone)', () => {
    const f = explain(SEND_AS).findings.find((x) => x.id === 'send-as-denied')
    expect(f?.commands).toContain(
      `Add-RecipientPermission -Identity "${PLACEHOLDERS.from.example}" -Trustee "${PLACEHOLDERS.mailbox.example}" -AccessRights SendAs`,
    )
    expect(f?.commands.join('\n')).not.toMatch(/\{\{/)
  })

  it('input that is not plainly an address, IP or name is never pasted into a command', () => {
    const values = templateValues({
      settings: {
        host: 'smtp.office365.com',
        port: 587,
        tls: 'starttls',
        username: 'a"; Remove-Mailbox x; "@b.com',
        from: '$(Get-Secret)@contoso.com',
        sourceIp: '1.2.3.4; rm',
      },
      tenant: { inboundConnector: { matchesOn: 'ip', name: 'x`; y' } },
    })
    expect(values.mailbox).toBeUndefined()
    expect(values.from).toBeUndefined()
    expect(values.ip).toBeUndefined()
    expect(values.connector).toBeUndefined()
  })

  it('sending-ip-blocklisted names the listing the probe found: the reversed IP in that zone', () => {
    const { findings } = diagnose({
      settings: {
        host: 'contoso-com.mail.protection.outlook.com',
        port: 25,
        tls: 'starttls',
        from: 'scanner@fabrikam.com',
      },
      probe: {
        dnsbl: {
          ip: '198.51.100.7',
          checked: ['zen.spamhaus.org', 'bl.spamcop.net'],
          listed: [{ zone: 'bl.spamcop.net', codes: ['127.0.0.2'] }],
        },
      },
    })
    const f = findings.find((x) => x.id === 'sending-ip-blocklisted')
    expect(f?.commands).toContain('Resolve-DnsName -Name 7.100.51.198.bl.spamcop.net -Type A')
    // From a pasted reply alone the zone is not known: the example shows the form.
    const fromText = explain(
      '554 5.7.1 Service unavailable; Client host [203.0.113.25] blocked using Spamhaus',
    )
    expect(fromText.findings.find((x) => x.id === 'sending-ip-blocklisted')?.commands).toContain(
      `Resolve-DnsName -Name ${PLACEHOLDERS['dnsbl-query'].example} -Type A`,
    )
    // An IPv6 listing has no dotted-quad form here: the example stays, nothing half-built.
    const v6 = templateValues({
      probe: {
        dnsbl: {
          ip: '2001:db8::7',
          checked: ['zen.spamhaus.org'],
          listed: [{ zone: 'zen.spamhaus.org', codes: ['127.0.0.2'] }],
        },
      },
    })
    expect(v6['dnsbl-query']).toBeUndefined()
  })

  it("a rule's own view (rules show, the article) shows the examples and the connect lines", () => {
    const rule = rules.find((r) => r.id === 'smtp-auth-disabled-mailbox')
    expect(rule).toBeDefined()
    const v = ruleView(rule!, 'en')
    expect(v.commands.slice(0, 2)).toEqual([
      EXCHANGE_ONLINE_CONNECT[0],
      `Connect-ExchangeOnline -UserPrincipalName ${PLACEHOLDERS.admin.example}`,
    ])
    expect(v.commands.join('\n')).toContain(`"${PLACEHOLDERS.mailbox.example}"`)
  })
})
