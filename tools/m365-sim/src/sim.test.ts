import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import nodemailer from 'nodemailer'
import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoScenario } from './presets.js'
import { loadScenario, parseScenario } from './scenario.js'
import { formatEndpoints, type Sim, startSim } from './sim.js'

let sim: Sim
let dir: string

beforeAll(async () => {
  sim = await startSim({ ...demoScenario, faults: ['silent-banner', 'slow-drip'] })
  dir = await mkdtemp(join(tmpdir(), 'm365-sim-'))
}, 60_000)

afterAll(async () => {
  await sim.stop()
  await rm(dir, { recursive: true, force: true })
}, 60_000)

type Ep = { host: string; port: number }

function transport(ep: Ep, extra: Record<string, unknown> = {}) {
  return nodemailer.createTransport({
    host: ep.host,
    port: ep.port,
    secure: false,
    requireTLS: true,
    tls: { rejectUnauthorized: false },
    connectionTimeout: 3000,
    greetingTimeout: 3000,
    socketTimeout: 3000,
    ...extra,
  })
}

function message(from: string, to: string) {
  return { from, to, subject: 'sim test', text: 'hello' }
}

async function sendError(p: Promise<unknown>): Promise<{ responseCode?: number; response?: string }> {
  try {
    await p
  } catch (err) {
    return err as { responseCode?: number; response?: string }
  }
  throw new Error('expected the send to fail')
}

describe('scenario', () => {
  it('an empty scenario is a healthy tenant with defaults', () => {
    const sc = parseScenario({})
    expect(sc.acceptedDomains).toEqual(['contoso.com'])
    expect(sc.smtpAuth).toMatchObject({ enabled: true, basicAuth: true, minTlsVersion: 'TLSv1.2' })
    expect(sc.accounts).toHaveLength(1)
  })

  it('bad input names the path', () => {
    expect(() => parseScenario({ accounts: [{ username: 'not-an-address' }] })).toThrow(/accounts/)
    try {
      parseScenario({ mx: { attribution: 'maybe' } })
    } catch (err) {
      expect((err as { issues: { path: unknown[] }[] }).issues[0]?.path).toEqual(['mx', 'attribution'])
    }
    expect(() => parseScenario({ surprise: 1 })).toThrow()
  })

  it('every example in scenarios/ is valid; demo.json is the demo preset', async () => {
    const folder = fileURLToPath(new URL('../scenarios/', import.meta.url))
    const files = (await readdir(folder)).filter((f) => f.endsWith('.json'))
    expect(files.length).toBeGreaterThanOrEqual(8)
    for (const f of files) expect((await loadScenario(join(folder, f))).name).toBe(f.replace(/\.json$/, ''))
    expect(await loadScenario(join(folder, 'demo.json'))).toEqual(parseScenario(demoScenario))
  })

  it('loads a JSON file, and says which file is not JSON', async () => {
    const good = join(dir, 'good.json')
    await writeFile(good, JSON.stringify({ name: 'from-file', mx: { rejectDirectSend: true } }))
    expect((await loadScenario(good)).mx.rejectDirectSend).toBe(true)
    const bad = join(dir, 'bad.json')
    await writeFile(bad, '{ nope')
    await expect(loadScenario(bad)).rejects.toThrow(
      /bad\.json is not valid JSON: expected a property name at line 1, column 3$/,
    )
  })
})

