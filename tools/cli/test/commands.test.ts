import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { advise, classify, diagnose, explain, rules } from '@smtp-doctor/rules'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const AUTH_FAILED = '535 5.7.3 Authentication unsuccessful'
const LOG = [
  '2026-11-20 08:12:00 SMTP: < 220 AM0PR01CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready',
  '2026-11-20 08:12:01 SMTP: > MAIL FROM:<salesperson1@contoso.com>',
  '2026-11-20 08:12:01 SMTP: < 550 5.7.60 SMTP; Client does not have permissions to send as this sender',
].join('\n')

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'smtp-doctor-cli-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** The JSON round trip the CLI's output went through. */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v))

/** A usage error: exit 2, a one-line message, then one usage line; never a stack trace. */
function expectUsageError(r: { code: number | null; stdout: string; stderr: string }): void {
  expect(r.code).toBe(2)
  expect(r.stdout).toBe('')
  const lines = r.stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(2)
  expect(lines[1]).toMatch(/^Usage: smtp-doctor/)
  expect(r.stderr).not.toMatch(/\n\s+at /)
}

describe('explain', () => {
  it('answers a reply given as arguments, exit 1 for a problem', async () => {
    const r = await runCli(['explain', AUTH_FAILED])
    expect(r.code).toBe(1)
    const first = explain(AUTH_FAILED, { lang: 'en' }).findings[0]
    expect(first).toBeDefined()
    expect(r.stdout).toContain(first?.title)
    // Without SMTP_DOCTOR_DOCS_URL the link is the command that prints the whole article here.
    expect(r.stdout).toContain(`smtp-doctor rules show ${first?.id}`)
    expect(r.stdout).not.toContain('smtp-doctor.example')
    expect(r.stdout).toMatch(/^\s+1\. /m)
    expect(r.stdout).not.toMatch(/\x1b\[/)
  })

  it('joins unquoted words into one text', async () => {
    const r = await runCli(['--json', 'explain', ...AUTH_FAILED.split(' ')])
    expect(JSON.parse(r.stdout)).toEqual(plain(explain(AUTH_FAILED, { lang: 'en' })))
  })

  it('--json prints exactly the library result', async () => {
    const r = await runCli(['explain', '--json', AUTH_FAILED])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual(plain(explain(AUTH_FAILED, { lang: 'en' })))
  })

  it('reads a whole log from stdin with -', async () => {
    const r = await runCli(['explain', '-', '--json'], { input: LOG })
    expect(r.code).toBe(1)
    const expected = explain(LOG, { lang: 'en' })
    expect(expected.findings.map((f) => f.id)).toContain('send-as-denied')
    expect(JSON.parse(r.stdout)).toEqual(plain(expected))
  })

  it('reads a file', async () => {
    const file = join(dir, 'device.log')
    writeFileSync(file, LOG)
    const r = await runCli(['--json', 'explain', file])
    expect(JSON.parse(r.stdout)).toEqual(plain(explain(LOG, { lang: 'en' })))
  })

  it('exit 0 when nothing matches a problem', async () => {
    const r = await runCli(['explain', '250 2.0.0 OK'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Nothing in this text/)
  })

  it('--lang cs answers in Czech, and so does a Czech locale', async () => {
    const cs = explain(AUTH_FAILED, { lang: 'cs' })
    const r = await runCli(['--lang', 'cs', 'explain', AUTH_FAILED])
    expect(r.stdout).toContain(cs.findings[0]?.title)
    expect(r.stdout).toContain('Příčina:')
    const byLocale = await runCli(['explain', '--json', AUTH_FAILED], { env: { LANG: 'cs_CZ.UTF-8' } })
    expect(JSON.parse(byLocale.stdout)).toEqual(plain(cs))
    const override = await runCli(['explain', '--json', AUTH_FAILED], {
      env: { LANG: 'cs_CZ.UTF-8', LC_ALL: 'en_US.UTF-8' },
    })
    expect(JSON.parse(override.stdout)).toEqual(plain(explain(AUTH_FAILED, { lang: 'en' })))
  })

  it('uses SMTP_DOCTOR_DOCS_URL for article links', async () => {
    const r = await runCli(['explain', AUTH_FAILED], {
      env: { SMTP_DOCTOR_DOCS_URL: 'http://docs.test/base/' },
    })
    expect(r.stdout).toMatch(/http:\/\/docs\.test\/base\/en\/rules\/[a-z0-9-]+\//)
  })

  it('colours only when asked to (FORCE_COLOR), never with NO_COLOR', async () => {
    const forced = await runCli(['explain', AUTH_FAILED], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })
    expect(forced.stdout).toMatch(/\x1b\[31m/)
    const piped = await runCli(['explain', AUTH_FAILED], { env: { NO_COLOR: undefined } })
    expect(piped.stdout).not.toMatch(/\x1b\[/)
  })
})

describe('diagnose', () => {
  const facts = {
    settings: {
      host: 'smtp.office365.com',
      port: 587,
      tls: 'starttls' as const,
      username: 'sales@contoso.com',
      password: true,
      from: 'salesperson1@contoso.com',
    },
    tenant: { mailbox: { sendAsGranted: false } },
  }

  it('diagnoses a facts file, --json equal to the library', async () => {
    const file = join(dir, 'facts.json')
    writeFileSync(file, JSON.stringify(facts))
    const r = await runCli(['diagnose', file, '--json'])
    const expected = diagnose(facts, { lang: 'en' })
    expect(expected.findings.map((f) => f.id)).toContain('send-as-denied')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual(plain(expected))
  })

  it('reads facts from stdin', async () => {
    const r = await runCli(['diagnose', '-', '--json', '--lang', 'cs'], { input: JSON.stringify(facts) })
    expect(JSON.parse(r.stdout)).toEqual(plain(diagnose(facts, { lang: 'cs' })))
  })

  it('invalid facts: exit 2 naming the path', async () => {
    const file = join(dir, 'bad-facts.json')
    writeFileSync(file, JSON.stringify({ settings: { host: 'x', port: 99999, tls: 'starttls' } }))
    const r = await runCli(['diagnose', file])
    expectUsageError(r)
    expect(r.stderr).toContain('settings.port')
  })

  it('not JSON, or no such file: exit 2', async () => {
    const file = join(dir, 'not.json')
    writeFileSync(file, '{ nope')
    expectUsageError(await runCli(['diagnose', file]))
    const missing = await runCli(['diagnose', join(dir, 'missing.json')])
    expectUsageError(missing)
    expect(missing.stderr).toContain('no such file')
  })
})

describe('classify', () => {
  it('MX host with credentials: --json equal to the library, exit 1', async () => {
    const r = await runCli([
      'classify',
      '--json',
      '--host',
      'contoso-com.mail.protection.outlook.com',
      '--port',
      '25',
      '--user',
      'scanner@contoso.com',
      '--password-set',
    ])
    const expected = classify(
      {
        host: 'contoso-com.mail.protection.outlook.com',
        port: 25,
        tls: 'starttls',
        username: 'scanner@contoso.com',
        password: true,
      },
      { lang: 'en' },
    )
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual(plain(expected))
  })

  it('repeatable --to and the option in human output', async () => {
    const args = [
      '--host',
      'smtp.office365.com',
      '--user',
      'a@contoso.com',
      '--password-set',
      '--from',
      'a@contoso.com',
    ]
    const r = await runCli(['classify', ...args, '--to', 'x@contoso.com', '--to', 'y@fabrikam.com', '--json'])
    const expected = classify(
      {
        host: 'smtp.office365.com',
        port: 587,
        tls: 'starttls',
        username: 'a@contoso.com',
        password: true,
        from: 'a@contoso.com',
        recipients: ['x@contoso.com', 'y@fabrikam.com'],
      },
      { lang: 'en' },
    )
    expect(JSON.parse(r.stdout)).toEqual(plain(expected))
    const human = await runCli(['classify', ...args])
    expect(human.stdout).toMatch(/^Configured for: SMTP AUTH/)
  })
})

describe('advise', () => {
  it('needs from flags: --json equal to the library', async () => {
    const r = await runCli([
      'advise',
      '--json',
      '--external-recipients',
      '--no-can-authenticate',
      '--static-ip',
      '--max-tls',
      '1.2',
      '--domain',
      'contoso.com',
    ])
    const expected = advise(
      {
        externalRecipients: true,
        canAuthenticate: false,
        staticIp: true,
        maxTlsVersion: 'TLSv1.2',
        domain: 'contoso.com',
      },
      { lang: 'en' },
    )
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(plain(expected))
  })

  it('prints the recommended option with its settings card', async () => {
    const r = await runCli(['advise', '--external-recipients', '--can-authenticate', '--lang', 'cs'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Doporučeno')
    expect(r.stdout).toContain('Zadejte do zařízení')
  })
})

describe('rules', () => {
  it('list --json is GET /v1/rules', async () => {
    const r = await runCli(['rules', 'list', '--json'])
    const body = JSON.parse(r.stdout) as { rules: { id: string; docs: string }[] }
    expect(body.rules.map((x) => x.id)).toEqual(rules.map((x) => x.id))
    expect(body.rules[0]?.docs).toMatch(/^\/en\/rules\//)
  })

  it('show by id and by code', async () => {
    const byId = await runCli(['rules', 'show', 'send-as-denied', '--json', '--lang', 'cs'])
    const rule = JSON.parse(byId.stdout) as { id: string; title: string; steps: string[] }
    expect(rule.id).toBe('send-as-denied')
    expect(rule.title).toBe(rules.find((x) => x.id === 'send-as-denied')?.messages.cs.title)
    const byCode = await runCli(['rules', 'show', '5.7.60'])
    expect(byCode.code).toBe(0)
    expect(byCode.stdout).toContain('[send-as-denied]')
  })

  it('unknown rule: exit 2', async () => {
    expectUsageError(await runCli(['rules', 'show', 'no-such-rule']))
  })
})

describe('usage errors', () => {
  it.each([
    [['explain', '--bogus', 'x']],
    [['--lang', 'de', 'explain', 'x']],
    [['explain']],
    [['classify', '--port', '25']],
    [['classify', '--host', 'smtp.office365.com', '--port', 'abc']],
    [['classify', '--host', 'smtp.office365.com', '--tls', 'ssl']],
    [['probe', '--host', '127.0.0.1', '--timeout', 'soon']],
    [['advise', '--daily-volume', '-5']],
  ])('%j → exit 2, one-line message and usage', async (args) => {
    expectUsageError(await runCli(args))
  })

  it('a password flag is refused without echoing it', async () => {
    const r = await runCli(['probe', '--host', '127.0.0.1', '--password', 'Hunter2-secret'])
    expectUsageError(r)
    expect(r.stderr).toContain('SMTP_DOCTOR_PASSWORD')
    expect(r.stderr).not.toContain('Hunter2-secret')
  })

  it('a mistyped password flag with = is refused without echoing its value', async () => {
    const r = await runCli(['probe', '--host', '127.0.0.1', '--pasword=Hunter2-secret'])
    expectUsageError(r)
    expect(r.stderr).toContain('--pasword')
    expect(r.stderr).not.toContain('Hunter2')
  })

  it('binary or multi-line bad JSON: one line, no raw control characters, no quoted input', async () => {
    const input = 'ab\n\u001b[31mRED\u0004\n{"password":"Hunter2-secret"}'
    const r = await runCli(['diagnose', '-'], { input })
    expectUsageError(r)
    expect(r.stderr).toContain('stdin is not valid JSON')
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/)
    expect(r.stderr).not.toContain('Hunter2')
  })

  it('explain - with empty stdin, or an empty file: exit 2, as explain with no text', async () => {
    const r = await runCli(['explain', '-'], { input: '' })
    expectUsageError(r)
    expect(r.stderr).toContain('stdin is empty')
    const file = join(dir, 'empty.log')
    writeFileSync(file, '')
    expectUsageError(await runCli(['explain', file]))
  })

  it('an unknown command → exit 2', async () => {
    const r = await runCli(['frobnicate'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/unknown command/)
  })

  it('--help and --version exit 0', async () => {
    const help = await runCli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Exit status: 0/)
    expect((await runCli(['--version'])).code).toBe(0)
  })
})
