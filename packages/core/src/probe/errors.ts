import type { ProbeErrorCode } from '../schema/probe.js'

/**
 * A probe step that ended without a usable SMTP reply. The message is written by the probe
 * (never the server's raw bytes unfiltered, never a secret) and is safe to show.
 */
export class ProbeFailure extends Error {
  /** Stable code from `ProbeErrorCode`. */
  readonly code: ProbeErrorCode

  constructor(code: ProbeErrorCode, message: string) {
    super(message.slice(0, 2000))
    this.name = 'ProbeFailure'
    this.code = code
  }
}

const TLS_VERSION_CODES = new Set([
  'ERR_SSL_UNSUPPORTED_PROTOCOL',
  'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
  'ERR_SSL_VERSION_TOO_LOW',
  'ERR_SSL_UNSUPPORTED_SSL_VERSION',
])

function errCode(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : ''
}

function errMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** Maps a socket error (connect or later) to a probe error code. */
export function socketFailure(err: unknown, phase: 'connect' | 'session'): ProbeFailure {
  if (err instanceof ProbeFailure) return err
  const code = errCode(err)
  const message = errMessage(err)
  switch (code) {
    case 'ECONNREFUSED':
      return new ProbeFailure('TCP_REFUSED', `connection refused (${code})`)
    case 'ECONNRESET':
    case 'EPIPE':
      return new ProbeFailure('TCP_RESET', `connection reset by the server (${code})`)
    case 'ETIMEDOUT':
      return new ProbeFailure(phase === 'connect' ? 'TCP_TIMEOUT' : 'TIMEOUT', `timed out (${code})`)
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
    case 'EAFNOSUPPORT':
      return new ProbeFailure('TCP_UNREACHABLE', `host or network unreachable (${code})`)
    default:
      return new ProbeFailure(
        phase === 'connect' ? 'TCP_UNREACHABLE' : 'CONNECTION_CLOSED',
        `${code || 'socket error'}: ${message}`,
      )
  }
}

/** Maps a TLS handshake error to a probe error code; version refusals are told apart. */
export function tlsFailure(err: unknown): ProbeFailure {
  if (err instanceof ProbeFailure) return err
  const code = errCode(err)
  const message = errMessage(err)
  if (
    TLS_VERSION_CODES.has(code) ||
    /protocol version|unsupported protocol|no protocols available/i.test(message)
  ) {
    return new ProbeFailure('TLS_VERSION_MISMATCH', `TLS version not accepted: ${code || message}`)
  }
  if (
    code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
    /wrong version number|packet length too long|http request/i.test(message)
  ) {
    return new ProbeFailure(
      'TLS_HANDSHAKE_FAILED',
      `the server did not answer with TLS (${code || 'not a TLS record'}): a plain or STARTTLS port dialled with implicit TLS?`,
    )
  }
  if (code === 'ECONNRESET' && !/before secure TLS connection/i.test(message)) {
    return new ProbeFailure('TCP_RESET', `connection reset during the TLS handshake (${code})`)
  }
  return new ProbeFailure(
    'TLS_HANDSHAKE_FAILED',
    `TLS handshake failed: ${code ? `${code}: ` : ''}${message}`,
  )
}

/** Maps a name-resolution error to a probe error code. */
export function dnsFailure(err: unknown): ProbeFailure {
  if (err instanceof ProbeFailure) return err
  const code = errCode(err)
  switch (code) {
    case 'ENOTFOUND':
    case 'ENODATA':
    case 'NXDOMAIN':
    case 'ENONAME':
      return new ProbeFailure('DNS_NOT_FOUND', `the name does not resolve (${code})`)
    case 'ETIMEOUT':
    case 'ETIMEDOUT':
      return new ProbeFailure('DNS_TIMEOUT', `DNS query timed out (${code})`)
    default:
      return new ProbeFailure('DNS_SERVFAIL', `DNS lookup failed (${code || errMessage(err)})`)
  }
}
