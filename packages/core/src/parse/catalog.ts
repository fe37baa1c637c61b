/**
 * What the reply parser recognises beyond the bare SMTP grammar: Microsoft 365's
 * enhanced status codes and the phrases that tell apart replies sharing one code
 * (five different 5.7.139s), in English and in Czech where devices or NDRs localise them.
 *
 * The registry test in @smtp-doctor/rules proves every code and phrase id here is
 * answered by at least one rule. Add an entry here and a rule that answers it together.
 */

/** Enhanced status codes Microsoft 365 sends to devices and apps, and which rules answer. */
export const KNOWN_CODES = [
  '5.7.3', // 535 5.7.3 Authentication unsuccessful; 451 5.7.3 STARTTLS is required
  '5.7.57', // Client not authenticated to send mail (during MAIL FROM)
  '5.7.60', // Client does not have permissions to send as this sender
  '5.1.8', // Bad outbound sender (restricted user)
  '5.7.139', // authentication unsuccessful: several causes, told apart by phrases
  '5.7.30', // Basic authentication is not supported for Client Submission
  '5.7.64', // TenantAttribution; Relay Access Denied
  '4.4.62', // Mail sent to the wrong Office 365 region
  '5.7.68', // TenantInboundAttribution (RejectDirectSend)
  '4.7.66', // TLS 1.0/1.1 not supported
  '5.7.54', // Unable to relay recipient in non-accepted domain
  '5.7.606',
  '5.7.607',
  '5.7.608',
  '5.7.609',
  '5.7.610',
  '5.7.611',
  '5.7.612',
  '5.7.613',
  '5.7.614',
  '5.7.615',
  '5.7.616',
  '5.7.617',
  '5.7.618',
  '5.7.619',
  '5.7.620',
  '5.7.621',
  '5.7.622',
  '5.7.623',
  '5.7.624',
  '5.7.625',
  '5.7.626',
  '5.7.627',
  '5.7.628',
  '5.7.629',
  '5.7.630',
  '5.7.631',
  '5.7.632',
  '5.7.633',
  '5.7.634',
  '5.7.635',
  '5.7.636',
  '5.7.637',
  '5.7.638',
  '5.7.639',
  '5.7.640',
  '5.7.641',
  '5.7.642',
  '5.7.643',
  '5.7.644',
  '5.7.645',
  '5.7.646',
  '5.7.647',
  '5.7.648',
  '5.7.649', // 5.7.606–5.7.649: access denied, banned sending IP
  '5.7.708', // Access denied, traffic not accepted from this IP
  '5.7.750', // Client blocked from sending from unregistered domains
  '4.7.500', // Server busy, please try again later
  '5.2.0', // … SendAsDenied
  '5.7.0', // 530 5.7.0 Must issue a STARTTLS command first
  '5.7.4', // 504 5.7.4 Unrecognized authentication type
  '5.7.23', // SPF validation failure
  '5.7.1', // 550 5.7.1 Service unavailable; client host blocked using a block list
  '4.3.2', // 432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded (3 SMTP AUTH connections per mailbox)
  '5.1.90', // daily limit for message recipients reached (recipient rate limit)
  '5.2.252', // SendAsDenied; … not allowed to send as …
] as const
export type KnownCode = (typeof KNOWN_CODES)[number]

/** One recognisable phrase: a stable id and the patterns (case-insensitive) that reveal it. */
export type PhraseDef = {
  id: string
  /** Case-insensitive literal substrings; any one matching reveals the phrase. */
  patterns: readonly string[]
}

/**
 * Known phrases, English first, then Czech where a device or NDR shows a localised text.
 * Patterns are literal, lower-case substrings (matched against lower-cased text).
 */
