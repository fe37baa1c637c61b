/**
 * End to end: the probe talks to the Microsoft 365 simulator over real sockets, and the
 * facts it yields are diagnosed to the rule that answers the scenario. Host names are the
 * real Microsoft 365 ones, resolved to the simulator's loopback address by an injected lookup.
 */
import { promises as dns } from 'node:dns'
import { type ProbeInput, probe } from '@smtp-doctor/core/probe'
import {
  DEMO_PASSWORD,
  DEMO_TOKEN,
  type DnsServerHandle,
  defaultDnsZone,
  demoScenario,
  type Endpoint,
  SIM_DNS,
  type Sim,
  SimFault,
  type SimScenarioInput,
  startDnsServer,
  startSim,
} from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diagnose } from '../src/index.js'

// Every fault the simulator stages on a STARTTLS endpoint (the implicit-TLS one has its own probe test).
const FAULTS: readonly SimFault[] = SimFault.options.filter((f) => f !== 'tls-version-mismatch-implicit')

const scenarios: Record<string, SimScenarioInput> = {
  demo: { ...demoScenario, faults: [...FAULTS] },
  tenantOff: { ...demoScenario, smtpAuth: { enabled: false } },
  reply4766: { ...demoScenario, smtpAuth: { legacyTls: 'reply-4.7.66' } },
  basicRetired: { ...demoScenario, smtpAuth: { basicAuth: false } },
  attributionFail: { mx: { connectors: [{ kind: 'ip', ips: ['127.0.0.1'] }], attribution: 'fail' } },
  wrongRegion: { mx: { connectors: [{ kind: 'ip', ips: ['127.0.0.1'] }], attribution: 'wrong-region' } },
  rejectDirectSend: { mx: { rejectDirectSend: true } },
}
const sims: Record<string, Sim> = {}
let dnsServer: DnsServerHandle

beforeAll(async () => {
  for (const [name, sc] of Object.entries(scenarios)) sims[name] = await startSim(sc)
  dnsServer = await startDnsServer(defaultDnsZone)
}, 60_000)

afterAll(async () => {
  await Promise.all(Object.values(sims).map((s) => s.stop()))
  await dnsServer.stop()
}, 60_000)

type Kind = 'smtpAuth' | 'legacy' | 'mx' | SimFault
const HOSTS: Record<'smtpAuth' | 'legacy' | 'mx', string> = {
  smtpAuth: 'smtp.office365.com',
  legacy: 'smtp-legacy.office365.com',
  mx: 'contoso-com.mail.protection.outlook.com',
}

async function diagnoseProbe(sim: string, kind: Kind, input: Partial<ProbeInput>): Promise<string[]> {
  const s = sims[sim] as Sim
  const ep: Endpoint | undefined =
    kind === 'smtpAuth' || kind === 'legacy' || kind === 'mx' ? s.endpoints[kind] : s.endpoints.faults[kind]
  if (!ep) throw new Error(`no endpoint ${kind} in ${sim}`)
  const host = kind === 'legacy' || kind === 'mx' ? HOSTS[kind] : HOSTS.smtpAuth
  const result = await probe({
    host,
    port: ep.port,
    tls: 'starttls',
    recipients: ['someone@fabrikam.com'],
    timeoutMs: 1500,
    lookup: async () => [{ address: ep.host, family: 4 }],
    ...input,
  })
  const text = JSON.stringify(result)
  expect(text).not.toContain(DEMO_PASSWORD)
  expect(text).not.toContain(DEMO_TOKEN)
  return diagnose(result.facts, { lang: 'en' }).findings.map((f) => f.id)
}

const login = (username: string): Partial<ProbeInput> => ({
  username,
  password: DEMO_PASSWORD,
  from: username,
})

