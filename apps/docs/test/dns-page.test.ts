/**
 * The "Check my domain" page and the DNS section of the option pages, in the built site: every
 * check explained in both languages, only existing rules linked, the commands shown, and no
 * script on the page (the site never queries DNS itself).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { CHECK_IDS, CHECK_RULES, CHECKS_FOR_OPTION, DNS_COMMANDS } from '../src/lib/dns-checks.js'
import { helpUrl, rules } from '../src/lib/engine.js'
import { readDist, requireDist } from './site.js'

const LANGS = ['en', 'cs'] as const
const ids = new Set(rules.map((r) => r.id))
const decode = (html: string) =>
  html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

beforeAll(() => requireDist())

describe('check my domain', () => {
  it('names only rules that exist', () => {
    for (const id of CHECK_IDS) for (const rule of CHECK_RULES[id]) expect(ids, rule).toContain(rule)
  })

  it.each(LANGS)('%s: every check has its section with links to its rules, and the commands', (lang) => {
    const html = readDist(`${lang}/dns/index.html`)
    for (const id of CHECK_IDS) {
      expect(html).toContain(`id="check-${id}"`)
      for (const rule of CHECK_RULES[id]) expect(html).toContain(`href="${helpUrl(rule, lang)}"`)
    }
    const text = decode(html)
    for (const command of [...DNS_COMMANDS.cli, ...DNS_COMMANDS.probe]) expect(text).toContain(command)
    expect(text).toContain(`"lang":"${lang}"`)
    expect(html).toContain(`lang="${lang}"`)
  })

  it.each(LANGS)(
    '%s: the page runs no script of its own — it shows commands, it does not query DNS',
    (lang) => {
      const html = readDist(`${lang}/dns/index.html`)
      const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[0])
      expect(scripts.some((s) => /\/v1\/dns|dns-query|resolve/i.test(s))).toBe(false)
    },
  )

  it.each(LANGS)('%s: each option page links the checks that matter for it', (lang) => {
    for (const option of Object.keys(CHECKS_FOR_OPTION) as (keyof typeof CHECKS_FOR_OPTION)[]) {
      const html = readDist(`${lang}/options/${option}/index.html`)
      expect(html).toContain('id="dns-checks"')
      for (const id of CHECKS_FOR_OPTION[option]) expect(html).toContain(`href="/${lang}/dns/#check-${id}"`)
    }
  })
})
