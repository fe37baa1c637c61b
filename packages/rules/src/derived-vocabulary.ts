/**
 * The vocabulary of the `derived` fact: its keys (DerivedFacts), the values each may take
 * (DERIVED_VALUES) and the enums behind them. It imports nothing of the rule bundle, so the bundle
 * build (scripts/build-bundle.ts → check-rule.ts) can load it before src/generated/ exists.
 * derived.ts computes the fact and re-exports all of this.
 */
import {
  FAILURE_KINDS,
  type FailureKind,
  ProbeErrorCode,
  ProbeStage,
  TLS_FAILURE_KINDS,
  type TlsFailureKind,
  TlsMode,
  TlsVersion,
} from '@smtp-doctor/core'

/** A phrase id from the catalogue (defined in some rule's `recognise`). */
export type PhraseId = string

/** What a server name is, as the engine sees it. */
export const HOST_KINDS = [
  'smtp-auth',
  'smtp-auth-legacy',
  'mx-endpoint',
  'legacy-host',
  'ip-address',
  'web-address',
  'other',
] as const
export type HostKind = (typeof HOST_KINDS)[number]

/** The option a device's settings are for; `unknown` when the settings fit none. */
export const CLASSIFIED_OPTIONS = ['smtp-auth', 'direct-send', 'relay', 'unknown'] as const
export type ClassifiedOption = (typeof CLASSIFIED_OPTIONS)[number]

const SPF_RESULTS = ['pass', 'fail', 'softfail', 'neutral', 'none', 'permerror', 'temperror'] as const

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
  /** Phrase ids seen (the catalogue's, defined in rule folders' `recognise`). */
  phrases: PhraseId[]
  /** Connection failures named in the text or measured by the probe (a TLS failure adds `tls`). */
  failures: FailureKind[]
  /** TLS and certificate failures told apart (core's TLS_FAILURE_KINDS). */
  tlsFailures: TlsFailureKind[]
  /** Providers whose signatures the text or the probe's replies show (`providerSignatures`). */
  providers: string[]
  /**
   * Provider of the reply that ended the session when its text shows a signature, else the
   * only provider seen anywhere, else null (unknown — usually Microsoft 365's own replies).
   */
  finalProvider: string | null
  /** TCP ports named in the text (`host:25`, `port 587`, `port: 587` in a pasted configuration). */
  textPorts: number[]
  /**
   * Ports a connection failed on: named on a line of the text that names a connection or TLS
   * failure (`connect ETIMEDOUT 52.101.8.44:25`), or the probe's target port when the probe failed
   * to connect. Rules say "port 25 blocked" with `failurePorts contains 25`.
   */
  failurePorts: number[]
  /** Hosts and IPs named with a port on such a failure line (lower case). */
  failureHosts: string[]
  /** The sender of the last `MAIL FROM:<…>` / Postfix `from=<…>` in the text (for command templates). */
  textMailFrom: string | null
  /** Recipients of `RCPT TO:<…>` / Postfix `to=<…>` in the text, first appearance first. */
  textRcptTo: string[]
  /** Enhanced code of the reply that ended the session (last failing reply), if any. */
  finalCode: string | null
  /** Basic code of the reply that ended the session, if any. */
  finalBasicCode: number | null
  /** Phrase ids in the text of the reply that ended the session. */
  finalPhrases: PhraseId[]
  /**
   * The device (or the probe) tried to sign in: an AUTH reply (334/235/535, 5.7.3/5.7.139/5.7.30)
   * was seen or the probe attempted AUTH. `null`: nothing tells.
   */
  authAttempted: boolean | null

  // ── from settings ──
  /**
   * What the server name is: `smtp-auth` (smtp.office365.com), `smtp-auth-legacy`
   * (smtp-legacy.office365.com), `mx-endpoint` (*.mail.protection.outlook.com, *.mx.microsoft),
   * `legacy-host` (old hosts like mail.messaging.microsoft.com / *.mail.eo.outlook.com),
   * `ip-address` (a literal IP), `other`.
   */
  hostKind: HostKind | null
  /** The option the settings are for (as classify names it). */
  option: ClassifiedOption
  port: number | null
  tls: TlsMode | null
  /**
   * A username and a password (or, for XOAUTH2, a token) are both entered. false: no username,
   * or the password is `false`/empty. `null`: no settings, or a username with the password not stated.
   */
  hasCredentials: boolean | null
  /** The from-address differs from the sign-in name (case-insensitive). */
  fromDiffersFromUser: boolean | null
  /**
   * The sign-in name is a whole address (`name@domain`), as SMTP AUTH to Microsoft 365 needs; false
   * for a bare name (`scanner`, `CONTOSO\\scanner`). `null`: no username entered.
   */
  usernameIsAddress: boolean | null
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

  // ── from the token (the claims of the XOAUTH2 access token) ──
  /** What the token's audience is: Exchange Online (`https://outlook.office365.com` and its aliases), Microsoft Graph, or another resource. */
  tokenAudience: 'exchange' | 'graph' | 'other' | null
  /** `app` (client credentials: `idtyp` app, or roles without scp) or `delegated` (signed in as a user). */
  tokenKind: 'app' | 'delegated' | null
  /** The token's `roles` hold `SMTP.SendAsApp`. */
  tokenHasSendAsApp: boolean | null
  /** The token's `scp` holds `SMTP.Send`. */
  tokenHasSmtpSend: boolean | null
  /** `exp` is at or before `checkedAt` (null: either unknown). */
  tokenExpired: boolean | null
  /** `nbf` is after `checkedAt` (null: either unknown). */
  tokenNotYetValid: boolean | null
  /** The token's `tid` differs from the tenant id of the from-domain (`tenant.tenantId`). */
  tokenTenantMismatch: boolean | null
  /** A delegated token signs in as a user other than the mailbox in `user=` (settings.username). */
  tokenUserMismatch: boolean | null
}

