/**
 * HTML for `advise` answers — the settings card and the ranked options — shared by the pages
 * built at build time and the in-browser form, so both show the same thing.
 */
import { type AdvisedOption, type Lang, SETTINGS_TEXT, type SettingsCard } from './engine.js'
import { escapeHtml, inlineMarkdown } from './inline-md.js'

const L = {
  en: {
    password: 'Password',
    from: 'From address',
    empty: 'leave empty',
    setting: 'Setting',
    value: 'Value',
    recommended: 'Recommended',
    suitable: 'Possible',
    unsuitable: 'Does not fit',
    for: 'Why',
    against: 'Against',
    settingsFor: 'Settings',
    more: 'More about this option',
    others: (n: number) => `The other ${n} options, and why they rank lower`,
  },
  cs: {
    password: 'Heslo',
    from: 'Adresa odesílatele',
    empty: 'nechte prázdné',
    setting: 'Nastavení',
    value: 'Hodnota',
    recommended: 'Doporučeno',
    suitable: 'Možné',
    unsuitable: 'Nehodí se',
    for: 'Proč',
    against: 'Proti',
    settingsFor: 'Nastavení',
    more: 'Více o této možnosti',
    others: (n: number) => `Další možnosti (${n}) a proč vycházejí hůře`,
  },
} as const

/** The settings card as a two-column table, followed by its notes. */
export function settingsCardHtml(card: SettingsCard, lang: Lang, caption?: string): string {
  const l = L[lang]
  // Field names, TLS modes and sign-in kinds are the engine's words (one renderer of settings).
  const t = SETTINGS_TEXT[lang]
  const em = `<em>${escapeHtml(l.empty)}</em>`
  const rows: [string, string][] = [
    [t.host, `<code>${escapeHtml(card.host)}</code>`],
    [t.port, `<code>${card.port}</code>`],
    [t.tls, escapeHtml(t.tlsModes[card.tls] ?? card.tls)],
    [t.signIn, escapeHtml(t.signInModes[card.authentication] ?? card.authentication)],
    [t.username, card.username === null ? em : escapeHtml(card.username)],
    [l.password, card.password === null ? em : escapeHtml(card.password)],
    [l.from, escapeHtml(card.from)],
  ]
  return [
    '<table class="settings-card">',
    caption ? `<caption>${escapeHtml(caption)}</caption>` : '',
    `<thead><tr><th scope="col">${l.setting}</th><th scope="col">${l.value}</th></tr></thead><tbody>`,
    ...rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${v}</td></tr>`),
    '</tbody></table>',
    card.notes.length > 0
      ? `<ul class="settings-notes">${card.notes.map((n) => `<li>${inlineMarkdown(n)}</li>`).join('')}</ul>`
      : '',
  ].join('')
}

/** One ranked option: badge, title, link to its option page, reasons; the best one also gets its card. */
function optionHtml(o: AdvisedOption, best: boolean, lang: Lang): string {
  const l = L[lang]
  const badge = !o.suitable ? l.unsuitable : best ? l.recommended : l.suitable
  const reasons = o.reasons
    .map(
      (r) =>
        `<li class="reason-${r.ok ? 'ok' : 'bad'}"><span class="sr-only">${r.ok ? l.for : l.against}: </span><span aria-hidden="true">${r.ok ? '✓' : '✗'}</span> ${escapeHtml(r.text)}</li>`,
    )
    .join('')
  return [
    `<li class="advice-option${o.suitable ? '' : ' advice-unsuitable'}" data-option="${escapeHtml(o.option)}">`,
    `<p class="advice-title"><span class="advice-badge">${escapeHtml(badge)}</span> <strong>${escapeHtml(o.title)}</strong> — <a href="/${lang}/options/${escapeHtml(o.base)}/">${escapeHtml(l.more)}</a></p>`,
    reasons ? `<ul class="advice-reasons">${reasons}</ul>` : '',
    best && o.suitable ? settingsCardHtml(o.settings, lang, `${l.settingsFor}: ${o.title}`) : '',
    '</li>',
  ].join('')
}

/** The ranked options: the best one in full with its settings card, the others folded away. */
export function adviceHtml(options: readonly AdvisedOption[], lang: Lang): string {
  const [best, ...rest] = options
  if (!best) return ''
  return [
    `<ol class="advice">${optionHtml(best, true, lang)}</ol>`,
    rest.length > 0
      ? `<details class="advice-others"><summary>${escapeHtml(L[lang].others(rest.length))}</summary><ol class="advice" start="2">${rest.map((o) => optionHtml(o, false, lang)).join('')}</ol></details>`
      : '',
  ].join('')
}
