/**
 * UI labels the rules cannot hold: names of the three options, the symptom vocabulary
 * (core's `Symptom` ids) and the headings of generated pages, in Czech and English.
 */
import type { Lang } from './engine.js'

/** The locales the site is built in, in sidebar order. */
export const LANGS: readonly Lang[] = ['en', 'cs']

/** The three ways a device can send mail through Microsoft 365, plus rules that hold for all. */
export const OPTION_IDS = ['smtp-auth', 'direct-send', 'relay'] as const
export type OptionId = (typeof OPTION_IDS)[number]

export const OPTION_LABELS: Record<Lang, Record<OptionId | 'any', string>> = {
  en: {
    'smtp-auth': 'SMTP AUTH client submission',
    'direct-send': 'Direct send',
    relay: 'SMTP relay (connector)',
    any: 'Any option',
  },
  cs: {
    'smtp-auth': 'Odesílání přes SMTP AUTH',
    'direct-send': 'Přímé odesílání (direct send)',
    relay: 'Přenos SMTP (relay přes konektor)',
    any: 'Kterákoli možnost',
  },
}

export const SYMPTOM_LABELS: Record<Lang, Record<string, string>> = {
  en: {
    'not-sending': 'Nothing is ever sent',
    'stopped-working': 'It used to work and stopped',
    'external-recipients-not-receiving': 'Mail to outside recipients does not arrive',
    'marked-as-junk': 'Mail arrives but lands in Junk',
    'authentication-error': 'The device reports a sign-in (authentication) error',
    'host-too-long-for-field': "The MX endpoint is too long for the device's server field",
    'no-credentials-field': 'The device has nowhere to enter a username and password',
    'cannot-connect': 'The device cannot connect to the server',
    'tls-error': 'The device reports a TLS / secure connection error',
    'network-changed': "The site's internet connection or public IP changed",
  },
  cs: {
    'not-sending': 'Neodejde vůbec nic',
    'stopped-working': 'Dříve to fungovalo a přestalo',
    'external-recipients-not-receiving': 'Pošta externím příjemcům nedorazí',
    'marked-as-junk': 'Pošta dorazí, ale skončí v nevyžádané poště',
    'authentication-error': 'Zařízení hlásí chybu přihlášení (ověření)',
    'host-too-long-for-field': 'Adresa MX je pro pole serveru v zařízení příliš dlouhá',
    'no-credentials-field': 'Zařízení nemá kam zadat uživatelské jméno a heslo',
    'cannot-connect': 'Zařízení se k serveru vůbec nepřipojí',
    'tls-error': 'Zařízení hlásí chybu TLS / zabezpečeného připojení',
    'network-changed': 'Změnilo se internetové připojení nebo veřejná IP adresa',
  },
}

export const SEVERITY_LABELS: Record<Lang, Record<string, string>> = {
  en: { error: 'Error', warning: 'Warning', info: 'Note' },
  cs: { error: 'Chyba', warning: 'Varování', info: 'Poznámka' },
}

/** Headings and short phrases of generated pages. */
export const T = {
  en: {
    codes: 'Error codes',
    option: 'Applies to',
    symptoms: 'Symptoms',
    severity: 'Severity',
    symptom: 'What you see',
    example: 'Example from a device',
    examples: 'Examples from devices',
    cause: 'Why it happens',
    fix: 'How to fix it',
    commands: 'PowerShell',
    sources: 'Sources',
    related: 'Related problems',
    checked: 'checked',
    section: 'section',
  },
  cs: {
    codes: 'Chybové kódy',
    option: 'Týká se',
    symptoms: 'Příznaky',
    severity: 'Závažnost',
    symptom: 'Co vidíte',
    example: 'Příklad ze zařízení',
    examples: 'Příklady ze zařízení',
    cause: 'Proč se to děje',
    fix: 'Jak to opravit',
    commands: 'PowerShell',
    sources: 'Zdroje',
    related: 'Související problémy',
    checked: 'ověřeno',
    section: 'oddíl',
  },
} as const satisfies Record<Lang, Record<string, string>>

/** A label for a symptom id, falling back to the id itself for a symptom added to core later. */
export function symptomLabel(id: string, lang: Lang): string {
  return SYMPTOM_LABELS[lang][id] ?? id
}

/** A label for an option id (or `any`). */
export function optionLabel(id: string, lang: Lang): string {
  return (OPTION_LABELS[lang] as Record<string, string>)[id] ?? id
}
