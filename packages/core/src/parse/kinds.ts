/**
 * The kinds of failure the parser names. The kinds are grammar the probe, the fact schema and
 * the rules share; the *words* that reveal each kind are data in rule folders
 * (`failures:` / `tlsFailures:` blocks), compiled into the catalogue by the rules build.
 */

/** Ways a connection fails before any SMTP reply. */
export const FAILURE_KINDS = [
  'timeout',
  'refused',
  'reset',
  'unreachable',
  'dns',
  'tls',
  'could-not-connect',
] as const
export type FailureKind = (typeof FAILURE_KINDS)[number]

/**
 * TLS and certificate failures told apart. Any of them also counts as the `tls` failure kind.
 * - `wrong-version-number`: the client read a plain-text reply as a TLS record (implicit TLS
 *   spoken to a STARTTLS port, or the reverse).
 * - `handshake-failure`: the handshake failed or the peer sent an alert, reason not given.
 * - `protocol-version`: no TLS version both sides accept (TLS 1.0/1.1 only, or "unsupported protocol").
 * - `certificate-untrusted`: the chain does not lead to a trusted root (self-signed, missing
 *   intermediate, an inspecting proxy's certificate).
 * - `certificate-expired`: the certificate is outside its validity period.
 * - `revocation-check-failed`: the revocation list / OCSP responder could not be reached.
 * - `name-mismatch`: the certificate does not name the host dialled.
 */
export const TLS_FAILURE_KINDS = [
  'wrong-version-number',
  'handshake-failure',
  'protocol-version',
  'certificate-untrusted',
  'certificate-expired',
  'revocation-check-failed',
  'name-mismatch',
] as const
export type TlsFailureKind = (typeof TLS_FAILURE_KINDS)[number]
