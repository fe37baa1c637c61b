/**
 * The paste page in a real headless Chromium: the engine's filled commands with copy buttons,
 * "copy as ticket" Markdown, a share link whose text stays in the URL fragment (no request ever
 * carries it), and a bare code answered with the problems it can mean. The screenshot of the
 * page with commands and the ticket report goes to test-results/paste-tools.png.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { explain } from '../src/lib/engine.js'
import { ticketMarkdown } from '../src/lib/ticket.js'
import { launchChromium } from './chromium.js'
import { RESULTS, requireDist, serveDist } from './site.js'

const LOG = [
  '2026-11-20 08:12:00 SMTP: < 220 AM0PR01CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready',
  '2026-11-20 08:12:01 SMTP: > MAIL FROM:<salesperson1@contoso.com>',
  '2026-11-20 08:12:01 SMTP: < 550 5.7.60 SMTP; Client does not have permissions to send as this sender',
].join('\n')

let server: Awaited<ReturnType<typeof serveDist>> | undefined
let context: BrowserContext | undefined
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined
const requests: string[] = []

beforeAll(async () => {
  requireDist()
  mkdirSync(RESULTS, { recursive: true })
  server = await serveDist()
  browser = await launchChromium('paste')
  context = browser.context
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
  context.on('request', (r) => requests.push(r.url()))
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function open(path: string): Promise<Page & { jsErrors: string[] }> {
  if (!context || !server) throw new Error('browser not started')
  const page = Object.assign(await context.newPage(), { jsErrors: [] as string[] })
  page.on('pageerror', (e) => page.jsErrors.push(e.message))
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' })
  await page.locator('#paste-form[data-ready="true"]').waitFor()
  return page
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText())

describe('paste page tools', () => {
  it('shows the engine’s commands with copy buttons, and copies one and all', async () => {
    const page = await open('/en/paste/')
    await page.fill('#paste-input', LOG)
    const finding = page.locator('#paste-results .paste-finding[data-rule-id="send-as-denied"]')
    await finding.waitFor({ state: 'visible' })
    const expected =
      explain(LOG, { lang: 'en' }).findings.find((f) => f.id === 'send-as-denied')?.commands ?? []
    expect(expected.length).toBeGreaterThan(2)
    expect(await finding.locator('.paste-command code').allTextContents()).toEqual(expected)
    expect(expected[0]).toContain('Install-Module ExchangeOnlineManagement')
    await finding.locator('.paste-command button.paste-copy').nth(2).click()
    await page.locator('#paste-status', { hasText: 'Copied' }).waitFor()
    expect(await clipboard(page)).toBe(expected[2])
    await finding.locator('button[data-copy-all]').click()
    await expect.poll(() => clipboard(page)).toBe(expected.join('\n'))
    expect(page.jsErrors).toEqual([])
    await page.close()
  })

  it('copies the result as a Markdown ticket, the same report the page previews', async () => {
    const page = await open('/en/paste/')
    await page.fill('#paste-input', LOG)
    await page.locator('#paste-ticket').waitFor({ state: 'visible' })
    await page.click('#paste-ticket')
    const findings = explain(LOG, { lang: 'en' }).findings
    const expected = ticketMarkdown(LOG, findings, 'en', server!.url)
    await expect.poll(() => clipboard(page)).toBe(expected)
    expect(expected).toContain('#### 1. ERROR — ')
    expect(expected).toContain('```powershell')
    expect(expected).toContain(`${server!.url}/en/rules/send-as-denied/`)
    expect(await page.locator('#paste-ticket-text').textContent()).toBe(expected)
    // The screenshot for the issue: commands and the ticket report on one page.
    await page.locator('.paste-ticket-preview summary').click()
    await page.screenshot({ path: join(RESULTS, 'paste-tools.png'), fullPage: true })
    await page.close()
  })

  it('the share link keeps the text in the fragment: no request carries it, and the link reopens the result', async () => {
    const page = await open('/cs/paste/')
    const secretish = `${LOG}\nmarker-7f3a91`
    requests.length = 0
    await page.fill('#paste-input', secretish)
    await page.locator('#paste-share').waitFor({ state: 'visible' })
    await page.click('#paste-share')
    await expect.poll(() => clipboard(page)).toContain('#text=')
    const link = await clipboard(page)
    expect(new URL(link).pathname).toBe('/cs/paste/')
    expect(new URLSearchParams(new URL(link).hash.slice(1)).get('text')).toBe(secretish)
    const again = await context!.newPage()
    await again.goto(link, { waitUntil: 'load' })
    await again.locator('#paste-results .paste-finding[data-rule-id="send-as-denied"]').waitFor()
    expect(await again.inputValue('#paste-input')).toBe(secretish)
    // What went over the wire: page, scripts, styles — never the text (fragments are not sent).
    expect(requests.length).toBeGreaterThan(0)
    for (const url of requests) {
      expect(url).not.toContain('marker-7f3a91')
      expect(url).not.toContain('#')
    }
    await again.close()
    await page.close()
  })

  it('a bare code: the problems it can mean, each with its whole reply', async () => {
    const page = await open('/en/paste/')
    await page.fill('#paste-input', '5.7.139')
    await page.locator('.paste-code-only').waitFor({ state: 'visible' })
    const shared = explain('5.7.139', { lang: 'en' }).findings.filter((f) => f.match === 'code')
    // The note counts exactly the findings that show their whole reply.
    expect(await page.locator('.paste-code-only').textContent()).toMatch(
      new RegExp(`^5\\.7\\.139 alone can mean any of the ${shared.length} problems below`),
    )
    expect(await page.locator('.paste-finding[data-match="code"]').count()).toBe(shared.length)
    expect(await page.locator('.paste-finding[data-match="code"] .paste-tells-apart').count()).toBe(
      shared.length,
    )
    expect(page.jsErrors).toEqual([])
    await page.close()
  })

  it('the page with results has no serious or critical accessibility violations', async () => {
    const page = await open('/en/paste/')
    await page.fill('#paste-input', LOG)
    await page.locator('#paste-ticket').waitFor({ state: 'visible' })
    const { violations } = await new AxeBuilder({ page }).analyze()
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
    expect(bad).toEqual([])
    await page.close()
  })
})