/**
 * Every `derived` key, and the values a rule may compare it with (`null` = any value of the
 * right type). The bundle build rejects conditions over other keys or values.
 */
export const DERIVED_VALUES: {
  readonly [K in keyof DerivedFacts]: readonly (string | number | boolean)[] | null
} = {
  codes: null,
  basicCodes: null,
  phrases: null, // checked against the phrase ids rules define (check-rule.ts)
  failures: FAILURE_KINDS,
  tlsFailures: TLS_FAILURE_KINDS,
  providers: null, // checked against the provider ids rules define
  finalProvider: null,
  textPorts: null,
  failurePorts: null,
  failureHosts: null,
  textMailFrom: null,
  textRcptTo: null,
  finalCode: null,
  finalBasicCode: null,
  finalPhrases: null,
  authAttempted: [true, false],
  hostKind: HOST_KINDS,
  option: CLASSIFIED_OPTIONS,
  port: null,
  tls: TlsMode.options,
  hasCredentials: [true, false],
  fromDiffersFromUser: [true, false],
  usernameIsAddress: [true, false],
  externalRecipients: [true, false],
  connector: ['none', 'ip', 'certificate', 'unknown'],
  deviceMaxTls: TlsVersion.options,
  deviceTlsBelow12: [true, false],
  hostTooLongForField: [true, false],
  probeErrorCode: ProbeErrorCode.options,
  probeErrorStage: ProbeStage.options,
  serverAcceptsOnlyLegacyTls: [true, false],
  negotiatedTls: TlsVersion.options,
  ipListed: [true, false],
  spfResult: SPF_RESULTS,
  mxNotMicrosoft365: [true, false],
  tokenAudience: ['exchange', 'graph', 'other'],
  tokenKind: ['app', 'delegated'],
  tokenHasSendAsApp: [true, false],
  tokenHasSmtpSend: [true, false],
  tokenExpired: [true, false],
  tokenNotYetValid: [true, false],
  tokenTenantMismatch: [true, false],
  tokenUserMismatch: [true, false],
}
