import type { AddressInfo } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server'
import type { PemPair } from './certificate.js'
import { validateXoauth2 } from './oauth/validate.js'
import type { SimAccount, SimScenario } from './scenario.js'

/** Where an endpoint listens. */
export type Endpoint = { host: string; port: number }

/** A started server: where it listens and how to stop it. */
export type Running = Endpoint & { close(): Promise<void> }

type TlsVersion = SimScenario['smtpAuth']['minTlsVersion']
const TLS_ORDER: string[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']

/** An error smtp-server sends as the reply verbatim (enhanced codes are in the text). */
function reply(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code })
}

function legacyTls(min: TlsVersion): Partial<SMTPServerOptions> {
  // OpenSSL 3 refuses TLS 1.0/1.1 at its default security level.
  return min === 'TLSv1' || min === 'TLSv1.1' ? { ciphers: 'DEFAULT@SECLEVEL=0' } : {}
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase()
}

function baseOptions(sc: SimScenario, pem: PemPair): SMTPServerOptions {
  return {
    name: sc.serverName,
    banner: `Microsoft ESMTP MAIL Service ready at ${new Date().toUTCString()}`,
    key: pem.key,
    cert: pem.cert,
    hideENHANCEDSTATUSCODES: true,
    disableReverseLookup: true,
    logger: false,
    size: 37_748_736,
    closeTimeout: 200,
    socketTimeout: 60_000,
  }
}

