import dgram from 'node:dgram'
import { type DnsServerHandle, SIM_DNS, startDnsServer } from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

let dns: DnsServerHandle
/** A UDP socket that takes queries and never answers: a resolver that times out. */
let silent: dgram.Socket
let silentPort: number

beforeAll(async () => {
  dns = await startDnsServer()
  silent = dgram.createSocket('udp4')
  await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', () => resolve()))
  silentPort = silent.address().port
})
afterAll(async () => {
  await dns?.stop()
  silent?.close()
})

const ZONES = SIM_DNS.dnsblZones.join(',')
const dnsArgs = (domain: string, ...rest: string[]) => [
  'dns',
  domain,
  '--resolver',
  dns.address,
  '--dnsbl',
  ZONES,
  ...rest,
]

type Answer = {
  findings: { id: string; severity: string }[]
  dns: {
    mx?: { endpoint?: string; endpointKind?: string; error?: { code: string } }
    spf?: { result: string; lookups?: number; includesMicrosoft365?: boolean }
    dmarc?: { policy?: string }
    dkim?: { microsoft365Ready: boolean }
    dnsbl?: { listed: { zone: string }[]; errors?: { code?: string }[] }
  }
}

async function json(args: string[]): Promise<{ code: number | null; answer: Answer; stderr: string }> {
  const r = await runCli(['--json', ...args])
  return { code: r.code, answer: JSON.parse(r.stdout) as Answer, stderr: r.stderr }
}

const ids = (a: Answer) => a.findings.map((f) => f.id)

