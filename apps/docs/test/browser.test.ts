/**
 * The built site in a real headless Chromium (Debian's /usr/bin/chromium, else the registry's
 * @sparticuz/chromium: see chromium.ts): articles render in
 * both languages, the language switcher moves between them, Pagefind search finds a code, the
 * paste page answers in the browser, and axe-core finds no serious or critical violations.
 * Screenshots go to test-results/ for review.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillCommands, helpUrl, rules } from '../src/lib/engine.js'
import { launchChromium } from './chromium.js'
import { RESULTS, requireDist, serveDist } from './site.js'

const RULE = 'send-as-denied'
const REPLY = '550 5.7.60 SMTP; Client does not have permissions to send as this sender'

let server: Awaited<ReturnType<typeof serveDist>> | undefined
let context: BrowserContext | undefined
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined

async function open(path: string): Promise<Page> {
  if (!context || !server) throw new Error('browser not started')
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' })
  Object.assign(page, { jsErrors: errors })
  return page
}
const jsErrors = (page: Page): string[] => (page as Page & { jsErrors: string[] }).jsErrors
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true })

beforeAll(async () => {
  requireDist()
  mkdirSync(RESULTS, { recursive: true })
  server = await serveDist()
  browser = await launchChromium('docs')
  context = browser.context
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('articles', () => {
  const rule = rules.find((r) => r.id === RULE)

  it('the Send As rule is in the bundle', () => {
    expect(rule).toBeDefined()
  })

  for (const lang of ['en', 'cs'] as const) {
    it(`renders the ${lang} article with its title, steps and PowerShell`, async () => {
      const page = await open(helpUrl(RULE, lang))
      expect(await page.getAttribute('html', 'lang')).toBe(lang)
      expect((await page.textContent('h1'))?.trim()).toBe(rule?.messages[lang].title)
      expect(await page.locator('.sl-markdown-content ol > li').count()).toBe(
        rule?.messages[lang].steps.length,
      )
      // The article shows the filled command templates (`{{exchange-online}}` is two lines).
      expect(await page.locator('.expressive-code pre[data-language="powershell"]').count()).toBe(
        fillCommands(rule?.messages[lang].commands ?? []).length,
      )
      expect(await page.locator('aside.starlight-aside--caution').count()).toBe(
        rule?.messages[lang].warnings.length,
      )
      expect(jsErrors(page)).toEqual([])
      await shot(page, `article-${lang}`)
      await page.close()
    })
  }

  it('the language switcher moves from the en article to the cs article and back', async () => {
    const page = await open(helpUrl(RULE, 'en'))
    const select = page.locator('starlight-lang-select select').filter({ visible: true }).first()
    await Promise.all([
      page.waitForURL(`**${helpUrl(RULE, 'cs')}`),
      select.selectOption({ label: 'Čeština' }),
    ])
    expect(await page.getAttribute('html', 'lang')).toBe('cs')
    expect((await page.textContent('h1'))?.trim()).toBe(rule?.messages.cs.title)
    const back = page.locator('starlight-lang-select select').filter({ visible: true }).first()
    await Promise.all([page.waitForURL(`**${helpUrl(RULE, 'en')}`), back.selectOption({ label: 'English' })])
    expect((await page.textContent('h1'))?.trim()).toBe(rule?.messages.en.title)
    await page.close()
  })
})

describe('search', () => {
  for (const lang of ['en', 'cs'] as const) {
    it(`Pagefind on the ${lang} site finds "5.7.60" and offers the ${lang} Send As article`, async () => {
      const page = await open(`/${lang}/`)
      await page.locator('button[data-open-modal]').filter({ visible: true }).first().click()
      const input = page.locator('#starlight__search input.pagefind-ui__search-input')
      await input.fill('5.7.60')
      const hit = page.locator(`#starlight__search a[href*="${helpUrl(RULE, lang)}"]`).first()
      await hit.waitFor({ state: 'visible' })
      await page.screenshot({ path: join(RESULTS, `search-5.7.60-${lang}.png`) })
      expect(jsErrors(page)).toEqual([])
      await page.close()
    })
  }
})

describe('paste your error', () => {
  for (const lang of ['en', 'cs'] as const) {
    it(`the ${lang} home page links to the paste page, which answers a 5.7.60 reply with the Send As article`, async () => {
      const page = await open(`/${lang}/`)
      await page.locator(`main a[href="/${lang}/paste/"]`).first().click()
      await page.waitForURL(`**/${lang}/paste/`)
      await page.locator('#paste-form[data-ready="true"]').waitFor()
      await page.fill('#paste-input', `2026-11-20 08:12:01 SMTP: > MAIL FROM:<a@contoso.com>\n${REPLY}\n`)
      const link = page.locator(`#paste-results .paste-finding[data-rule-id="${RULE}"] a`).first()
      await link.waitFor({ state: 'visible' })
      expect(await link.getAttribute('href')).toBe(helpUrl(RULE, lang))
      await shot(page, `paste-${lang}`)
      await Promise.all([page.waitForURL(`**${helpUrl(RULE, lang)}`), link.click()])
      expect(jsErrors(page)).toEqual([])
      await page.close()
    })
  }
})

describe('which option should I use?', () => {
  it('the form asks advise in the browser: a device without sign-in fields mailing outside gets relay first', async () => {
    const page = await open('/en/choose/')
    await page.locator('#choose-form[data-ready="true"]').waitFor()
    await page.selectOption('#q-canAuthenticate', 'no')
    await page.selectOption('#q-externalRecipients', 'yes')
    await page.fill('#q-domain', 'fabrikam.com')
    await page.click('#choose-form button[type="submit"]')
    const first = page.locator('#choose-results .advice-option').first()
    await first.waitFor({ state: 'visible' })
    expect(await first.getAttribute('data-option')).toBe('relay')
    expect(await first.textContent()).toContain('fabrikam-com.mail.protection.outlook.com')
    expect(jsErrors(page)).toEqual([])
    await shot(page, 'choose-en')
    await page.close()
  })

  it('an option page shows its diagram and settings table', async () => {
    const page = await open('/cs/options/relay/')
    expect(await page.locator('svg[role="img"] title').count()).toBe(1)
    expect(await page.locator('table.settings-card').count()).toBeGreaterThan(0)
    await shot(page, 'option-relay-cs')
    await page.close()
  })
})

describe('accessibility (axe-core)', () => {
  const targets = [
    '/en/',
    '/cs/',
    helpUrl(RULE, 'en'),
    helpUrl(RULE, 'cs'),
    '/en/paste/',
    '/cs/paste/',
    '/cs/options/relay/',
    '/en/choose/',
    '/cs/codes/',
  ]
  for (const path of targets) {
    it(`${path} has no serious or critical violations`, async () => {
      const page = await open(path)
      const { violations } = await new AxeBuilder({ page }).analyze()
      const bad = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
      expect(bad).toEqual([])
      if (path === '/en/' || path === '/cs/') await shot(page, `home-${path.slice(1, 3)}`)
      await page.close()
    })
  }
})
