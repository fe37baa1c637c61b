// @ts-check
import starlight from '@astrojs/starlight'
import { rules } from '@smtp-doctor/rules'
import { defineConfig } from 'astro/config'

/** Sidebar links to the generated index pages; Starlight puts the locale in front of each `link`. */
const tools = [
  { link: '/paste/', label: 'Paste your error', translations: { cs: 'Vložte chybu' } },
  { link: '/choose/', label: 'Which option should I use?', translations: { cs: 'Kterou možnost zvolit?' } },
  { link: '/token/', label: 'Check your token', translations: { cs: 'Zkontrolujte token' } },
  {
    link: '/migrate/',
    label: 'Moving off Basic auth',
    translations: { cs: 'Přechod ze základního ověřování' },
  },
  { link: '/dns/', label: 'Check my domain', translations: { cs: 'Zkontrolovat doménu' } },
  { link: '/codes/', label: 'Error codes', translations: { cs: 'Chybové kódy' } },
  { link: '/symptoms/', label: 'Symptoms', translations: { cs: 'Příznaky' } },
]
const options = [
  {
    link: '/options/smtp-auth/',
    label: 'SMTP AUTH client submission',
    translations: { cs: 'Odesílání přes SMTP AUTH' },
  },
  {
    link: '/options/direct-send/',
    label: 'Direct send',
    translations: { cs: 'Přímé odesílání (direct send)' },
  },
  { link: '/options/relay/', label: 'SMTP relay', translations: { cs: 'Přenos SMTP (relay)' } },
]

/** One sidebar group of rule articles per option; `slug` items take each locale's title. */
/** @type {{ option: 'smtp-auth' | 'direct-send' | 'relay' | 'any', en: string, cs: string }[]} */
const groups = [
  { option: 'smtp-auth', en: 'SMTP AUTH', cs: 'SMTP AUTH' },
  { option: 'direct-send', en: 'Direct send', cs: 'Přímé odesílání' },
  { option: 'relay', en: 'SMTP relay', cs: 'Přenos SMTP (relay)' },
  { option: 'any', en: 'Any option', cs: 'Kterákoli možnost' },
]
const problems = groups
  .map(({ option, en, cs }) => ({
    label: en,
    translations: { cs },
    collapsed: true,
    items: rules
      .filter((r) => r.options.includes(option))
      .map((r) => r.id)
      .sort()
      .map((id) => ({ slug: `rules/${id}` })),
  }))
  .filter((g) => g.items.length > 0)

export default defineConfig({
  // No `site`: the API serves dist/ at '/' on whatever host it runs, so no canonical URLs or sitemap.
  trailingSlash: 'always',
  redirects: { '/': '/en/' },
  integrations: [
    starlight({
      title: { en: 'smtp-doctor', cs: 'smtp-doctor' },
      description:
        'Why a printer, scanner or app cannot send mail through Microsoft 365 — and what to change.',
      defaultLocale: 'en',
      locales: {
        en: { label: 'English', lang: 'en' },
        cs: { label: 'Čeština', lang: 'cs' },
      },
      sidebar: [
        { label: 'Start here', translations: { cs: 'Začněte zde' }, items: [{ slug: 'index' }, ...tools] },
        { label: 'The three options', translations: { cs: 'Tři možnosti' }, items: options },
        { label: 'Problems', translations: { cs: 'Problémy' }, items: problems },
      ],
      customCss: ['./src/styles/site.css'],
      // Long PowerShell lines wrap instead of scrolling: readable on a phone at the printer, and
      // no scrollable region that keyboard users cannot reach. The copy button copies the original.
      expressiveCode: { defaultProps: { wrap: true } },
      pagination: false,
      lastUpdated: false,
    }),
  ],
})
