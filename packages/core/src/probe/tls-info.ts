import net from 'node:net'
import tls from 'node:tls'
import { type Certificate, TlsVersion } from '../schema/index.js'
import { printable } from './transcript.js'

/** TLS versions oldest first. */
export const TLS_VERSIONS: readonly TlsVersion[] = TlsVersion.options

/**
 * Client options that offer exactly the given TLS version range. OpenSSL 3 refuses TLS 1.0/1.1
 * at the default security level, so the level is lowered whenever an old version is allowed.
 */
export function versionOptions(min: TlsVersion, max: TlsVersion): tls.ConnectionOptions {
  const legacy = min === 'TLSv1' || min === 'TLSv1.1'
  return { minVersion: min, maxVersion: max, ...(legacy ? { ciphers: 'DEFAULT@SECLEVEL=0' } : {}) }
}

/** SNI only for names; an IP literal is not a valid server name. */
export function serverName(host: string): { servername?: string } {
  return net.isIP(host) ? {} : { servername: host }
}

function dn(part: unknown): string | undefined {
  if (!part || typeof part !== 'object') return undefined
  const out = Object.entries(part as Record<string, unknown>)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ')
  return out ? printable(out).slice(0, 1024) : undefined
}

/** The negotiated version, if it is one the schema names. */
export function protocolOf(socket: tls.TLSSocket): TlsVersion | undefined {
  const p = TlsVersion.safeParse(socket.getProtocol())
  return p.success ? p.data : undefined
}

/** The server certificate and whether it is trusted; never throws. */
export function certificateOf(socket: tls.TLSSocket, host: string): Certificate | undefined {
  let cert: tls.PeerCertificate
  try {
    cert = socket.getPeerCertificate(false)
  } catch {
    return undefined
  }
  if (!cert || Object.keys(cert).length === 0) return undefined
  const out: Certificate = { trusted: socket.authorized }
  const subject = dn(cert.subject)
  const issuer = dn(cert.issuer)
  if (subject) out.subject = subject
  if (issuer) out.issuer = issuer
  if (cert.subjectaltname) {
    out.subjectAltNames = cert.subjectaltname
      .split(/,\s*/)
      .map((s) => printable(s.replace(/^(DNS|IP Address):/, '')).slice(0, 253))
      .filter((s) => s.length > 0)
      .slice(0, 500)
  }
  if (cert.valid_from) out.validFrom = cert.valid_from.slice(0, 64)
  if (cert.valid_to) out.validTo = cert.valid_to.slice(0, 64)
  if (!socket.authorized && socket.authorizationError) {
    out.authorizationError = String(socket.authorizationError).slice(0, 256)
  }
  try {
    out.hostnameMatches = tls.checkServerIdentity(host, cert) === undefined
  } catch {
    out.hostnameMatches = false
  }
  return out
}