export const KNOWN_PHRASES = [
  {
    id: 'auth-unsuccessful',
    patterns: [
      'authentication unsuccessful',
      'ověření nebylo úspěšné',
      'ověřování se nezdařilo',
      'neúspěšné ověření',
      'ověření neúspěšné',
    ],
  },
  {
    id: 'not-authenticated-anonymous',
    patterns: [
      'client was not authenticated to send anonymous mail',
      'not authenticated to send anonymous mail',
      'nebyl ověřen pro odesílání anonymní pošty',
    ],
  },
  /** What devices and libraries print when a sign-in fails, without a server reply to go by. */
  {
    id: 'device-auth-failed',
    patterns: [
      'smtp authentication failed',
      'smtp authentication error',
      'smtp auth failed',
      'could not authenticate',
      'chyba ověření smtp',
      'chyba ověřování smtp',
      'ověření smtp se nezdařilo',
      'chyba ověřování serveru smtp',
    ],
  },
  {
    id: 'client-not-authenticated',
    patterns: ['client not authenticated to send mail', 'klient není ověřený pro odesílání pošty'],
  },
  {
    id: 'send-as-denied',
    patterns: [
      'client does not have permissions to send as this sender',
      'sendasdenied',
      'send as denied',
      'nemá oprávnění odesílat jako tento odesílatel',
      'nemá oprávnění odesílat jako tohoto odesílatele',
    ],
  },
  { id: 'bad-outbound-sender', patterns: ['bad outbound sender', 'chybný odchozí odesílatel'] },
  {
    id: 'sts-unreachable',
    patterns: ['federated sts service was unreachable', 'federovaná služba sts byla nedostupná'],
  },
  {
    id: 'sts-unsupported-url',
    patterns: ['unsupported federated sts service url', 'nepodporuje federovanou adresu url služby sts'],
  },
  {
    id: 'smtp-auth-disabled-tenant',
    patterns: [
      'smtpclientauthentication is disabled for the tenant',
      'smtp client authentication is disabled for the tenant',
    ],
  },
  {
    id: 'smtp-auth-disabled-mailbox',
    patterns: [
      'smtpclientauthentication is disabled for the mailbox',
      'smtp client authentication is disabled for the mailbox',
    ],
  },
  { id: 'security-defaults', patterns: ['user is locked by security defaults', 'security defaults'] },
  { id: 'conditional-access', patterns: ['did not meet the criteria to be authenticated successfully'] },
  {
    id: 'basic-auth-not-supported',
    patterns: [
      'basic authentication is not supported for client submission',
      'basic authentication is disabled',
    ],
  },
  {
    id: 'credentials-incorrect',
    patterns: ['the user credentials were incorrect', 'username and password not accepted'],
  },
  { id: 'tenant-attribution', patterns: ['tenantattribution', 'relay access denied'] },
  { id: 'tenant-inbound-attribution', patterns: ['tenantinboundattribution'] },
  { id: 'wrong-region', patterns: ['mail sent to the wrong office 365 region'] },
  { id: 'legacy-tls', patterns: ['tls 1.0 and 1.1 are not supported', 'tls 1.0 and tls 1.1', 'legacy tls'] },
  {
    id: 'unable-to-relay',
    patterns: ['unable to relay recipient in non-accepted domain', 'unable to relay'],
  },
  { id: 'banned-sender-ip', patterns: ['banned sending ip', 'access denied, banned sender'] },
  { id: 'ip-not-accepted', patterns: ['traffic not accepted from this ip'] },
  {
    id: 'unregistered-domain',
    patterns: ['client blocked from sending from unregistered domains', 'unregistered domain'],
  },
  { id: 'server-busy', patterns: ['server busy'] },
  /** A firewall's SMTP inspection (e.g. Cisco ESMTP fixup) masks STARTTLS in the EHLO list. */
  { id: 'starttls-masked', patterns: ['250-xxxxxxxa', '250 xxxxxxxa'] },
  {
    id: 'sender-thread-limit',
    patterns: ['sender thread limit exceeded', 'concurrent connection limit exceeded'],
  },
  {
    id: 'recipient-rate-limit',
    patterns: ['submissionquotaexceeded', 'daily limit for message recipients', 'recipient rate limit'],
  },
  { id: 'starttls-first', patterns: ['must issue a starttls command first'] },
  { id: 'starttls-required', patterns: ['starttls is required'] },
  { id: 'unrecognized-auth-type', patterns: ['unrecognized authentication type'] },
  {
    id: 'auth-not-offered',
    patterns: [
      'does not support authentication',
      'does not support smtp authentication',
      'authentication not supported',
      'server nepodporuje ověřování',
    ],
  },
  {
    id: 'spf-failure',
    patterns: [
      'spf validation',
      'sender policy framework',
      'failed spf',
      'spf fail',
      'spf=fail',
      'spf=softfail',
    ],
  },
  /** SPF record that cannot be evaluated (RFC 7208 permerror), usually too many DNS lookups. */
  { id: 'spf-permerror', patterns: ['spf=permerror', 'spf permerror', 'too many dns lookups'] },
  {
    id: 'blocklisted',
    patterns: ['spamhaus', 'blocked using', 'block list', 'blocklist', 'blacklist', 'client host blocked'],
  },
  { id: 'attr35', patterns: ['attr35'] },
  /** Retired Microsoft 365 / EOP host names that devices may still point at. */
  {
    id: 'legacy-host',
    patterns: ['mail.messaging.microsoft.com', 'mail.global.frontbridge.com', 'mail.eo.outlook.com'],
  },
  /** The tenant MX endpoint (direct send / relay) named in a log ("could not connect to …"). */
  { id: 'mx-endpoint-host', patterns: ['.mail.protection.outlook.com', '.mx.microsoft'] },
  { id: 'service-ready', patterns: ['microsoft esmtp mail service ready'] },
  /** The SMTP AUTH client submission endpoints named in a log ("could not connect to smtp.office365.com"). */
  { id: 'smtp-auth-host', patterns: ['smtp.office365.com', 'smtp-legacy.office365.com'] },
] as const satisfies readonly PhraseDef[]
export type PhraseId = (typeof KNOWN_PHRASES)[number]['id']

/** Ways a connection fails before any SMTP reply; the parser names them from log text. */
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