describe('endpoints, driven by nodemailer', () => {
  it('listens on loopback ephemeral ports and prints no secrets', () => {
    for (const ep of [sim.endpoints.smtpAuth, sim.endpoints.legacy, sim.endpoints.mx]) {
      expect(ep.host).toBe('127.0.0.1')
      expect(ep.port).toBeGreaterThan(0)
    }
    const text = formatEndpoints(sim).join('\n')
    expect(text).toContain(`${sim.endpoints.smtpAuth.port}`)
    expect(text).not.toContain(DEMO_PASSWORD)
    expect(sim.certificatePem).toMatch(/BEGIN CERTIFICATE/)
  })

  it('SMTP AUTH with the right password sends', async () => {
    const t = transport(sim.endpoints.smtpAuth, {
      auth: { user: 'scanner@contoso.com', pass: DEMO_PASSWORD },
    })
    const info = await t.sendMail(message('scanner@contoso.com', 'x@fabrikam.com'))
    expect(info.accepted).toEqual(['x@fabrikam.com'])
    t.close()
  })

  it('a wrong password is 535 5.7.3', async () => {
    const t = transport(sim.endpoints.smtpAuth, { auth: { user: 'scanner@contoso.com', pass: 'nope-nope' } })
    const err = await sendError(t.sendMail(message('scanner@contoso.com', 'x@fabrikam.com')))
    expect(err.responseCode).toBe(535)
    expect(err.response).toMatch(/^535 5\.7\.3 Authentication unsuccessful/)
    t.close()
  })

  it('MAIL FROM after a failed AUTH quotes the AUTH failure (530 5.7.57 … Error: 535 5.7.139 …)', async () => {
    const ep = sim.endpoints.smtpAuth
    const conn = new SMTPConnection({
      host: ep.host,
      port: ep.port,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
    })
    conn.on('error', () => {})
    await new Promise<void>((resolve, reject) =>
      conn.connect((err?: Error) => (err ? reject(err) : resolve())),
    )
    const authErr = await new Promise<{ response?: string }>((resolve) =>
      conn.login({ user: 'nosmtp@contoso.com', pass: DEMO_PASSWORD }, (err) => resolve(err ?? {})),
    )
    expect(authErr.response).toMatch(/^535 5\.7\.139 .*disabled for the Mailbox/)
    const sendErr = await new Promise<{ response?: string }>((resolve) =>
      conn.send({ from: 'nosmtp@contoso.com', to: ['x@fabrikam.com'] }, 'Subject: x\r\n\r\nx', (err) =>
        resolve(err ?? {}),
      ),
    )
    expect(sendErr.response).toMatch(
      /^530 5\.7\.57 Client not authenticated to send mail\. Error: 535 5\.7\.139/,
    )
    conn.close()
  })

  it('TLS 1.0 works on the legacy endpoint and is refused by smtp.office365.com', async () => {
    const tls10 = {
      rejectUnauthorized: false,
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1',
      ciphers: 'DEFAULT@SECLEVEL=0',
    }
    const auth = { user: 'scanner@contoso.com', pass: DEMO_PASSWORD }
    const legacy = transport(sim.endpoints.legacy, { auth, tls: tls10 })
    expect((await legacy.sendMail(message('scanner@contoso.com', 'x@fabrikam.com'))).accepted).toHaveLength(1)
    legacy.close()
    const modern = transport(sim.endpoints.smtpAuth, { auth, tls: tls10 })
    await expect(modern.sendMail(message('scanner@contoso.com', 'x@fabrikam.com'))).rejects.toThrow()
    modern.close()
  })

  it('the MX endpoint takes anonymous mail for the tenant and refuses to relay (5.7.54)', async () => {
    const t = transport(sim.endpoints.mx, { requireTLS: false })
    const ok = await t.sendMail(message('printer@contoso.com', 'alice@contoso.com'))
    expect(ok.accepted).toEqual(['alice@contoso.com'])
    const err = await sendError(t.sendMail(message('printer@contoso.com', 'bob@fabrikam.com')))
    expect(err.response).toMatch(/^550 5\.7\.54 SMTP; Unable to relay recipient in non-accepted domain/)
    t.close()
  })

  it('stop() ends even with clients hanging on fault endpoints', async () => {
    const extra = await startSim({ faults: ['silent-banner', 'slow-drip'] })
    const clients = [extra.endpoints.faults['silent-banner'], extra.endpoints.faults['slow-drip']].map(
      (ep) => {
        const s = net.connect(ep?.port ?? 0, ep?.host)
        s.on('error', () => {})
        return s
      },
    )
    await new Promise((r) => setTimeout(r, 100))
    await extra.stop()
    for (const c of clients) c.destroy()
  })
})
