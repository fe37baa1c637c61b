import { DEMO_PASSWORD, type Sim } from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SimApi, startSimApi } from './helpers.js'

/*
 * A real listening API server probing the Microsoft 365 simulator over real sockets. The
 * simulator's DNS zone answers smtp.office365.com with 127.0.0.1; the allow-list entry
 * `smtp.office365.com:<sim port>` (as SMTP_DOCTOR_PROBE_ALLOW would add it) lets the probe reach it.
 */

let sim: Sim
let harness: SimApi | undefined
let base: string

beforeAll(async () => {
  harness = await startSimApi((sim) => ({
    logger: false,
    probeAllow: [`smtp.office365.com:${sim.endpoints.smtpAuth.port}`, `127.0.0.1:${sim.endpoints.mx.port}`],
  }))
  sim = harness.sim
  base = harness.base
})
afterAll(async () => {
  await harness?.close()
})

type ProbeAnswer = {
  findings: { id: string; docs: string }[]
  probe: Record<string, { ok?: boolean; address?: string } | undefined>
  transcript: string[]
  steps: { stage: string; ms: number; ok: boolean }[]
}

async function probe(
  settings: Record<string, unknown>,
  lang = 'en',
): Promise<{ status: number; body: ProbeAnswer }> {
  const res = await fetch(`${base}/v1/probe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ settings, lang, timeoutMs: 10_000 }),
  })
  return { status: res.status, body: (await res.json()) as ProbeAnswer }
}

const smtpAuth = () => ({ host: 'smtp.office365.com', port: sim.endpoints.smtpAuth.port, tls: 'starttls' })

describe('/v1/probe against the simulator', () => {
  it('a healthy SMTP AUTH device: every step ok, secrets redacted', async () => {
    const { status, body } = await probe({
      ...smtpAuth(),
      username: 'scanner@contoso.com',
      password: DEMO_PASSWORD,
      from: 'scanner@contoso.com',
      recipients: ['someone@contoso.com'],
    })
    expect(status).toBe(200)
    expect(body.probe.tcp).toMatchObject({ ok: true, address: '127.0.0.1' })
    expect(body.probe.tls?.ok).toBe(true)
    expect(body.probe.auth?.ok).toBe(true)
    expect(body.steps.map((s) => s.stage)).toEqual(expect.arrayContaining(['dns', 'tcp', 'banner', 'auth']))
    expect(body.transcript.join('\n')).toMatch(/\*\*\*\*/)
    expect(JSON.stringify(body)).not.toContain(DEMO_PASSWORD)
    expect(body.findings.filter((f) => f.id === 'send-as-denied')).toEqual([])
  })

  it('a device sending as another address: diagnosed send-as-denied, with its help URL', async () => {
    const { status, body } = await probe(
      {
        ...smtpAuth(),
        username: 'scanner@contoso.com',
        password: DEMO_PASSWORD,
        from: 'boss@contoso.com',
        recipients: ['someone@contoso.com'],
      },
      'cs',
    )
    expect(status).toBe(200)
    expect(body.probe.mailFrom?.ok).toBe(false)
    const finding = body.findings.find((f) => f.id === 'send-as-denied')
    expect(finding?.docs).toBe('/cs/rules/send-as-denied/')
  })

  it('a wrong password: auth fails, findings explain it', async () => {
    const { status, body } = await probe({
      ...smtpAuth(),
      username: 'scanner@contoso.com',
      password: 'Wrong-Password-99',
      from: 'scanner@contoso.com',
    })
    expect(status).toBe(200)
    expect(body.probe.auth?.ok).toBe(false)
    expect(body.findings.length).toBeGreaterThan(0)
    expect(JSON.stringify(body)).not.toContain('Wrong-Password-99')
  })

  it('an allowed IP literal (the MX endpoint) is probed anonymously', async () => {
    const { status, body } = await probe({
      host: '127.0.0.1',
      port: sim.endpoints.mx.port,
      tls: 'starttls',
      from: 'scanner@contoso.com',
      recipients: ['someone@contoso.com'],
    })
    expect(status).toBe(200)
    expect(body.probe.banner?.ok).toBe(true)
  })

  it('CR/LF in the from-address is a 400 naming the field, and no SMTP command is smuggled in', async () => {
    const from =
      'a@contoso.com>\r\nRCPT TO:<victim@contoso.com>\r\nDATA\r\n\r\nspam\r\n.\r\nMAIL FROM:<a@contoso.com'
    const res = await fetch(`${base}/v1/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ settings: { ...smtpAuth(), from, recipients: ['r@contoso.com'] } }),
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: { path: (string | number)[] }[] }
    expect(body.errors.map((e) => e.path)).toContainEqual(['settings', 'from'])
  })

  it('the same host on another port is refused', async () => {
    const { status } = await probe({ ...smtpAuth(), port: sim.endpoints.legacy.port })
    expect(status).toBe(403)
  })
})
