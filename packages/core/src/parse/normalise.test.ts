import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FIXTURE } from '../../test/catalogue-fixture.js'
import { createTextParser, MAX_LOGICAL_BYTES, MAX_PENDING_BYTES, parseText, trimText } from './parse-text.js'

const parse = (t: string) => parseText(t, FIXTURE)
const finalOf = (t: string) => {
  const f = parse(t).final
  return f ? { code: f.code, enhanced: f.enhanced, text: f.text } : null
}

describe('continuation lines', () => {
  it('joins an RFC 3464 Diagnostic-Code folded over lines', () => {
    const dsn = [
      'Final-Recipient: rfc822; someone@fabrikam.com',
      'Action: failed',
      'Status: 5.7.60',
      'Diagnostic-Code: smtp; 550 5.7.60 SMTP; Client does not have permissions to',
      '    send as this sender',
      '',
    ].join('\r\n')
    const r = parse(dsn)
    expect(finalOf(dsn)).toEqual({
      code: 550,
      enhanced: '5.7.60',
      text: 'SMTP; Client does not have permissions to send as this sender',
    })
    expect(r.phrases).toContain('send-as-denied')
    expect(r.codes).toEqual(['5.7.60'])
  })

  it("joins Postfix's said: … (in reply to … command) hard-wrapped over lines, and drops the wrapper", () => {
    const log = [
      'Nov 20 08:12:01 relay postfix/smtp[4242]: 3F1A2: to=<a@contoso.com>, relay=contoso-com.mail.protection.outlook.com[52.101.8.44]:25,',
      ' delay=1.2, dsn=5.7.1, status=bounced (host contoso-com.mail.protection.outlook.com[52.101.8.44] said: 550 5.7.1 Service unavailable, Client host [203.0.113.7] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/203.0.113.7 AS(1430) [on our block',
      'list] (in reply to MAIL FROM command))',
      'Nov 20 08:12:02 relay postfix/qmgr[99]: 3F1A2: removed',
    ].join('\n')
    const f = finalOf(log)
    expect(f?.code).toBe(550)
    expect(f?.enhanced).toBe('5.7.1')
    expect(f?.text).toMatch(/^Service unavailable, Client host \[203\.0\.113\.7\] blocked using Spamhaus\./)
    expect(f?.text).toMatch(/\[on our block list\]$/)
  })

  it("joins an NDR's Remote Server returned '…' whose quote closes on a later line", () => {
    const ndr = [
      'Diagnostic information for administrators:',
      "Remote Server returned '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this",
      "IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(8561)'",
      'Original message headers:',
    ].join('\n')
    expect(finalOf(ndr)).toEqual({
      code: 550,
      enhanced: '5.7.708',
      text: 'Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(8561)',
    })
  })

  it('joins a hard-wrapped reply whose next line goes on in lower case, not a new record', () => {
    const mail =
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the\nmailbox. Visit https://aka.ms/smtp_auth_disabled\nQUIT'
    const r = parse(mail)
    expect(r.phrases).toContain('smtp-auth-disabled-mailbox')
    expect(r.final?.text).toMatch(/disabled for the mailbox\. Visit/)
    // A client command or a timestamped line is never glued on.
    expect(parse('550 5.7.1 relay denied\nquit').final?.text).toBe('relay denied')
    expect(parse('550 5.7.1 relay denied\n2026-11-20 08:00:00 retrying').final?.text).toBe('relay denied')
  })

  it('rejoins a word a fixed-width wrap cut, when the rejoined text is a known phrase', () => {
    const wrapped = [
      'Caused by: javax.mail.AuthenticationFailedException: 535 5.7.139 Authentication unsuccessful, SmtpClie',
      'ntAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more informat',
      'ion. [MW4PR04CA0165.namprd04.prod.outlook.com]',
    ].join('\n')
    const r = parse(wrapped)
    expect(r.phrases).toContain('smtp-auth-disabled-mailbox')
    expect(r.final?.text).toMatch(/SmtpClientAuthentication is disabled for the Mailbox/)
    // A word-wrapped sentence reveals nothing more glued, so its space stays.
    expect(parse('550 5.7.1 Your IP is on our block\nlist (AS3140)').final?.text).toBe(
      'Your IP is on our block list (AS3140)',
    )
  })

  it('keeps multi-line replies (250-…) apart from joining', () => {
    const r = parse('250-smtp.example Hello [192.0.2.1]\r\n250-SIZE 157286400\r\n250 STARTTLS\r\n')
    expect(r.replies).toHaveLength(1)
    expect(r.replies[0]?.text).toBe('smtp.example Hello [192.0.2.1] SIZE 157286400 STARTTLS')
  })
})