describe('smtp-doctor dns against the simulator DNS server (real UDP/TCP)', () => {
  it('SPF does not list the relay IP → the SPF rule; only the given resolver is asked', async () => {
    dns.clearQueries()
    const { code, answer } = await json(dnsArgs(SIM_DNS.tenantDomain, '--ip', SIM_DNS.relayIp))
    expect(code).toBe(1)
    expect(answer.dns.spf).toMatchObject({ result: 'fail', includesMicrosoft365: true })
    expect(answer.dns.dmarc?.policy).toBe('reject')
    expect(answer.dns.dkim?.microsoft365Ready).toBe(true)
    expect(answer.dns.mx?.endpoint).toBe(SIM_DNS.tenantMx)
    expect(ids(answer)).toContain('spf-fail-sending-ip')
    expect(ids(answer)).not.toContain('sending-ip-blocklisted')
    // Every query reached the simulator: MX, _dmarc, both selectors, SPF names, the block lists.
    const names = dns.queries().map((q) => `${q.type} ${q.name}`)
    expect(names).toEqual(
      expect.arrayContaining([
        'MX contoso.com',
        'TXT contoso.com',
        'TXT _dmarc.contoso.com',
        'CNAME selector1._domainkey.contoso.com',
        'CNAME selector2._domainkey.contoso.com',
        'A 7.113.0.203.zen.spamhaus.example',
      ]),
    )
  })

  it('a listed IP → the block-list rule, the zones named in the facts and the live lines', async () => {
    const { answer } = await json(dnsArgs(SIM_DNS.tenantDomain, '--ip', SIM_DNS.listedIp))
    expect(ids(answer)).toContain('sending-ip-blocklisted')
    expect(answer.dns.dnsbl?.listed.map((l) => l.zone)).toEqual(SIM_DNS.dnsblZones)
    const r = await runCli(dnsArgs(SIM_DNS.tenantDomain, '--ip', SIM_DNS.listedIp))
    expect(r.stdout).toMatch(
      /block lists\s+198\.51\.100\.7: listed on zen\.spamhaus\.example \(127\.0\.0\.2, 127\.0\.0\.4\)/,
    )
  })

  it('11 lookups → the permerror rule, and the live output shows where the lookups go', async () => {
    const { answer } = await json(dnsArgs(SIM_DNS.elevenLookupsDomain, '--ip', SIM_DNS.relayIp))
    expect(answer.dns.spf).toMatchObject({ result: 'permerror', lookups: 11 })
    expect(ids(answer)).toContain('spf-permerror')
    const r = await runCli(dnsArgs(SIM_DNS.elevenLookupsDomain, '--ip', SIM_DNS.relayIp))
    expect(r.stdout).toMatch(/SPF\s+permerror for 203\.0\.113\.7 · 11\/10 lookups/)
    expect(r.stdout).toMatch(/↳ include:_spf\.google\.example\s+4 lookups \(in alpineskihouse\.com\)/)
    expect(r.stdout).toMatch(/↳ include:_netblocks\.google\.example\s+1 lookups \(in _spf\.google\.example\)/)
  })

  it.each([
    [SIM_DNS.dmarcRejectDomain, 'dns-dmarc-reject-direct-send'],
    [SIM_DNS.spfWithoutMicrosoftDomain, 'dns-spf-missing-microsoft-365'],
    [SIM_DNS.dmarcNoneDomain, 'dns-dkim-selectors-missing'],
    [SIM_DNS.voidLookupsDomain, 'dns-spf-void-lookups'],
    [SIM_DNS.brokenIncludeDomain, 'dns-spf-temperror'],
    ['no-such-tenant.example', 'dns-mx-not-found'],
  ])('%s → %s', async (domain, rule) => {
    const { answer } = await json(dnsArgs(domain, '--ip', SIM_DNS.relayIp))
    expect(ids(answer)).toContain(rule)
  })

  it.each([
    [SIM_DNS.elevenLookupsDomain, 'spf-permerror'],
    [SIM_DNS.spfWithoutMicrosoftDomain, 'dns-spf-missing-microsoft-365'],
    [SIM_DNS.voidLookupsDomain, 'dns-spf-void-lookups'],
  ])('without --ip, %s still gets the SPF record checked → %s', async (domain, rule) => {
    const { answer } = await json(dnsArgs(domain))
    expect(answer.dns.spf?.result).toBeUndefined()
    expect(ids(answer)).toContain(rule)
    const r = await runCli(dnsArgs(domain))
    expect(r.stdout).toMatch(/^[▲✖] SPF\s+record only \(no verdict without --ip\) · \d+\/10 lookups/m)
  })

  it('a tenant set up as documented, from its office IP: no DNS finding', async () => {
    const { code, answer } = await json(dnsArgs(SIM_DNS.tenantDomain, '--ip', SIM_DNS.officeIp))
    expect(answer.dns.spf?.result).toBe('pass')
    expect(ids(answer).filter((id) => id.startsWith('dns-') || id.startsWith('spf-'))).toEqual([])
    expect(code).toBe(0)
  })

  it('takes a DNSSEC *.mx.microsoft endpoint from DNS', async () => {
    const { answer } = await json(dnsArgs(SIM_DNS.dnssecMxDomain))
    expect(answer.dns.mx).toMatchObject({ endpoint: SIM_DNS.dnssecMx, endpointKind: 'mx.microsoft' })
  })

  it('shows each check live with its timing, then the diagnosis', async () => {
    const r = await runCli(
      dnsArgs(SIM_DNS.tenantDomain, '--ip', SIM_DNS.relayIp, '--from', 'scanner@contoso.com'),
    )
    expect(r.code).toBe(1)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toBe(`Checking the DNS of contoso.com (resolver: ${dns.address})`)
    // ✔ answered and fine, ✖ what it found is a problem (or it could not be checked).
    for (const [mark, check] of [
      ['✔', 'MX'],
      ['✖', 'SPF'],
      ['✔', 'DMARC'],
      ['✔', 'DKIM'],
      ['✔', 'block lists'],
    ]) {
      expect(lines.some((l) => new RegExp(`^${mark} ${check}\\s+.+\\s\\d+ ms$`).test(l))).toBe(true)
    }
    expect(r.stdout).toMatch(/✖ SPF\s+fail for 203\.0\.113\.7 · 1\/10 lookups · 0\/2 void/)
    expect(r.stdout).toContain('[spf-fail-sending-ip')
  })

  it('answers in Czech with --lang cs, the live lines too', async () => {
    const r = await runCli([
      '--lang',
      'cs',
      ...dnsArgs(SIM_DNS.elevenLookupsDomain, '--ip', SIM_DNS.listedIp),
    ])
    expect(r.stdout).toContain('Kontrola DNS domény alpineskihouse.com')
    expect(r.stdout).toMatch(/SPF\s+permerror pro 198\.51\.100\.7 · 11\/10 dotazů · 0\/2 prázdných/)
    // A listed IP and an SPF permerror are marked as the problems they are, not with a tick.
    expect(r.stdout).toMatch(/^✖ blokované IP\s+198\.51\.100\.7: uvedena na zen\.spamhaus\.example/m)
    expect(r.stdout).toMatch(/^✖ SPF\s+permerror/m)
    expect(r.stdout).toMatch(/^▲ DKIM\s+selector1: žádný/m)
    expect(r.stdout).toMatch(/↳ include:_spf\.google\.example\s+4 dotazy \(v alpineskihouse\.com\)/)
    expect(r.stdout).toMatch(/↳ include:mailer\.example\s+1 dotaz \(v alpineskihouse\.com\)/)
  })

  it('a domain that does not exist is a named result, not a crash', async () => {
    const r = await runCli(dnsArgs('no-such-tenant.example', '--ip', SIM_DNS.relayIp))
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/✖ MX\s+DNS_NOT_FOUND: no-such-tenant\.example MX: the name does not exist/)
  })

  it('a resolver that never answers ends every check with DNS_TIMEOUT at --timeout', async () => {
    const r = await runCli(
      [
        '--json',
        'dns',
        SIM_DNS.tenantDomain,
        '--ip',
        SIM_DNS.relayIp,
        '--resolver',
        `127.0.0.1:${silentPort}`,
        '--dnsbl',
        'bl.example',
        '--timeout',
        '500',
      ],
      { timeoutMs: 15_000 },
    )
    const answer = JSON.parse(r.stdout) as Answer
    expect(answer.dns.mx?.error?.code).toBe('DNS_TIMEOUT')
    expect(answer.dns.spf?.result).toBe('temperror')
    expect(answer.dns.dnsbl?.errors?.[0]?.code).toBe('DNS_TIMEOUT')
  })

  it.each([
    [['dns', 'bad\u0007name.com'], /^smtp-doctor dns: <domain>: control characters/],
    [['dns', 'contoso.com', '--ip', '300.1.1.1'], /--ip: not an IP address/],
    [['dns', 'contoso.com', '--from', 'not-an-address'], /--from: not an e-mail address/],
    [['dns', 'contoso.com', '--resolver', 'dns.example'], /--resolver: expected ip, ip:port/],
    [['dns', 'contoso.com', '--timeout', 'soon'], /--timeout/],
  ])('bad input %j → one line and exit 2', async (args, message) => {
    const r = await runCli(args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.split('\n')[0]).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})
