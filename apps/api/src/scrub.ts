import { Redactor } from '@smtp-doctor/core/redact'

/**
 * The redactor for the secrets of one request: every form core's redaction module derives (raw,
 * JSON-escaped, URL-encoded, hex, base64 at every alignment, the AUTH blobs around them with
 * `username`, and long-enough pieces of each).
 */
export function redactorFor(secrets: readonly unknown[], username?: string): Redactor {
  return new Redactor({ username, secrets })
}

/**
 * Masks every form of the secrets in any string inside `value`. A second line of defence after the
 * probe's own redaction: the answer also holds findings and anything a library may have quoted.
 */
export function scrub<T>(value: T, redactor: Redactor): T {
  return redactor.redactDeep(value)
}