describe('client wrappers', () => {
  it.each([
    [
      'Python smtplib',
      "smtplib.SMTPAuthenticationError: (535, b'5.7.3 Authentication unsuccessful [SN4PR0201CA0044.namprd02.prod.outlook.com 2026-11-20T08:12:01.000Z 08DC0AA1B2C3D4E5]')",
      535,
      '5.7.3',
      'Authentication unsuccessful [SN4PR0201CA0044.namprd02.prod.outlook.com 2026-11-20T08:12:01.000Z 08DC0AA1B2C3D4E5]',
    ],
    [
      'Python SMTPHeloError',
      "smtplib.SMTPHeloError: (501, b'5.5.4 Invalid domain name [SCZP152CA0017.LAMP152.PROD.OUTLOOK.COM]')",
      501,
      '5.5.4',
      'Invalid domain name [SCZP152CA0017.LAMP152.PROD.OUTLOOK.COM]',
    ],
    [
      'Python bytes with escapes',
      "SMTPSenderRefused: (530, b'5.7.57 Client not authenticated to send mail.\\r\\n[AM0PR01CA0001]', 'scan@contoso.com')",
      530,
      '5.7.57',
      'Client not authenticated to send mail.  [AM0PR01CA0001]',
    ],
    [
      'JavaMail',
      'javax.mail.AuthenticationFailedException: 535 5.7.3 Authentication unsuccessful [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]',
      535,
      '5.7.3',
      'Authentication unsuccessful [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]',
    ],
    [
      'PHPMailer',
      '2026-11-20 08:12:02 SMTP ERROR: Password command failed: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.',
      535,
      '5.7.139',
      'Authentication unsuccessful, the user credentials were incorrect.',
    ],
    [
      'nodemailer',
      "Error: Invalid login: 535 5.7.3 Authentication unsuccessful [BN9PR03CA0123.namprd03.prod.outlook.com] { code: 'EAUTH', response: '535 5.7.3 Authentication unsuccessful [BN9PR03CA0123.namprd03.prod.outlook.com]', responseCode: 535, command: 'AUTH LOGIN' }",
      535,
      '5.7.3',
      "Authentication unsuccessful [BN9PR03CA0123.namprd03.prod.outlook.com] { code: 'EAUTH', response: '535 5.7.3 Authentication unsuccessful [BN9PR03CA0123.namprd03.prod.outlook.com]', responseCode: 535, command: 'AUTH LOGIN' }",
    ],
    [
      'nodemailer response only',
      "  response: '535 5.7.3 Authentication unsuccessful [BN9PR03CA0123.namprd03.prod.outlook.com]',",
      535,
      '5.7.3',
      'Authentication unsuccessful [BN9PR03CA0123.namprd03.prod.outlook.com]',
    ],
    [
      'MailKit',
      'MailKit.Net.Smtp.SmtpCommandException: 535: 5.7.3 Authentication unsuccessful [DB9PR05CA0010.eurprd05.prod.outlook.com]',
      535,
      '5.7.3',
      'Authentication unsuccessful [DB9PR05CA0010.eurprd05.prod.outlook.com]',
    ],
    [
      'msmtp',
      'msmtp: server message: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled.',
      535,
      '5.7.139',
      'Authentication unsuccessful, basic authentication is disabled.',
    ],
  ])('%s', (_name, text, code, enhanced, replyText) => {
    expect(finalOf(text)).toEqual({ code, enhanced, text: replyText })
    expect(parse(text).basicCodes).toContain(code)
  })

  it('.NET SmtpException: "The server response was: 5.7.57 …" with a SmtpStatusCode name', () => {
    const net = [
      'System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]',
      '   at System.Net.Mail.MailCommand.CheckResponse(SmtpStatusCode statusCode, String response)',
    ].join('\n')
    const r = parse(net)
    expect(r.final).toMatchObject({
      enhanced: '5.7.57',
      text: 'Client not authenticated to send mail. [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]',
      codeInferred: true,
    })
    expect(r.phrases).toContain('client-not-authenticated')
    // The name tells the basic code.
    const named = parse(
      'SmtpException: Mailbox unavailable. The server response was: 5.7.60 SMTP; Client does not have permissions to send as this sender StatusCode: MailboxUnavailable',
    )
    expect(named.final).toMatchObject({ code: 550, enhanced: '5.7.60' })
    expect(named.final?.codeInferred).toBeUndefined()
    expect(parse('SmtpStatusCode: MustIssueStartTlsFirst').basicCodes).toEqual([530])
    // A Python SyntaxError is no SMTP 501.
    expect(parse('SyntaxError: invalid syntax').basicCodes).toEqual([])
  })

  it('a 4xx/5xx code RFC 5321 does not list is a reply after an explicit error marker, never an HTTP status', () => {
    const grafana = parse('lvl=eror msg="Failed to send alert notification email" error="400 ERR.PARAM"')
    expect(grafana.final).toMatchObject({ code: 400, text: 'ERR.PARAM' })
    expect(parse('SMTP error: 556 Domain does not accept mail').final?.code).toBe(556)
    expect(parse('SMTP error: 571 Delivery not authorized').replies).toEqual([])
    for (const http of [
      'error: 400 Bad Request',
      'Error: 401 (Unauthorized) from the token endpoint',
      'error=HTTP/1.1 403 Forbidden',
      'job 400 started',
      'error: 499 whatever', // no SMTP code has a second digit above 5
    ])
      expect(parse(http).replies, http).toEqual([])
  })

  it("MailKit's SslHandshakeException help paragraph is wrapper text; the inner exception is the evidence", () => {
    const mailkit = [
      'MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an SSL or TLS connection.',
      '',
      'This usually means that the SSL certificate presented by the server is not trusted by the system for one or more of',
      'the following reasons:',
      '',
      '1. The server is using a self-signed certificate which cannot be verified.',
      "2. The local system is missing a Root or Intermediate certificate needed to verify the server's certificate.",
      '3. A Certificate Authority CRL server for one or more of the certificates in the chain is temporarily unavailable.',
      '4. The certificate presented by the server is expired or invalid.',
      '',
      'See https://github.com/jstedfast/MailKit/blob/master/FAQ.md#ssl-handshake-exception for possible solutions.',
      ' ---> System.Security.Authentication.AuthenticationException: Authentication failed, see inner exception.',
      ' ---> Interop+OpenSsl+SslException: SSL Handshake failed with OpenSSL error - SSL_ERROR_SSL.',
      ' ---> error:0A00010B:SSL routines::wrong version number',
    ].join('\n')
    const r = parse(mailkit)
    expect(r.tlsFailures).toEqual(['wrong-version-number'])
    // The same paragraph without MailKit's exception before it is read as usual.
    expect(
      parse('1. The server is using a self-signed certificate which cannot be verified.').tlsFailures,
    ).toEqual(['certificate-untrusted'])
  })

  it("nodemailer's responseCode alone is a basic code", () => {
    expect(parse("{ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' }").basicCodes).toEqual([535])
  })

  it('curl exit codes name the failure', () => {
    expect(
      parse('curl: (28) Operation timed out after 10001 milliseconds with 0 bytes received').failures,
    ).toEqual(['timeout'])
    const cert = parse('curl: (60) SSL certificate problem: unable to get local issuer certificate')
    expect(cert.tlsFailures).toEqual(['certificate-untrusted'])
    expect(cert.failures).toEqual(['tls'])
    expect(
      parse('curl: (7) Failed to connect to smtp.office365.com port 587 after 21045 ms').failurePorts,
    ).toEqual([587])
  })

  it('Postfix / sendmail dsn= and status=bounced', () => {
    const r = parse(
      'postfix/smtp[1]: 9A1: to=<x@fabrikam.com>, relay=x.mail.protection.outlook.com[52.101.8.44]:25, delay=0.5, dsn=5.7.64, status=bounced (host x.mail.protection.outlook.com[52.101.8.44] said: 550 5.7.64 TenantAttribution; Relay Access Denied [BN1NAM02FT005.eop-nam02.prod.protection.outlook.com] (in reply to RCPT TO command))',
    )
    expect(r.final).toMatchObject({
      code: 550,
      enhanced: '5.7.64',
      text: 'TenantAttribution; Relay Access Denied [BN1NAM02FT005.eop-nam02.prod.protection.outlook.com]',
    })
    expect(parse('sendmail[7]: x: to=<a@b.c>, dsn=5.1.1, stat=User unknown').codes).toEqual(['5.1.1'])
  })

  it('records a bare enhanced code alone on a line, and a bare reply with no text', () => {
    const alone = parse('5.7.139')
    expect(alone.codes).toEqual(['5.7.139'])
    expect(alone.final).toMatchObject({ code: 550, enhanced: '5.7.139', codeInferred: true })
    expect(alone.basicCodes).toEqual([])
    expect(parse('Error #5.4.1').codes).toEqual(['5.4.1'])
    const bare = parse('535 5.7.139')
    expect(bare.final).toMatchObject({ code: 535, enhanced: '5.7.139' })
    // Versions are not codes.
    expect(parse('MailKit version: 4.3.0 Release').codes).toEqual([])
    expect(parse('firmware 2.1.0 released').replies).toEqual([])
  })
})

