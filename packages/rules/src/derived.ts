import type {
  FailureKind,
  PhraseId,
  ProbeErrorCode,
  ProbeStage,
  TlsMode,
  TlsVersion,
} from '@smtp-doctor/core'

/**
 * The `derived` fact: what the engine works out once per run from settings, tenant,
 * observed text and probe results, so rules compare plain values instead of re-deriving
 * them. `null` means unknown (not enough input), which is never the same as false.
 *
 * Rules reference these as `{ fact: derived, path: $.<name>, operator, value }`.
 */
export type DerivedFacts = {
  // ── from observed.errorText and the probe's replies (parsed by core's parseText) ──
  /** Enhanced status codes seen anywhere, e.g. `5.7.60`. */
  codes: string[]
  /** Basic reply codes seen anywhere, e.g. 535. */
  basicCodes: number[]
  /** Known phrase ids seen (core's KNOWN_PHRASES). */
  phrases: PhraseId[]
  /** Connection failures named in the text or measured by the probe. */
  failures: FailureKind[]
  /** Enhanced code of the reply that ended the session (last failing reply), if any. */
  finalCode: string | null
  /** Basic code of the reply that ended the session, if any. */
  finalBasicCode: number | null

  // ── from settings ──
  /**
   * What the server name is: `smtp-auth` (smtp.office365.com), `smtp-auth-legacy`
   * (smtp-legacy.office365.com), `mx-endpoint` (*.mail.protection.outlook.com),
   * `legacy-host` (old hosts like mail.messaging.microsoft.com / *.mail.eo.outlook.com),
   * `ip-address` (a literal IP), `other`.
   */
  hostKind: 'smtp-auth' | 'smtp-auth-legacy' | 'mx-endpoint' | 'legacy-host' | 'ip-address' | 'other' | null
  /** The option the settings are for (as classify names it). */
  option: 'smtp-auth' | 'direct-send' | 'relay' | 'unknown'
  port: number | null
  tls: TlsMode | null
  /** A username and a password are both entered. */
  hasCredentials: boolean | null
  /** The from-address differs from the sign-in name (case-insensitive). */
  fromDiffersFromUser: boolean | null
  /** Some recipient is outside the tenant's domain / accepted domains. */
  externalRecipients: boolean | null
  /** settings.connector, else from tenant.inboundConnector, else `unknown`. */
  connector: 'none' | 'ip' | 'certificate' | 'unknown'
  /** Highest TLS the device speaks (settings.maxTlsVersion). */
  deviceMaxTls: TlsVersion | null
  /** The device cannot do TLS 1.2 or newer. */
  deviceTlsBelow12: boolean | null
  /** The tenant MX endpoint (or the host entered) is longer than the device's field allows. */
  hostTooLongForField: boolean | null

  // ── from the probe ──
  /** Code of the first failed probe step, e.g. `TCP_TIMEOUT`. */
  probeErrorCode: ProbeErrorCode | null
  /** Stage of the first failed probe step. */
  probeErrorStage: ProbeStage | null
  /** The endpoint refused TLS 1.2 and 1.3 but accepted 1.0 or 1.1 (null: not measured). */
  serverAcceptsOnlyLegacyTls: boolean | null
  /** The negotiated TLS version. */
  negotiatedTls: TlsVersion | null
  /** The probe's DNSBL look-up found the IP listed. */
  ipListed: boolean | null
  /** SPF verdict for the sending IP. */
  spfResult: 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror' | null
  /** The domain's MX is not a Microsoft 365 endpoint. */
  mxNotMicrosoft365: boolean | null
}
