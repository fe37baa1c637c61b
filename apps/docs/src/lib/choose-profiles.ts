/**
 * Common device profiles for the "Which option should I use?" page. The answers shown for
 * them are computed at build time by the engine's `advise`, never written by hand.
 */
import type { Lang, Needs } from './engine.js'

export type Profile = { id: string; label: Record<Lang, string>; needs: Needs }

export const PROFILES: Profile[] = [
  {
    id: 'modern-printer',
    label: {
      en: 'A current printer or scanner with a username/password field, mailing anyone',
      cs: 'Současná tiskárna nebo skener s polem pro jméno a heslo, posílá komukoli',
    },
    needs: {
      canAuthenticate: true,
      externalRecipients: true,
      maxTlsVersion: 'TLSv1.2',
      sendsAsManyAddresses: false,
    },
  },
  {
    id: 'scan-to-email-internal',
    label: {
      en: 'A scanner with no sign-in fields that mails only colleagues',
      cs: 'Skener bez polí pro přihlášení, který posílá jen kolegům',
    },
    needs: { canAuthenticate: false, externalRecipients: false, port25Open: true },
  },
  {
    id: 'no-auth-external',
    label: {
      en: 'A device with no sign-in fields that must mail customers, at a site with a static IP',
      cs: 'Zařízení bez polí pro přihlášení, které musí posílat zákazníkům, pobočka se statickou IP',
    },
    needs: { canAuthenticate: false, externalRecipients: true, staticIp: true, port25Open: true },
  },
  {
    id: 'many-senders',
    label: {
      en: 'An application that sends as many different addresses, in volume',
      cs: 'Aplikace, která odesílá jako mnoho různých adres a ve velkém objemu',
    },
    needs: {
      sendsAsManyAddresses: true,
      externalRecipients: true,
      dailyVolume: 20_000,
      staticIp: true,
      canAuthenticate: true,
    },
  },
  {
    id: 'old-tls',
    label: {
      en: 'An old device that only speaks TLS 1.0',
      cs: 'Starší zařízení, které umí jen TLS 1.0',
    },
    needs: { canAuthenticate: true, externalRecipients: true, maxTlsVersion: 'TLSv1', staticIp: true },
  },
  {
    id: 'hosted-app',
    label: {
      en: 'A cloud-hosted application that can sign in with OAuth',
      cs: 'Aplikace hostovaná v cloudu, která se umí přihlásit přes OAuth',
    },
    needs: { thirdPartyHosted: true, oauth: true, canAuthenticate: true, externalRecipients: true },
  },
]
