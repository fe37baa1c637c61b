/**
 * The grammar of what software prints around SMTP replies — not phrases (those are rule data),
 * but the shapes of wrappers: Postfix `said: … (in reply to … command)`, NDR `Remote Server
 * returned '…'`, .NET "The server response was:", nodemailer `responseCode: 535`, Python
 * `(535, b'…')`, curl's exit codes, and .NET / MailKit SmtpStatusCode names.
 *
 * GRAMMAR_TOKENS join the catalogue's literal automaton (folded), so one pass over a line also
 * tells which wrappers it shows; the parser then runs the matching unwrapping step only there.
 */
import type { FailureKind, TlsFailureKind } from './kinds.js'

/**
 * SmtpStatusCode names of System.Net.Mail (.NET) and MailKit, and the reply code each stands for.
 * Source: learn.microsoft.com System.Net.Mail.SmtpStatusCode; MailKit.Net.Smtp.SmtpStatusCode.
 */
export const SMTP_STATUS_NAMES: Readonly<Record<string, number>> = {
  SystemStatus: 211,
  HelpMessage: 214,
  ServiceReady: 220,
  ServiceClosingTransmissionChannel: 221,
  AuthenticationSuccessful: 235,
  UserNotLocalWillForward: 251,
  CannotVerifyUserWillAttemptDelivery: 252,
  AuthenticationChallenge: 334,
  StartMailInput: 354,
  ServiceNotAvailable: 421,
  PasswordTransitionNeeded: 432,
  MailboxBusy: 450,
  LocalErrorInProcessing: 451,
  ErrorInProcessing: 451,
  InsufficientStorage: 452,
  InsufficientSystemStorage: 452,
  ClientNotPermitted: 454,
  TemporaryAuthenticationFailure: 454,
  CommandUnrecognized: 500,
  SyntaxError: 501,
  CommandNotImplemented: 502,
  BadCommandSequence: 503,
  CommandParameterNotImplemented: 504,
  MustIssueStartTlsFirst: 530,
  AuthenticationRequired: 530,
  AuthenticationMechanismTooWeak: 534,
  AuthenticationInvalidCredentials: 535,
  EncryptionRequiredForAuthenticationMechanism: 538,
  MailboxUnavailable: 550,
  UserNotLocalTryAlternatePath: 551,
  ExceededStorageAllocation: 552,
  MailboxNameNotAllowed: 553,
  TransactionFailed: 554,
}

/** curl exit codes that name a connection or TLS failure (curl's libcurl-errors). */
export const CURL_EXIT_FAILURES: Readonly<Record<number, { failure: FailureKind; tls?: TlsFailureKind }>> = {
  6: { failure: 'dns' },
  7: { failure: 'could-not-connect' },
  28: { failure: 'timeout' },
  35: { failure: 'tls', tls: 'handshake-failure' },
  56: { failure: 'reset' },
  60: { failure: 'tls', tls: 'certificate-untrusted' },
}

/** Wrapper tokens the automaton flags per line (folded; see flagOfToken). */
export const GRAMMAR_TOKENS = [
  'said:', // 0 Postfix / sendmail "host x[ip] said: 550 …"
  'in reply to', // 1 Postfix "(in reply to RCPT TO command)"
  'returned', // 2 NDR "Remote Server returned '550 …'"
  'server response was', // 3 .NET SmtpException
  'responsecode', // 4 nodemailer "responseCode: 535"
  'curl: (', // 5 curl "curl: (67) Login denied"
  'port', // 6 "port 587", "port: 587", "-Port 587"
  'dsn=', // 7 Postfix / sendmail "dsn=5.7.1"
  "b'", // 8 Python bytes repr "(535, b'…')"
  'b"', // 9
  'statuscode', // 10 "StatusCode: MailboxUnavailable"
  'status:', // 11 RFC 3464 "Status: 5.7.1"
  'mail from:', // 12 transcript "MAIL FROM:<a@contoso.com>"
  'rcpt to:', // 13 transcript "RCPT TO:<b@fabrikam.com>"
  'from=<', // 14 Postfix / sendmail "from=<a@contoso.com>"
  'to=<', // 15 Postfix / sendmail "to=<b@fabrikam.com>"
  'sslhandshakeexception', // 16 MailKit: its help paragraph (every possible cause) follows
  'establish an ssl or tls connection', // 17 MailKit's SslHandshakeException message
  ...Object.keys(SMTP_STATUS_NAMES).map((n) => n.toLowerCase()), // 12… status names
] as const
export const G = {
  SAID: 0,
  IN_REPLY_TO: 1,
  RETURNED: 2,
  RESPONSE_WAS: 3,
  RESPONSE_CODE: 4,
  CURL: 5,
  PORT: 6,
  DSN: 7,
  PY_B1: 8,
  PY_B2: 9,
  STATUS_CODE: 10,
  STATUS: 11,
  MAIL_FROM: 12,
  RCPT_TO: 13,
  PF_FROM: 14,
  PF_TO: 15,
  MAILKIT_SSL: 16,
  MAILKIT_SSL2: 17,
  NAMES: 18,
} as const
/** The per-line flag a token sets: its index, except that every status name sets G.NAMES. */
export const flagOfToken = (g: number): number => Math.min(g, G.NAMES)
/** Length of the per-line flags array. */
export const GRAMMAR_FLAGS = G.NAMES + 1