// [scenario description, sim, endpoint, probe input, rule id expected first]
const cases: [string, string, Kind, Partial<ProbeInput>, string][] = [
  [
    'wrong password (535 5.7.3)',
    'demo',
    'smtpAuth',
    { ...login('scanner@contoso.com'), password: 'x-wrong-1' },
    'authentication-unsuccessful',
  ],
  [
    'SMTP AUTH off for the mailbox',
    'demo',
    'smtpAuth',
    login('nosmtp@contoso.com'),
    'smtp-auth-disabled-mailbox',
  ],
  [
    'SMTP AUTH off for the tenant',
    'tenantOff',
    'smtpAuth',
    login('scanner@contoso.com'),
    'smtp-auth-disabled-tenant',
  ],
  [
    'Basic auth retired (5.7.30)',
    'basicRetired',
    'smtpAuth',
    login('scanner@contoso.com'),
    'basic-auth-not-supported',
  ],
  [
    'XOAUTH2 with a bad token',
    'demo',
    'smtpAuth',
    { username: 'app@contoso.com', accessToken: 'bad-token-1', from: 'app@contoso.com' },
    'xoauth2-authentication-failed',
  ],
  ['security defaults', 'demo', 'smtpAuth', login('mfa@contoso.com'), 'security-defaults-block'],
  ['Conditional Access', 'demo', 'smtpAuth', login('ca@contoso.com'), 'conditional-access-block'],
  [
    'send as another address (5.7.60)',
    'demo',
    'smtpAuth',
    { ...login('scanner@contoso.com'), from: 'ceo@contoso.com' },
    'send-as-denied',
  ],
  ['restricted sender (5.1.8)', 'demo', 'smtpAuth', login('blocked@contoso.com'), 'bad-outbound-sender'],
  [
    'no credentials (5.7.57)',
    'demo',
    'smtpAuth',
    { from: 'scanner@contoso.com' },
    'smtp-auth-no-credentials',
  ],
  [
    'TLS off (5.7.0)',
    'demo',
    'smtpAuth',
    { ...login('scanner@contoso.com'), tls: 'none' },
    'smtp-auth-tls-off',
  ],
  [
    'device limited to TLS 1.1',
    'demo',
    'smtpAuth',
    { ...login('scanner@contoso.com'), maxTlsVersion: 'TLSv1.1' },
    'tls-legacy-rejected',
  ],
  [
    'TLS 1.1 session refused with 421 4.7.66',
    'reply4766',
    'smtpAuth',
    { ...login('scanner@contoso.com'), maxTlsVersion: 'TLSv1.1' },
    'tls-legacy-rejected',
  ],
  [
    'MX endpoint, external recipient (5.7.54)',
    'demo',
    'mx',
    { from: 'scanner@contoso.com' },
    'unable-to-relay',
  ],
  [
    'attribution failure (5.7.64)',
    'attributionFail',
    'mx',
    { from: 'scanner@contoso.com' },
    'tenant-attribution-relay-denied',
  ],
  [
    'RejectDirectSend (5.7.68)',
    'rejectDirectSend',
    'mx',
    { from: 'scanner@contoso.com', recipients: ['alice@contoso.com'] },
    'reject-direct-send',
  ],
  ['silent at the banner', 'demo', 'silent-banner', {}, 'smtp-auth-endpoint-unreachable'],
  ['silent mid-TLS', 'demo', 'silent-mid-tls', {}, 'smtp-auth-endpoint-unreachable'],
  ['reset after the banner', 'demo', 'reset-after-banner', {}, 'smtp-auth-endpoint-unreachable'],
  ['slow drip', 'demo', 'slow-drip', {}, 'smtp-auth-endpoint-unreachable'],
  ['TLS version mismatch', 'demo', 'tls-version-mismatch', {}, 'tls-legacy-rejected'],
]

describe('simulator scenario → probe → diagnose', () => {
  for (const [name, sim, kind, input, id] of cases) {
    it(`${name} → ${id}`, { timeout: 10_000 }, async () => {
      const ids = await diagnoseProbe(sim, kind, input)
      expect(ids).toContain(id)
      // Fault cases also name the missing credentials; the connection finding must still be there.
      if (!FAULTS.includes(kind as SimFault)) expect(ids[0]).toBe(id)
    })
  }

  it('wrong region (4.4.62) on the MX endpoint → tenant-attribution-relay-denied first', async () => {
    const ids = await diagnoseProbe('wrongRegion', 'mx', { from: 'scanner@contoso.com' })
    expect(ids[0]).toBe('tenant-attribution-relay-denied')
    expect(ids).not.toContain('legacy-host')
  })

  it('a healthy account and the legacy endpoint for an old device say the endpoint works', async () => {
    expect(await diagnoseProbe('demo', 'smtpAuth', login('scanner@contoso.com'))).toContain(
      'smtp-endpoint-reachable',
    )
    const legacy = await diagnoseProbe('demo', 'legacy', {
      ...login('scanner@contoso.com'),
      maxTlsVersion: 'TLSv1.1',
    })
    expect(legacy).toContain('smtp-endpoint-reachable')
    expect(legacy).toContain('device-tls-below-1-2')
  })

  it('the server name does not resolve (NXDOMAIN, SERVFAIL, no answer) → server-name-not-resolved', async () => {
    const resolver = new dns.Resolver({ timeout: 300, tries: 1 })
    resolver.setServers([dnsServer.address])
    for (const host of [
      'smtp.nxdomain.contoso.com',
      `smtp.${SIM_DNS.servfailDomain}`,
      `smtp.${SIM_DNS.timeoutDomain}`,
    ]) {
      const result = await probe({
        host,
        port: 587,
        tls: 'starttls',
        from: 'scanner@contoso.com',
        timeoutMs: 1500,
        resolver,
      })
      expect(result.facts.probe?.error?.stage).toBe('dns')
      expect(diagnose(result.facts, { lang: 'en' }).findings.map((f) => f.id)).toContain(
        'server-name-not-resolved',
      )
    }
  })

  it('garbage and a 16 MB line → server-not-speaking-smtp', async () => {
    for (const kind of ['garbage', 'long-line'] as const) {
      const ids = await diagnoseProbe('demo', kind, {})
      expect(ids).toContain('server-not-speaking-smtp')
    }
  })
})
