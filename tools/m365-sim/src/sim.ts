import { makeCertificates, type PemPair } from './certificate.js'
import { startFault } from './faults.js'
import { type RunningAuthority, startAuthority } from './oauth/authority.js'
import { DEMO_CLIENT_SECRET } from './presets.js'
import { parseScenario, type SimFault, type SimScenario, type SimScenarioInput } from './scenario.js'
import { type Endpoint, listen, mxOptions, type Running, submissionOptions } from './smtp-endpoints.js'

/** A running simulator. */
export type Sim = {
  /** The validated scenario it runs. */
  scenario: SimScenario
  endpoints: {
    /** `smtp.office365.com`-like: STARTTLS, TLS ≥ 1.2 (scenario), SMTP AUTH. */
    smtpAuth: Endpoint
    /** `smtp-legacy.office365.com`-like: the same, accepting TLS 1.0 and 1.1. */
    legacy: Endpoint
    /** `<tenant>.mail.protection.outlook.com`-like: anonymous, port-25 style. */
    mx: Endpoint
    /** The port-465-style implicit-TLS submission endpoint, when `implicitTls` is set. */
    implicit?: Endpoint
    /** The fault endpoints the scenario asked for. */
    faults: Partial<Record<SimFault, Endpoint>>
    /**
     * The Entra ID authority (HTTPS, the simulator's certificate), when the scenario has `oauth`:
     * `url` is the authority host, e.g. `https://127.0.0.1:43123`; tenants are `<url>/<tenant id or domain>`.
     */
    authority?: Endpoint & { url: string }
  }
  /** The self-signed server certificate made at start (trust it to see `trusted: true`). */
  certificatePem: string
  /** A client certificate whose name is the scenario's certificate connector name, if any. */
  clientCertificate: PemPair
  /** Stops every endpoint and closes every connection. */
  stop(): Promise<void>
}

/**
 * Starts the Microsoft 365 simulator on 127.0.0.1, ephemeral ports only, with a certificate
 * made now. `scenario` is validated (ZodError with paths on bad input); `{}` or nothing is
 * a healthy tenant.
 */
export async function startSim(scenario?: SimScenarioInput | SimScenario): Promise<Sim> {
  const sc = parseScenario(scenario ?? {})
  const certConnector = sc.mx.connectors.find((c) => c.kind === 'certificate')
  const certs = makeCertificates(
    certConnector?.kind === 'certificate' ? certConnector.certificateName : 'device.contoso.com',
  )
  const started: Running[] = []
  try {
    let authority: RunningAuthority | undefined
    if (sc.oauth) {
      authority = await startAuthority(sc, sc.oauth, certs.server)
      started.push(authority)
    }
    const jwks = authority ? [authority.key.jwk] : []
    const reply4766 = sc.smtpAuth.legacyTls === 'reply-4.7.66'
    const smtpAuth = await listen(
      submissionOptions(
        sc,
        certs.server,
        {
          min: reply4766 ? 'TLSv1' : sc.smtpAuth.minTlsVersion,
          ...(reply4766 ? { refuseBelow: sc.smtpAuth.minTlsVersion } : {}),
        },
        jwks,
      ),
    )
    started.push(smtpAuth)
    const legacy = await listen(
      submissionOptions(
        sc,
        certs.server,
        { min: sc.legacy.minTlsVersion, max: sc.legacy.maxTlsVersion },
        jwks,
      ),
    )
    started.push(legacy)
    const mx = await listen(mxOptions(sc, certs.server))
    started.push(mx)
    let implicit: Running | undefined
    if (sc.implicitTls) {
      implicit = await listen({
        ...submissionOptions(sc, certs.server, { min: sc.smtpAuth.minTlsVersion }, jwks),
        secure: true,
      })
      started.push(implicit)
    }
    const faults: Partial<Record<SimFault, Endpoint>> = {}
    for (const fault of new Set(sc.faults)) {
      const f = await startFault(fault, sc.serverName, certs.server)
      started.push(f)
      faults[fault] = { host: f.host, port: f.port }
    }
    const at = (r: Running): Endpoint => ({ host: r.host, port: r.port })
    return {
      scenario: sc,
      endpoints: {
        smtpAuth: at(smtpAuth),
        legacy: at(legacy),
        mx: at(mx),
        ...(implicit ? { implicit: at(implicit) } : {}),
        faults,
        ...(authority
          ? { authority: { host: authority.host, port: authority.port, url: authority.url } }
          : {}),
      },
      certificatePem: certs.server.cert,
      clientCertificate: certs.client,
      stop: async () => {
        await Promise.all(started.map((r) => r.close()))
      },
    }
  } catch (err) {
    await Promise.all(started.map((r) => r.close()))
    throw err
  }
}