describe('ports and hosts', () => {
  it.each([
    ['Error: connect ETIMEDOUT 52.101.8.44:25', [25], ['52.101.8.44'], 'timeout'],
    ['connect ETIMEDOUT 40.101.92.18:587', [587], ['40.101.92.18'], 'timeout'],
    [
      'postfix/smtp[9]: connect to contoso-com.mail.protection.outlook.com[52.101.8.44]:25: Connection timed out',
      [25],
      ['52.101.8.44', 'contoso-com.mail.protection.outlook.com'],
      'timeout',
    ],
    ['Error: connect ECONNREFUSED [2603:1036:3::12]:587', [587], ['2603:1036:3::12'], 'refused'],
    ['Could not open connection to the host, on port 587: Connect failed', [587], [], 'could-not-connect'],
    [
      'msmtp: cannot connect to smtp.office365.com, port 587: Connection timed out',
      [587],
      ['smtp.office365.com'],
      'timeout',
    ],
  ])('%s', (text, failurePorts, hosts, kind) => {
    const r = parse(text)
    expect(r.failures).toContain(kind)
    expect(r.failurePorts).toEqual(failurePorts)
    expect(r.failureHosts).toEqual(hosts)
  })

  it('names ports from pasted configurations, never from times, versions or replies', () => {
    expect(parse('host: smtp.office365.com\nport: 587\nsecure: false').ports).toEqual([587])
    expect(parse('{ "host": "smtp.office365.com", "port": 25 }').ports).toEqual([25])
    expect(parse('Send-MailMessage -SmtpServer smtp.office365.com -Port 587 -UseSsl').ports).toEqual([587])
    expect(parse('smtpPort=465').ports).toEqual([465])
    expect(parse('2026-11-20 08:12:01 report 25 lines, 10:22:33 v1.2:3').ports).toEqual([])
    expect(parse('connecting to smtp.office365.com:587 ok').failurePorts).toEqual([])
    expect(parse('connecting to smtp.office365.com:587 ok').ports).toEqual([587])
  })
})

