import type { DeviceSettings, Lang, TlsMode } from '@smtp-doctor/core'
import type { ClassifiedOption, DerivedFacts } from './derived.js'

/** How the device signs in, as the engine sees the settings. */
export type SignIn = 'password' | 'oauth' | 'username-only' | 'none'

/**
 * The settings a device was classified with, described from the same data the engine used:
 * the option, the endpoint as entered (host, port, TLS mode) and the sign-in. `text` is the
 * one-line form every surface shows (CLI header, API, site).
 */
export type SettingsDescription = {
  option: ClassifiedOption
  host: string
  port: number
  tls: TlsMode
  signIn: SignIn
  /** The sign-in name as entered, when there is one. */
  username?: string
  /** One line: option — host:port, TLS mode, sign-in. */
  text: string
}

/** The words for settings, per language: field labels, TLS modes, sign-in kinds and option names. */
export const SETTINGS_TEXT = {
  en: {
    host: 'Server (SMTP host)',
    port: 'Port',
    tls: 'Encryption',
    signIn: 'Sign-in',
    username: 'Username',
    configuredFor: 'Configured for',
    tlsModes: { none: 'no TLS', starttls: 'STARTTLS', implicit: 'TLS from the first byte (implicit TLS)' },
    signInModes: {
      password: 'username and password',
      oauth: 'OAuth 2.0 (XOAUTH2)',
      'username-only': 'a username but no password',
      none: 'no sign-in',
    },
    options: {
      'smtp-auth': 'SMTP AUTH client submission',
      'direct-send': 'Direct Send',
      relay: 'SMTP relay',
      unknown: 'none of the three options clearly (the settings mix them)',
    },
    as: (user: string, how: string) => `signs in as ${user} (${how})`,
    userOnly: (user: string) => `username ${user}, no password`,
  },
  cs: {
    host: 'Server (hostitel SMTP)',
    port: 'Port',
    tls: 'Šifrování',
    signIn: 'Přihlášení',
    username: 'Uživatelské jméno',
    configuredFor: 'Nastaveno pro',
    tlsModes: { none: 'bez TLS', starttls: 'STARTTLS', implicit: 'TLS od prvního bajtu (implicitní TLS)' },
    signInModes: {
      password: 'uživatelské jméno a heslo',
      oauth: 'OAuth 2.0 (XOAUTH2)',
      'username-only': 'uživatelské jméno bez hesla',
      none: 'bez přihlášení',
    },
    options: {
      'smtp-auth': 'odesílání klienta s ověřením SMTP AUTH',
      'direct-send': 'přímé odesílání (Direct Send)',
      relay: 'přenos SMTP (relay)',
      unknown: 'žádnou ze tří možností jednoznačně (nastavení je mísí)',
    },
    as: (user: string, how: string) => `přihlašuje se jako ${user} (${how})`,
    userOnly: (user: string) => `uživatelské jméno ${user}, bez hesla`,
  },
} as const satisfies Record<Lang, unknown>

/** The sign-in the settings amount to (the derived `hasCredentials` decides password vs none). */
export function signInOf(settings: DeviceSettings, derived: Pick<DerivedFacts, 'hasCredentials'>): SignIn {
  const user = settings.username?.trim()
  if (!user) return 'none'
  if (settings.authMethod === 'xoauth2' || settings.accessToken) return 'oauth'
  return derived.hasCredentials === true ? 'password' : 'username-only'
}

/**
 * Describes device settings from what the engine derived from them — never a fixed label per
 * option: `classify --port 465 --tls none` says port 465 and no TLS.
 * @example describeSettings(s, analyze({ settings: s }).derived, 'en').text
 * // 'SMTP AUTH client submission — smtp.office365.com:465, no TLS, signs in as a@contoso.com (username and password)'
 */
export function describeSettings(
  settings: DeviceSettings,
  derived: Pick<DerivedFacts, 'option' | 'hasCredentials'>,
  lang: Lang,
): SettingsDescription {
  const t = SETTINGS_TEXT[lang]
  const signIn = signInOf(settings, derived)
  const user = settings.username?.trim()
  const who =
    signIn === 'password' || signIn === 'oauth'
      ? t.as(user ?? '', t.signInModes[signIn])
      : signIn === 'username-only'
        ? t.userOnly(user ?? '')
        : t.signInModes.none
  const text = `${t.options[derived.option]} — ${settings.host}:${settings.port}, ${t.tlsModes[settings.tls]}, ${who}`
  const out: SettingsDescription = {
    option: derived.option,
    host: settings.host,
    port: settings.port,
    tls: settings.tls,
    signIn,
    text,
  }
  if (user) out.username = user
  return out
}
