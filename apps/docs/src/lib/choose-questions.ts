/** The questions of the "Which option should I use?" form: one per `Needs` field, both languages. */
import type { Lang, Needs } from './engine.js'

type YesNo = { key: keyof Needs; kind: 'yes-no'; label: Record<Lang, string> }
type Select = { key: keyof Needs; kind: 'select'; label: Record<Lang, string>; values: string[] }
type Input = { key: keyof Needs; kind: 'number' | 'text'; label: Record<Lang, string> }
export type Question = YesNo | Select | Input

export const QUESTIONS: Question[] = [
  {
    key: 'externalRecipients',
    kind: 'yes-no',
    label: {
      en: 'Must mail reach people outside your organisation?',
      cs: 'Musí pošta docházet i lidem mimo organizaci?',
    },
  },
  {
    key: 'canAuthenticate',
    kind: 'yes-no',
    label: {
      en: 'Does the device have username and password fields?',
      cs: 'Má zařízení pole pro uživatelské jméno a heslo?',
    },
  },
  {
    key: 'oauth',
    kind: 'yes-no',
    label: {
      en: 'Can it sign in with OAuth 2.0 (XOAUTH2)?',
      cs: 'Umí se přihlásit přes OAuth 2.0 (XOAUTH2)?',
    },
  },
  {
    key: 'maxTlsVersion',
    kind: 'select',
    label: { en: 'Highest TLS version the device speaks', cs: 'Nejvyšší verze TLS, kterou zařízení umí' },
    values: ['none', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'],
  },
  {
    key: 'staticIp',
    kind: 'yes-no',
    label: {
      en: 'Does the site have a static public IP address?',
      cs: 'Má pobočka statickou veřejnou IP adresu?',
    },
  },
  {
    key: 'sendsAsManyAddresses',
    kind: 'yes-no',
    label: { en: 'Does it send as several from-addresses?', cs: 'Odesílá jako několik různých adres?' },
  },
  {
    key: 'thirdPartyHosted',
    kind: 'yes-no',
    label: {
      en: 'Is the app hosted by a third party (cloud)?',
      cs: 'Hostuje aplikaci třetí strana (cloud)?',
    },
  },
  {
    key: 'port25Open',
    kind: 'yes-no',
    label: { en: 'Is outbound port 25 open from the site?', cs: 'Je z pobočky otevřený odchozí port 25?' },
  },
  {
    key: 'dailyVolume',
    kind: 'number',
    label: { en: 'Messages per day, roughly', cs: 'Přibližný počet zpráv za den' },
  },
  {
    key: 'domain',
    kind: 'text',
    label: {
      en: 'Your email domain (fills in the MX endpoint)',
      cs: 'Vaše e-mailová doména (doplní koncový bod MX)',
    },
  },
]

/** Reads the form's answers into `Needs`; unanswered questions are left out, never assumed. */
export function needsFromForm(data: FormData): Needs {
  const needs: Record<string, unknown> = {}
  for (const q of QUESTIONS) {
    const raw = data.get(q.key)
    if (typeof raw !== 'string' || raw.trim() === '') continue
    if (q.kind === 'yes-no') needs[q.key] = raw === 'yes'
    else if (q.kind === 'number') needs[q.key] = Number(raw)
    else needs[q.key] = raw.trim()
  }
  return needs as Needs
}