describe('envelope addresses', () => {
  it('reads MAIL FROM / RCPT TO from a transcript and from= / to= from Postfix', () => {
    const r = parse(
      [
        'C: MAIL FROM:<scanner@contoso.com> SIZE=1024',
        'S: 250 2.1.0 Sender OK',
        'C: RCPT TO:<a@fabrikam.com>',
        'C: rcpt to: <b@fabrikam.com>',
        'S: 550 5.7.60 SMTP; Client does not have permissions to send as this sender',
      ].join('\n'),
    )
    expect(r.mailFrom).toBe('scanner@contoso.com')
    expect(r.rcptTo).toEqual(['a@fabrikam.com', 'b@fabrikam.com'])
    const pf = parse(
      'postfix/qmgr[1]: 3F1A2: from=<app@contoso.com>, size=1200\npostfix/smtp[2]: 3F1A2: to=<x@fabrikam.com>, relay=none',
    )
    expect(pf.mailFrom).toBe('app@contoso.com')
    expect(pf.rcptTo).toEqual(['x@fabrikam.com'])
    expect(parse('MAIL FROM:<>').mailFrom).toBeNull()
  })
})

describe('TLS failures told apart', () => {
  it.each([
    ['error:1408F10B:SSL routines:ssl3_get_record:wrong version number', 'wrong-version-number'],
    ['Error: unable to get local issuer certificate', 'certificate-untrusted'],
    [
      "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames",
      'name-mismatch',
    ],
    ['SSL routines:ssl3_read_bytes:tlsv1 alert protocol version', 'protocol-version'],
  ])('%s → %s', (text, kind) => {
    expect(parse(text).tlsFailures).toEqual([kind])
    expect(parse(text).failures).toContain('tls')
  })
})