/** Starts an smtp-server on 127.0.0.1 and an ephemeral port. */
export async function listen(options: SMTPServerOptions): Promise<Running> {
  const server = new SMTPServer(options)
  // Client-side failures (resets, refused handshakes) are expected here; they must not crash.
  server.on('error', () => {})
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject)
      resolve()
    })
  })
  const { address, port } = server.server.address() as AddressInfo
  return {
    host: address,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * `smtp.office365.com` (or the legacy endpoint): STARTTLS, AUTH only after STARTTLS, the
 * per-account sign-in outcomes Microsoft 365 gives, and the sender checks at MAIL FROM.
 */
export function submissionOptions(
  sc: SimScenario,
  pem: PemPair,
  tls: { min: TlsVersion; max?: TlsVersion; refuseBelow?: TlsVersion },
  /** The authority's JWKS keys: XOAUTH2 bearer tokens are validated against them (scenario `oauth`). */
  jwks: Record<string, unknown>[] = [],
): SMTPServerOptions {
  const failedAuth = new Map<string, string>()
  const find = (name: string | undefined): SimAccount | undefined =>
    sc.accounts.find((a) => a.username.toLowerCase() === (name ?? '').toLowerCase())
  const tag = `[${sc.serverName}]`
  return {
    ...baseOptions(sc, pem),
    minVersion: tls.min,
    ...(tls.max ? { maxVersion: tls.max } : {}),
    ...legacyTls(tls.min),
    authMethods: sc.smtpAuth.authMethods,
    authOptional: true,
    allowInsecureAuth: false,
    // Like Microsoft 365, AUTH is not even advertised before STARTTLS.
    onConnect(session, callback) {
      if (!session.secure) session.disabledCommands = ['AUTH']
      callback()
    },
    onSecure(socket, session, callback) {
      session.disabledCommands = []
      const protocol = (socket as TLSSocket).getProtocol?.() ?? ''
      if (tls.refuseBelow && TLS_ORDER.indexOf(protocol) < TLS_ORDER.indexOf(tls.refuseBelow)) {
        return callback(
          reply(
            421,
            `4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. ${tag}`,
          ),
        )
      }
      callback()
    },
    onAuth(auth, session, callback) {
      const fail = (code: number, text: string): void => {
        failedAuth.set(session.id, `${code} ${text}`)
        callback(reply(code, text))
      }
      let account = find(auth.username)
      let viaJwt = false
      if (auth.method === 'XOAUTH2') {
        const token = auth.accessToken ?? ''
        if (!account?.accessToken || token !== account.accessToken) {
          // A real token: Exchange checks signature, audience, expiry, tenant, permission and mailbox access.
          const v =
            sc.oauth && jwks.length ? validateXoauth2(token, auth.username ?? '', sc, sc.oauth, jwks) : null
          if (!v?.ok) return fail(535, `5.7.3 Authentication unsuccessful ${tag}`)
          account = v.account
          viaJwt = true
        }
      } else {
        if (!sc.smtpAuth.basicAuth) {
          return fail(535, `5.7.30 Basic authentication is not supported for Client Submission. ${tag}`)
        }
        if (!account?.password || auth.password !== account.password) {
          return fail(535, `5.7.3 Authentication unsuccessful ${tag}`)
        }
      }
      if (!sc.smtpAuth.enabled) {
        return fail(
          535,
          `5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. ${tag}`,
        )
      }
      if (!account.smtpAuth) {
        return fail(
          535,
          `5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. ${tag}`,
        )
      }
      // Sign-in policies were applied when the token was issued (AADSTS50076, 53003).
      if (account.signIn === 'security-defaults' && !viaJwt) {
        return fail(
          535,
          `5.7.139 Authentication unsuccessful, user is locked by security defaults policy. Contact your administrator. ${tag}`,
        )
      }
      if (account.signIn === 'conditional-access' && !viaJwt) {
        return fail(
          535,
          `5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. ${tag}`,
        )
      }
      failedAuth.delete(session.id)
      callback(null, { user: account.username })
    },
    onMailFrom(address, session, callback) {
      if (!session.secure) return callback(reply(530, `5.7.0 Must issue a STARTTLS command first ${tag}`))
      const user = typeof session.user === 'string' ? session.user : undefined
      if (!user) {
        const earlier = failedAuth.get(session.id)
        return callback(
          reply(
            530,
            earlier
              ? `5.7.57 Client not authenticated to send mail. Error: ${earlier}`
              : `5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM ${tag}`,
          ),
        )
      }
      const account = find(user)
      if (account?.blockedSender)
        return callback(reply(550, `5.1.8 Access denied, bad outbound sender ${tag}`))
      const from = address.address.toLowerCase()
      const allowed = [user, ...(account?.sendAs ?? [])].map((a) => a.toLowerCase())
      if (!allowed.includes(from)) {
        return callback(
          reply(550, `5.7.60 SMTP; Client does not have permissions to send as this sender ${tag}`),
        )
      }
      callback()
    },
    onRcptTo(_address, _session, callback) {
      callback()
    },
    onData(stream, _session, callback) {
      stream.on('end', () => callback())
      stream.resume()
    },
    onClose(session: SMTPServerSession) {
      failedAuth.delete(session.id)
    },
  }
}

/**
 * `<tenant>.mail.protection.outlook.com`: anonymous, accepted domains only, relay to the
 * outside only through a connector recognised by client IP or client certificate name.
 */
export function mxOptions(sc: SimScenario, pem: PemPair): SMTPServerOptions {
  const certNames = new Map<string, string>()
  const tag = `[${sc.serverName}]`
  const accepted = sc.acceptedDomains.map((d) => d.toLowerCase())
  const connectorFor = (session: SMTPServerSession): boolean => {
    const ip = (session.remoteAddress ?? '').replace(/^::ffff:/, '')
    const cn = certNames.get(session.id)?.toLowerCase()
    return sc.mx.connectors.some((c) =>
      c.kind === 'ip' ? c.ips.includes(ip) : cn !== undefined && c.certificateName.toLowerCase() === cn,
    )
  }
  return {
    ...baseOptions(sc, pem),
    minVersion: 'TLSv1.2',
    disabledCommands: ['AUTH'],
    authOptional: true,
    requestCert: true,
    rejectUnauthorized: false,
    onSecure(socket, session, callback) {
      const peer = (socket as TLSSocket).getPeerCertificate?.()
      const cn = peer?.subject?.CN
      if (typeof cn === 'string' && cn) certNames.set(session.id, cn)
      callback()
    },
    onMailFrom(_address, _session, callback) {
      callback()
    },
    onRcptTo(address, session, callback) {
      const internal = accepted.includes(domainOf(address.address))
      if (connectorFor(session)) {
        if (sc.mx.attribution === 'fail') {
          return callback(reply(550, `5.7.64 TenantAttribution; Relay Access Denied ${tag}`))
        }
        if (sc.mx.attribution === 'wrong-region') {
          return callback(
            reply(
              451,
              `4.4.62 Mail sent to the wrong Office 365 region. ATTR35. For more information please go to https://go.microsoft.com/fwlink/?linkid=865268 ${tag}`,
            ),
          )
        }
        return callback()
      }
      if (!internal) {
        return callback(reply(550, `5.7.54 SMTP; Unable to relay recipient in non-accepted domain ${tag}`))
      }
      const sender = session.envelope.mailFrom ? domainOf(session.envelope.mailFrom.address) : ''
      if (sc.mx.rejectDirectSend && accepted.includes(sender)) {
        return callback(
          reply(
            550,
            `5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources ${tag}`,
          ),
        )
      }
      callback()
    },
    onData(stream, _session, callback) {
      stream.on('end', () => callback())
      stream.resume()
    },
    onClose(session: SMTPServerSession) {
      certNames.delete(session.id)
    },
  }
}
