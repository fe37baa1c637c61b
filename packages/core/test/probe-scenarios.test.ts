import {
  DEMO_PASSWORD,
  DEMO_TOKEN,
  demoScenario,
  type Endpoint,
  type Sim,
  type SimScenarioInput,
  startSim,
} from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ProbeInput, type ProbeResult, probe } from '../src/probe/index.js'
import { assertClean, codeOf } from './helpers.js'

const SECRETS = [DEMO_PASSWORD, DEMO_TOKEN]
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason)
}

const sims: Record<string, Sim> = {}
const scenarios: Record<string, SimScenarioInput> = {
  demo: { ...demoScenario, implicitTls: true },
  tenantOff: { ...demoScenario, smtpAuth: { enabled: false } },
  basicRetired: { ...demoScenario, smtpAuth: { basicAuth: false } },
  plain: { ...demoScenario, smtpAuth: { authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'] } },
  reply4766: { ...demoScenario, smtpAuth: { legacyTls: 'reply-4.7.66' } },
  ipConnector: { mx: { connectors: [{ kind: 'ip', ips: ['127.0.0.1'] }] } },
  certConnector: { mx: { connectors: [{ kind: 'certificate', certificateName: 'mfp.contoso.com' }] } },
  attributionFail: { mx: { connectors: [{ kind: 'ip', ips: ['127.0.0.1'] }], attribution: 'fail' } },
  wrongRegion: { mx: { connectors: [{ kind: 'ip', ips: ['127.0.0.1'] }], attribution: 'wrong-region' } },
  rejectDirectSend: { mx: { rejectDirectSend: true } },
}

const openSockets = (): number =>
  process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'TLSWrap').length
let socketsBefore = 0

beforeAll(async () => {
  socketsBefore = openSockets()
  process.on('unhandledRejection', onUnhandled)
  for (const [name, sc] of Object.entries(scenarios)) sims[name] = await startSim(sc)
}, 60_000)

afterAll(async () => {
  await Promise.all(Object.values(sims).map((s) => s.stop()))
  process.off('unhandledRejection', onUnhandled)
  expect(unhandled).toEqual([])
  // Every socket the probes opened is gone once the servers are.
  await new Promise((r) => setTimeout(r, 50))
  expect(openSockets()).toBe(socketsBefore)
}, 60_000)

function at(ep: Endpoint): Pick<ProbeInput, 'host' | 'port'> {
  return { host: ep.host, port: ep.port }
}

async function submit(
  sim: string,
  input: Partial<ProbeInput>,
  endpoint: 'smtpAuth' | 'legacy' = 'smtpAuth',
): Promise<ProbeResult> {
  const s = sims[sim] as Sim
  const result = await probe({
    ...at(s.endpoints[endpoint]),
    tls: 'starttls',
    recipients: ['someone@fabrikam.com'],
    timeoutMs: 5000,
    ...input,
  })
  assertClean(result, SECRETS)
  return result
}

async function mx(sim: string, input: Partial<ProbeInput>): Promise<ProbeResult> {
  const s = sims[sim] as Sim
  const result = await probe({ ...at(s.endpoints.mx), tls: 'starttls', timeoutMs: 5000, ...input })
  assertClean(result, SECRETS)
  return result
}

const login = (username: string) => ({ username, password: DEMO_PASSWORD, from: username })

describe('smtp.office365.com-like endpoint', () => {
  it('a healthy account gets through every step, and the transcript hides the credentials', async () => {
    const steps: string[] = []
    const r = await submit('demo', { ...login('scanner@contoso.com'), onStep: (s) => steps.push(s.stage) })
    const p = r.facts.probe
    expect(p?.error).toBeUndefined()
    expect(p?.banner?.reply?.text).toMatch(/Microsoft ESMTP MAIL Service ready at/)
    expect(p?.ehlo?.starttls).toBe(true)
    expect(p?.ehlo?.authMechanisms).toEqual([]) // AUTH only after STARTTLS
    expect(p?.tls?.ok).toBe(true)
    expect(p?.tls?.protocol).toBe('TLSv1.3')
    expect(p?.tls?.cipher).toBeTruthy()
    expect(p?.tls?.certificate?.subject).toBe('CN=smtp.office365.com')
    expect(p?.tls?.certificate?.subjectAltNames).toContain('smtp.office365.com')
    expect(p?.tls?.certificate?.trusted).toBe(false)
    expect(p?.tls?.certificate?.authorizationError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT')
    expect(p?.ehloTls?.authMechanisms).toEqual(['LOGIN', 'XOAUTH2'])
    expect(p?.auth).toMatchObject({ ok: true, attempted: true, mechanism: 'LOGIN' })
    expect(codeOf(p?.auth?.reply)).toBe('235')
    expect(p?.mailFrom?.ok).toBe(true)
    expect(p?.rcpt?.[0]).toMatchObject({ ok: true, address: 'someone@fabrikam.com' })
    expect(r.facts.settings?.password).toBe(true)
    expect(steps).toEqual([
      'dns',
      'tcp',
      'banner',
      'ehlo',
      'starttls',
      'tls',
      'ehlo-tls',
      'auth',
      'mail',
      'rcpt',
      'quit',
    ])
    expect(r.steps.map((s) => s.stage)).toEqual(steps)
    expect(r.transcript).toContain('C: AUTH LOGIN')
    expect(r.transcript.filter((l) => l === 'C: ****')).toHaveLength(2)
    expect(r.transcript.at(-1)).toMatch(/^S: 221/)
  })

  it('trusts the certificate when given the CA, and checks the name dialled', async () => {
    const s = sims.demo as Sim
    const r = await submit('demo', {
      ...login('scanner@contoso.com'),
      host: 'smtp.office365.com',
      lookup: async () => [{ address: '127.0.0.1', family: 4 }],
      ca: s.certificatePem,
    })
    expect(r.facts.probe?.dns).toMatchObject({ ok: true, addresses: ['127.0.0.1'] })
    expect(r.facts.probe?.tls?.certificate).toMatchObject({ trusted: true, hostnameMatches: true })
    expect(r.facts.probe?.tls?.certificate?.authorizationError).toBeUndefined()
  })

  it('implicit TLS (port-465 style): the handshake comes before the banner', async () => {
    const s = sims.demo as Sim
    const r = await probe({
      ...at(s.endpoints.implicit as Endpoint),
      tls: 'implicit',
      ...login('scanner@contoso.com'),
      recipients: ['someone@fabrikam.com'],
      timeoutMs: 5000,
    })
    assertClean(r, SECRETS)
    expect(r.steps.map((x) => x.stage)).toEqual([
      'dns',
      'tcp',
      'tls',
      'banner',
      'ehlo',
      'auth',
      'mail',
      'rcpt',
      'quit',
    ])
    expect(r.facts.probe?.tls?.protocol).toBe('TLSv1.3')
    expect(r.facts.probe?.ehlo?.authMechanisms).toEqual(['LOGIN', 'XOAUTH2'])
    expect(r.facts.probe?.ehlo?.starttls).toBe(false)
    expect(r.facts.probe?.rcpt?.[0]?.ok).toBe(true)
  })

  it('AUTH PLAIN is sent as one redacted line', async () => {
    const r = await submit('plain', { ...login('scanner@contoso.com'), authMethod: 'plain' })
    expect(r.facts.probe?.auth).toMatchObject({ ok: true, mechanism: 'PLAIN' })
    expect(r.transcript).toContain('C: AUTH PLAIN ****')
  })

  it('wrong password → 535 5.7.3 at auth, and the session stops there', async () => {
    const r = await submit('demo', { ...login('scanner@contoso.com'), password: 'Wrong-Password-9' })
    const p = r.facts.probe
    expect(p?.auth?.ok).toBe(false)
    expect(codeOf(p?.auth?.reply)).toBe('535 5.7.3')
    expect(p?.mailFrom).toBeUndefined()
    expect(codeOf(p?.lastReply)).toBe('535 5.7.3')
    expect(r.transcript.slice(-2)).toEqual(['C: QUIT', expect.stringMatching(/^S: 221/)])
    assertClean(r, ['Wrong-Password-9'])
  })

  it('SMTP AUTH disabled for the mailbox → 5.7.139 … for the Mailbox', async () => {
    const r = await submit('demo', login('nosmtp@contoso.com'))
    expect(codeOf(r.facts.probe?.lastReply)).toBe('535 5.7.139')
    expect(r.facts.probe?.lastReply?.text).toMatch(/SmtpClientAuthentication is disabled for the Mailbox/)
  })

  it('SMTP AUTH disabled for the tenant → 5.7.139 … for the Tenant', async () => {
    const r = await submit('tenantOff', login('scanner@contoso.com'))
    expect(codeOf(r.facts.probe?.lastReply)).toBe('535 5.7.139')
    expect(r.facts.probe?.lastReply?.text).toMatch(/disabled for the Tenant/)
  })

  it('Basic auth retired → 5.7.30, while XOAUTH2 with a token still works', async () => {
    const basic = await submit('basicRetired', login('app@contoso.com'))
    expect(codeOf(basic.facts.probe?.auth?.reply)).toBe('535 5.7.30')
    expect(basic.facts.probe?.lastReply?.text).toMatch(
      /Basic authentication is not supported for Client Submission/,
    )
    const oauth = await submit('basicRetired', {
      username: 'app@contoso.com',
      accessToken: DEMO_TOKEN,
      from: 'app@contoso.com',
    })
    expect(oauth.facts.probe?.auth).toMatchObject({ ok: true, mechanism: 'XOAUTH2' })
    expect(oauth.facts.probe?.rcpt?.[0]?.ok).toBe(true)
    expect(oauth.transcript).toContain('C: AUTH XOAUTH2 ****')
    expect(oauth.facts.settings).not.toHaveProperty('accessToken')
  })

  it('a wrong XOAUTH2 token → 535 5.7.3, token never shown', async () => {
    const r = await submit('demo', {
      username: 'app@contoso.com',
      accessToken: 'not-the-token-42',
      from: 'app@contoso.com',
    })
    expect(codeOf(r.facts.probe?.auth?.reply)).toBe('535 5.7.3')
    assertClean(r, ['not-the-token-42'])
  })

  it('security defaults and Conditional Access → their 5.7.139 texts', async () => {
    const sd = await submit('demo', login('mfa@contoso.com'))
    expect(sd.facts.probe?.lastReply?.text).toMatch(/user is locked by security defaults/)
    const ca = await submit('demo', login('ca@contoso.com'))
    expect(ca.facts.probe?.lastReply?.text).toMatch(
      /did not meet the criteria to be authenticated successfully/,
    )
    expect(codeOf(ca.facts.probe?.lastReply)).toBe('535 5.7.139')
  })

  it('send-as another address → 550 5.7.60 at MAIL FROM; an allowed alias passes', async () => {
    const bad = await submit('demo', { ...login('scanner@contoso.com'), from: 'ceo@contoso.com' })
    expect(bad.facts.probe?.auth?.ok).toBe(true)
    expect(bad.facts.probe?.mailFrom).toMatchObject({ ok: false, address: 'ceo@contoso.com' })
    expect(codeOf(bad.facts.probe?.lastReply)).toBe('550 5.7.60')
    const alias = await submit('demo', { ...login('scanner@contoso.com'), from: 'noreply@contoso.com' })
    expect(alias.facts.probe?.mailFrom?.ok).toBe(true)
  })

  it('a restricted sender → 550 5.1.8 bad outbound sender', async () => {
    const r = await submit('demo', login('blocked@contoso.com'))
    expect(codeOf(r.facts.probe?.lastReply)).toBe('550 5.1.8')
  })

  it('no credentials → 530 5.7.57 anonymous mail at MAIL FROM', async () => {
    const r = await submit('demo', { from: 'scanner@contoso.com' })
    expect(r.facts.probe?.auth).toBeUndefined()
    expect(codeOf(r.facts.probe?.lastReply)).toBe('530 5.7.57')
    expect(r.facts.probe?.lastReply?.text).toMatch(
      /not authenticated to send anonymous mail during MAIL FROM/,
    )
  })

  it('no TLS → AUTH not offered, and 530 5.7.0 Must issue a STARTTLS command first', async () => {
    const r = await submit('demo', { ...login('scanner@contoso.com'), tls: 'none' })
    const p = r.facts.probe
    expect(p?.auth).toMatchObject({ ok: false, attempted: false, error: { code: 'AUTH_NOT_OFFERED' } })
    expect(p?.error?.code).toBe('AUTH_NOT_OFFERED')
    expect(codeOf(p?.lastReply)).toBe('530 5.7.0')
    expect(p?.lastReply?.text).toMatch(/Must issue a STARTTLS command first/)
  })

  it('a device limited to TLS 1.1 fails the TLS ≥ 1.2 endpoint and gets through the legacy one', async () => {
    const modern = await submit('demo', { ...login('scanner@contoso.com'), maxTlsVersion: 'TLSv1.1' })
    expect(modern.facts.probe?.error).toMatchObject({ stage: 'tls', code: 'TLS_VERSION_MISMATCH' })
    const legacy = await submit(
      'demo',
      { ...login('scanner@contoso.com'), maxTlsVersion: 'TLSv1.1' },
      'legacy',
    )
    expect(legacy.facts.probe?.tls?.protocol).toBe('TLSv1.1')
    expect(legacy.facts.probe?.auth?.ok).toBe(true)
  })

  it('the Microsoft 365 way of refusing TLS 1.1: handshake, then 421 4.7.66', async () => {
    const r = await submit('reply4766', { ...login('scanner@contoso.com'), maxTlsVersion: 'TLSv1.1' })
    const p = r.facts.probe
    expect(p?.tls).toMatchObject({ ok: true, protocol: 'TLSv1.1' })
    expect(p?.ehloTls?.ok).toBe(false)
    expect(codeOf(p?.lastReply)).toBe('421 4.7.66')
    const modern = await submit('reply4766', login('scanner@contoso.com'))
    expect(modern.facts.probe?.rcpt?.[0]?.ok).toBe(true)
  })

  it('with tlsMatrix: the endpoint accepts only TLS 1.2 and 1.3; the legacy one all four', async () => {
    const modern = await submit('demo', { tlsMatrix: true })
    expect(modern.facts.probe?.tlsVersions).toEqual({
      TLSv1: false,
      'TLSv1.1': false,
      'TLSv1.2': true,
      'TLSv1.3': true,
    })
    const legacy = await submit('demo', { tlsMatrix: true }, 'legacy')
    expect(legacy.facts.probe?.tlsVersions).toEqual({
      TLSv1: true,
      'TLSv1.1': true,
      'TLSv1.2': true,
      'TLSv1.3': true,
    })
  })

  it('sendTestMessage sends DATA; without it no DATA is sent', async () => {
    const r = await submit('demo', { ...login('scanner@contoso.com'), sendTestMessage: true })
    expect(r.facts.probe?.data?.ok).toBe(true)
    expect(r.transcript).toContain('C: DATA')
    const n = await submit('demo', login('scanner@contoso.com'))
    expect(n.transcript).not.toContain('C: DATA')
  })
})

describe('tenant MX endpoint', () => {
  it('direct send: anonymous, no AUTH offered, internal recipient accepted', async () => {
    const r = await mx('demo', { from: 'scanner@contoso.com', recipients: ['alice@contoso.com'] })
    const p = r.facts.probe
    expect(p?.ehloTls?.authMechanisms).toEqual([])
    expect(p?.rcpt?.[0]?.ok).toBe(true)
    expect(p?.error).toBeUndefined()
  })

  it('an external recipient without a connector → 550 5.7.54', async () => {
    const r = await mx('demo', {
      from: 'scanner@contoso.com',
      recipients: ['bob@fabrikam.com', 'alice@contoso.com'],
    })
    const p = r.facts.probe
    expect(codeOf(p?.rcpt?.[0]?.reply)).toBe('550 5.7.54')
    expect(p?.rcpt?.[1]?.ok).toBe(true)
    expect(codeOf(p?.lastReply)).toBe('550 5.7.54')
  })

  it('credentials sent to the MX endpoint: AUTH not offered, recorded, the probe goes on', async () => {
    const r = await mx('demo', { ...login('scanner@contoso.com'), recipients: ['bob@fabrikam.com'] })
    expect(r.facts.probe?.auth?.error?.code).toBe('AUTH_NOT_OFFERED')
    expect(codeOf(r.facts.probe?.lastReply)).toBe('550 5.7.54')
  })

  it('a connector by IP relays to external recipients', async () => {
    const r = await mx('ipConnector', { from: 'scanner@contoso.com', recipients: ['bob@fabrikam.com'] })
    expect(r.facts.probe?.rcpt?.[0]?.ok).toBe(true)
  })

  it('a connector by certificate relays only when the device presents that certificate', async () => {
    const s = sims.certConnector as Sim
    const withCert = await mx('certConnector', {
      from: 'scanner@contoso.com',
      recipients: ['bob@fabrikam.com'],
      clientCertificate: s.clientCertificate,
    })
    expect(withCert.facts.probe?.rcpt?.[0]?.ok).toBe(true)
    const without = await mx('certConnector', {
      from: 'scanner@contoso.com',
      recipients: ['bob@fabrikam.com'],
    })
    expect(codeOf(without.facts.probe?.lastReply)).toBe('550 5.7.54')
  })

  it('attribution failure → 550 5.7.64; wrong region → 451 4.4.62', async () => {
    const fail = await mx('attributionFail', {
      from: 'scanner@contoso.com',
      recipients: ['bob@fabrikam.com'],
    })
    expect(codeOf(fail.facts.probe?.lastReply)).toBe('550 5.7.64')
    expect(fail.facts.probe?.lastReply?.text).toMatch(/TenantAttribution; Relay Access Denied/)
    const region = await mx('wrongRegion', { from: 'scanner@contoso.com', recipients: ['bob@fabrikam.com'] })
    expect(codeOf(region.facts.probe?.lastReply)).toBe('451 4.4.62')
  })

  it('RejectDirectSend → 550 5.7.68 for mail from the own domain', async () => {
    const r = await mx('rejectDirectSend', { from: 'scanner@contoso.com', recipients: ['alice@contoso.com'] })
    expect(codeOf(r.facts.probe?.lastReply)).toBe('550 5.7.68')
    expect(r.facts.probe?.lastReply?.text).toMatch(/TenantInboundAttribution; Direct Send not allowed/)
  })
})