/** The words of `smtp-doctor sim`'s lines (the first column, host names and values stay as they are). */
const SIM_WORDS = {
  en: {
    scenario: (name: string, domains: string) => `scenario ${name} · tenant ${domains}`,
    anonymous: 'anonymous',
    implicit: 'port-465 style, TLS from the first byte',
    authority: 'Entra ID: OIDC discovery, token, device code, JWKS',
    app: (name: string) => `app "${name}"`,
    demo: 'demo data',
  },
  cs: {
    scenario: (name: string, domains: string) => `scénář ${name} · tenant ${domains}`,
    anonymous: 'bez přihlášení',
    implicit: 'jako port 465, TLS od prvního bajtu',
    authority: 'Entra ID: zjišťování OIDC, token, kód zařízení, JWKS',
    app: (name: string) => `aplikace „${name}“`,
    demo: 'ukázková data',
  },
} as const

/** Human-readable lines naming each endpoint, for `smtp-doctor sim`. No secrets. */
export function formatEndpoints(sim: Sim, lang: 'en' | 'cs' = 'en'): string[] {
  const { endpoints: e, scenario: sc } = sim
  const w = SIM_WORDS[lang]
  const lines = [
    w.scenario(sc.name, sc.acceptedDomains.join(', ')),
    `smtp-auth  ${e.smtpAuth.host}:${e.smtpAuth.port}  (smtp.office365.com, STARTTLS, TLS >= ${sc.smtpAuth.minTlsVersion})`,
    `legacy     ${e.legacy.host}:${e.legacy.port}  (smtp-legacy.office365.com, STARTTLS, TLS >= ${sc.legacy.minTlsVersion})`,
    `mx         ${e.mx.host}:${e.mx.port}  (${sc.acceptedDomains[0]?.replace(/\./g, '-')}.mail.protection.outlook.com, ${w.anonymous})`,
  ]
  if (e.implicit) lines.push(`implicit   ${e.implicit.host}:${e.implicit.port}  (${w.implicit})`)
  if (e.authority && sc.oauth)
    lines.push(`authority  ${e.authority.url}/${sc.oauth.tenantId}  (${w.authority})`)
  for (const [name, ep] of Object.entries(e.faults)) lines.push(`fault      ${ep.host}:${ep.port}  (${name})`)
  lines.push(`accounts   ${sc.accounts.map((a) => a.username).join(', ')}`)
  return lines
}

/**
 * What a separate `smtp-doctor probe --oauth` needs to reach this simulator's Entra ID: the
 * environment naming its authority and the file holding the certificate to trust (`caFile`, which
 * the caller wrote from `certificatePem`), each app's ids and a command to try. A client secret is
 * shown only when it is the demo app's published demo value; a scenario's own secrets never are.
 */
export function oauthSettings(sim: Sim, caFile: string) {
  const { endpoints: e, scenario: sc } = sim
  if (!e.authority || !sc.oauth) return undefined
  const env = { SMTP_DOCTOR_AUTHORITY_HOST: e.authority.url, SMTP_DOCTOR_AUTHORITY_CA: caFile }
  const apps = sc.oauth.apps.map((app) => ({
    name: app.name,
    clientId: app.clientId,
    mailboxes: app.mailboxes,
    demoSecret: app.secrets.some((s) => s.value === DEMO_CLIENT_SECRET),
  }))
  return { env, tenantId: sc.oauth.tenantId, apps }
}

/** `oauthSettings` as lines for `smtp-doctor sim`: the environment, each app, one command to try. */
export function formatOAuth(sim: Sim, caFile: string, lang: 'en' | 'cs' = 'en'): string[] {
  const w = SIM_WORDS[lang]
  const o = oauthSettings(sim, caFile)
  if (!o) return []
  const env = Object.entries(o.env)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')
  const lines = [`oauth      ${env}`]
  for (const app of o.apps)
    lines.push(
      `           ${w.app(app.name)}: --tenant ${o.tenantId} --client-id ${app.clientId}${
        app.demoSecret ? `  (${w.demo}: SMTP_DOCTOR_CLIENT_SECRET=${DEMO_CLIENT_SECRET})` : ''
      }`,
    )
  const app = o.apps.find((a) => a.mailboxes.length > 0)
  const mailbox = app?.mailboxes[0]
  if (app && mailbox) {
    const secret = app.demoSecret
      ? `SMTP_DOCTOR_CLIENT_SECRET=${DEMO_CLIENT_SECRET}`
      : 'SMTP_DOCTOR_CLIENT_SECRET=…'
    const domain = mailbox.slice(mailbox.indexOf('@') + 1)
    lines.push(
      `try        ${env} ${secret} smtp-doctor probe --host localhost --port ${sim.endpoints.smtpAuth.port} --user ${mailbox} --from ${mailbox} --to someone@${domain} --oauth client-credentials --tenant ${o.tenantId} --client-id ${app.clientId}`,
    )
  }
  return lines
}
