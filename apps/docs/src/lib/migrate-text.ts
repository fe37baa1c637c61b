/** The "Moving off Basic authentication" page: its sentences and the device profiles it advises for. */
import type { Lang, Needs } from './engine.js'

/** A kind of device, by what it can do, and the needs `advise` is asked with for it. */
export type MigrationProfile = { id: string; needs: Needs; label: Record<Lang, string> }

export const MIGRATION_PROFILES: readonly MigrationProfile[] = [
  {
    id: 'oauth-app',
    needs: { canAuthenticate: true, oauth: true, oauthFlow: 'client-credentials', externalRecipients: true },
    label: {
      en: 'It can use OAuth as an app of its own (tenant ID, client ID, secret or certificate)',
      cs: 'Umí OAuth jako samostatná aplikace (ID tenanta, ID klienta, tajný klíč nebo certifikát)',
    },
  },
  {
    id: 'oauth-user',
    needs: { canAuthenticate: true, oauth: true, oauthFlow: 'delegated', externalRecipients: true },
    label: {
      en: 'It can use OAuth only with a user signing in (delegated)',
      cs: 'Umí OAuth jen s přihlášením uživatele (delegované)',
    },
  },
  {
    id: 'password-only',
    needs: { canAuthenticate: true, oauth: false, externalRecipients: true },
    label: { en: 'It can only sign in with a password', cs: 'Umí se přihlásit jen heslem' },
  },
  {
    id: 'old-tls',
    needs: { canAuthenticate: true, oauth: false, maxTlsVersion: 'TLSv1.1', externalRecipients: true },
    label: { en: 'It speaks only TLS 1.0 or 1.1', cs: 'Umí jen TLS 1.0 nebo 1.1' },
  },
  {
    id: 'internal-only',
    needs: { canAuthenticate: false, externalRecipients: false, port25Open: true },
    label: {
      en: 'It mails only people in your organisation and cannot sign in',
      cs: 'Posílá jen lidem ve vaší organizaci a neumí se přihlásit',
    },
  },
  {
    id: 'bulk-internal',
    needs: { canAuthenticate: true, externalRecipients: false, dailyVolume: 50_000 },
    label: { en: 'It sends a lot of internal mail', cs: 'Posílá velké množství interní pošty' },
  },
  {
    id: 'static-ip',
    needs: { canAuthenticate: false, externalRecipients: true, staticIp: true },
    label: {
      en: 'It cannot sign in, mails outside, and the site has a static IP',
      cs: 'Neumí se přihlásit, posílá ven a místo má statickou IP adresu',
    },
  },
  {
    id: 'no-static-ip',
    needs: { canAuthenticate: false, externalRecipients: true, staticIp: false },
    label: {
      en: 'It cannot sign in, mails outside, and there is no static IP',
      cs: 'Neumí se přihlásit, posílá ven a statickou IP adresu nemáte',
    },
  },
]

export const MIGRATE_TEXT = {
  en: {
    title: 'Moving off Basic authentication',
    description:
      'What changes for devices and apps that sign in to smtp.office365.com with a password, and the way forward for each kind of device.',
    timelineTitle: 'What Microsoft has announced',
    timeline: [
      'Until December 2026 nothing changes: Basic authentication (a password) keeps working for SMTP AUTH.',
      'At the end of December 2026 it is turned off by default for existing tenants; an administrator can still turn it back on for a while. A device still using a password then gets 5.7.30 "Basic authentication is not supported for Client Submission".',
      'Tenants created after December 2026 do not get Basic authentication for SMTP AUTH; OAuth is the supported way.',
      'In the second half of 2027 Microsoft will announce the date on which Basic authentication for SMTP AUTH is removed for good. No date beyond that has been published.',
    ],
    source: 'Source',
    pathsTitle: 'The way forward, by what the device can do',
    pathsIntro:
      'Each answer below is the advice engine’s first choice for that kind of device (the same one the "Which option should I use?" page and the API give), with its settings card; the other options follow, folded.',
    check: 'Check it',
    checkText:
      'Test an OAuth setup with `smtp-doctor probe --oauth client-credentials` (or `--oauth device-code`), and look inside a token on the "Check your token" page.',
    sourcesOf: 'Microsoft sources for this path',
  },
  cs: {
    title: 'Přechod ze základního ověřování',
    description:
      'Co se mění pro zařízení a aplikace, které se k smtp.office365.com přihlašují heslem, a jak dál pro každý druh zařízení.',
    timelineTitle: 'Co Microsoft oznámil',
    timeline: [
      'Do prosince 2026 se nic nemění: základní ověřování (heslo) pro SMTP AUTH dál funguje.',
      'Koncem prosince 2026 se u stávajících tenantů ve výchozím stavu vypne; správce ho ještě může na čas znovu zapnout. Zařízení, které stále používá heslo, pak dostane 5.7.30 „Basic authentication is not supported for Client Submission“.',
      'Tenanty založené po prosinci 2026 základní ověřování pro SMTP AUTH nemají; podporovaným způsobem je OAuth.',
      'Ve druhé polovině roku 2027 Microsoft oznámí datum, kdy základní ověřování pro SMTP AUTH definitivně skončí. Další datum zatím zveřejněno nebylo.',
    ],
    source: 'Zdroj',
    pathsTitle: 'Jak dál podle toho, co zařízení umí',
    pathsIntro:
      'Každá odpověď níže je první volbou poradce pro daný druh zařízení (stejnou dává stránka „Kterou možnost zvolit?“ i API) s kartou nastavení; další možnosti následují sbalené.',
    check: 'Vyzkoušejte',
    checkText:
      'Nastavení OAuth otestujte příkazem `smtp-doctor probe --oauth client-credentials` (nebo `--oauth device-code`) a obsah tokenu si prohlédněte na stránce „Zkontrolujte token“.',
    sourcesOf: 'Zdroje Microsoftu k této cestě',
  },
} satisfies Record<Lang, unknown>

/** The announcement the timeline comes from. */
export const TIMELINE_SOURCE = {
  title: 'Updated Exchange Online SMTP AUTH Basic Authentication Deprecation Timeline',
  url: 'https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835',
  date: '2026-01-27',
}