describe('bounded memory and linear trimming (issue 13)', () => {
  it('a flood of 550- continuation lines keeps the pending text under its cap', () => {
    const p = createTextParser(FIXTURE)
    const line = `550-5.7.1 ${'continuation text of a never-ending reply '.repeat(3)}\r\n`
    const chunk = line.repeat(400)
    for (let i = 0; i < 500; i++) p.push(chunk) // 200k lines, ~26 MB
    const s = p.stats()
    expect(s.peakPendingBytes).toBeLessThanOrEqual(MAX_PENDING_BYTES)
    expect(s.peakHeldBytes).toBeLessThanOrEqual(MAX_LOGICAL_BYTES)
    expect(s.peakCarryUnits).toBeLessThanOrEqual(16 * 1024 + chunk.length)
    const r = p.end()
    expect(r.lines).toBe(200_000)
    expect(r.final).toMatchObject({ code: 550, enhanced: '5.7.1' })
    expect(r.final!.text.length).toBeLessThanOrEqual(512)
  })

  it('long non-ASCII lines count in UTF-8 bytes: the logical line never holds more than its cap', () => {
    const p = createTextParser(FIXTURE)
    const czech = `Diagnostic-Code: smtp; 550 5.7.1 ${'příliš žluťoučký kůň '.repeat(700)}`
    for (let i = 0; i < 20; i++) p.push(`${czech}\n    ${'ověření '.repeat(900)}\n`)
    expect(p.stats().peakHeldBytes).toBeLessThanOrEqual(MAX_LOGICAL_BYTES)
    expect(p.end().final?.code).toBe(550)
  })

  it('a continuation that never ends (one huge folded header) stays under the logical-line cap', () => {
    const p = createTextParser(FIXTURE)
    p.push('Diagnostic-Code: smtp; 550 5.7.1 start\n')
    for (let i = 0; i < 50_000; i++) p.push(`    folded ${'x'.repeat(200)}\n`)
    expect(p.stats().peakHeldBytes).toBeLessThanOrEqual(MAX_LOGICAL_BYTES)
    expect(p.end().final?.code).toBe(550)
  })

  it('trims runs of quotes and brackets in linear time, with the same result as before', () => {
    expect(trimText(`reply text${"'".repeat(100_000)}`)).toBe('reply text')
    expect(trimText(`x${'"'.repeat(50_000)}x`)).toBe('x')
    // Without parentheses it agrees with the old backtracking trim.
    const old = (s: string) => {
      let t = s.trim()
      if (t.length > 512) t = t.slice(0, 512)
      return t.replace(/['">]+$/, '').trim()
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', "'", '"', '>', 'b'), maxLength: 40 }), (s) => {
        expect(trimText(s)).toBe(old(s))
      }),
    )
    expect(trimText("SMTP; Client does not have permissions')")).toBe(
      'SMTP; Client does not have permissions',
    )
    expect(trimText('Access denied AS(201806281)')).toBe('Access denied AS(201806281)')
    expect(trimText('denied (in reply to RCPT TO command))')).toBe('denied')
  })

  it('never throws on arbitrary text and wrapper-shaped junk', () => {
    const piece = fc.constantFrom(
      "(535, b'",
      'said: ',
      "returned '",
      ' (in reply to ',
      'Diagnostic-Code: smtp; ',
      '550-5.7.1 ',
      '550 ',
      '5.7.139',
      ':25',
      'port: ',
      'responseCode: ',
      'curl: (60) ',
      'StatusCode: MailboxUnavailable ',
      '\n',
      '\r\n',
      '    ',
      "'",
      ')',
      'x',
    )
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 20 })), { maxLength: 80 }), (parts) => {
        const r = parse(parts.join(''))
        expect(r.replies.length).toBeLessThanOrEqual(500)
        for (const x of r.replies) expect(x.text.length).toBeLessThanOrEqual(512)
      }),
      { numRuns: 500 },
    )
  })
})
