/**
 * Right answers at the CLI surface (issue 12): a code alone answers with the problems it can
 * mean, each with its whole reply (exit 1); a username without @ is flagged; commands are
 * filled from the settings and say how to connect to Exchange Online.
 */
import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

describe('a code alone', () => {
  it.each([['5.7.139'], ['535 5.7.139'], ['535 5.7.139 Authentifizierung fehlgeschlagen']])(
    'explain %s: the problems it can mean, told apart, exit 1',
    async (text) => {
      const r = await runCli(['explain', text])
      expect(r.code).toBe(1)
      expect(r.stdout).not.toContain('Nothing in this text matches')
      const note =
        /^▲ 5\.7\.139 alone can mean any of the (\d+) problems below that show "Its whole reply" \(most likely first\): paste the whole line/.exec(
          r.stdout,
        )
      expect(note).not.toBeNull()
      const shown = r.stdout.match(/^ {3}Its whole reply: /gm) ?? []
      expect(shown.length).toBeGreaterThanOrEqual(2)
      // The note counts exactly the findings that show their whole reply.
      expect(Number(note?.[1])).toBe(shown.length)
      const json = JSON.parse((await runCli(['--json', 'explain', text])).stdout) as {
        findings: { match?: string }[]
      }
      expect(json.findings.filter((f) => f.match === 'code').length).toBe(shown.length)
    },
  )

  it('in Czech too', async () => {
    const r = await runCli(['--lang', 'cs', 'explain', '5.7.139'])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^▲ Samotný kód 5\.7\.139 může znamenat kterýkoli z \d+ problémů níže/)
    expect(r.stdout).toContain('Celá odpověď: ')
  })
})

describe('settings', () => {
  it('classify --user scanner (no @) warns to use the full mailbox address, exit 1', async () => {
    const r = await runCli([
      'classify',
      '--host',
      'smtp.office365.com',
      '--user',
      'scanner',
      '--password-set',
    ])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('[username-not-full-address]')
    const ok = await runCli([
      '--json',
      'classify',
      '--host',
      'smtp.office365.com',
      '--user',
      'scanner@contoso.com',
      '--password-set',
    ])
    expect(JSON.parse(ok.stdout).findings.map((f: { id: string }) => f.id)).not.toContain(
      'username-not-full-address',
    )
  })

  it('a server name with a space, or a domain that is not one, is an input error (exit 2) before any query', async () => {
    const host = await runCli(['probe', '--host', 'a b', '--port', '1'])
    expect(host.code).toBe(2)
    expect(host.stderr).toMatch(/^smtp-doctor probe: invalid input: host: a server name or IP address/)
    expect(host.stdout).not.toContain('DNS')
    const domain = await runCli(['advise', '--domain', 'bad domain'])
    expect(domain.code).toBe(2)
    expect(domain.stderr).toMatch(/^smtp-doctor advise: invalid input: domain: a domain name/)
  })

  it('the commands use the mailbox from the flags and say how to connect', async () => {
    const r = await runCli([
      'classify',
      '--host',
      'smtp.office365.com',
      '--user',
      'printer',
      '--password-set',
      '--from',
      'printer@fabrikam.com',
    ])
    expect(r.stdout).toContain('Install-Module ExchangeOnlineManagement')
    expect(r.stdout).toContain('Connect-ExchangeOnline -UserPrincipalName admin@fabrikam.com')
  })
})
