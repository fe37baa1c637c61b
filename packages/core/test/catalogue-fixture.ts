/**
 * A small catalogue in the rule-folder format, for core's own tests. The real one is compiled
 * from every rule folder by @smtp-doctor/rules' build; core knows no phrases of its own.
 */
import { buildCatalogue, type CatalogueSource } from '../src/parse/catalogue.js'

export const FIXTURE_SOURCES: CatalogueSource[] = [
  {
    rule: 'authentication-unsuccessful',
    codes: ['5.7.3', '5.7.57', '5.7.139'],
    basicCodes: [535],
    recognise: {
      'auth-unsuccessful': {
        en: ['authentication unsuccessful'],
        cs: ['ověření nebylo úspěšné', 're: ověř\\w* .{0,20}neúspěš'],
      },
      'client-not-authenticated': { en: ['client not authenticated to send mail'] },
    },
  },
  {
    rule: 'smtp-auth-disabled-mailbox',
    codes: ['5.7.139'],
    recognise: {
      'smtp-auth-disabled-mailbox': {
        en: [
          'smtpclientauthentication is disabled for the mailbox',
          're: smtp ?client ?authentication is disabled for the (mailbox|user)',
        ],
      },
    },
  },
  {
    rule: 'send-as-denied',
    codes: ['5.7.60', '5.2.0'],
    recognise: {
      'send-as-denied': {
        en: ['client does not have permissions to send as this sender'],
        any: ['sendasdenied'],
      },
    },
  },
  { rule: 'banned-sending-ip', codeRanges: ['5.7.606-5.7.649'] },
  { rule: 'ip-not-accepted', codes: ['5.7.708'] },
  {
    rule: 'tls-legacy-rejected',
    codes: ['4.7.66'],
    recognise: { 'legacy-tls': { en: ['tls 1.0 and 1.1 are not supported'] } },
  },
  {
    rule: 'connection',
    failures: {
      timeout: { en: ['timed out'], cs: ['vypršel časový limit'], any: ['etimedout'] },
      refused: { en: ['connection refused'], any: ['econnrefused'] },
      reset: { any: ['econnreset'] },
      dns: { any: ['enotfound'] },
      tls: { en: ['ssl routines'] },
      'could-not-connect': { en: ['could not open connection'], cs: ['nelze se připojit'] },
    },
    tlsFailures: {
      'wrong-version-number': { en: ['wrong version number'] },
      'protocol-version': { en: ['alert protocol version', 'unsupported protocol'] },
      'certificate-untrusted': { en: ['self-signed certificate', 'unable to get local issuer certificate'] },
      'name-mismatch': { any: ['err_tls_cert_altname_invalid'] },
    },
    providerSignatures: { google: { any: ['gsmtp'] } },
  },
]

const built = buildCatalogue(FIXTURE_SOURCES)
if (built.problems.length > 0) throw new Error(`fixture catalogue: ${built.problems.join('; ')}`)
export const FIXTURE = built.catalogue
