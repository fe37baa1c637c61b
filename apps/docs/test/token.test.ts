/**
 * The "Check your token" page in a real headless Chromium: it decodes a pasted token and runs
 * the engine on its claims in the browser, in both languages, and makes no network request
 * while doing so; the token reaches neither the address bar nor any storage.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { helpUrl } from '../src/lib/engine.js'
import { MIGRATE_TEXT, MIGRATION_PROFILES } from '../src/lib/migrate-text.js'
import { TOKEN_TEXT } from '../src/lib/token-text.js'
import { launchChromium } from './chromium.js'
import { RESULTS, requireDist, serveDist } from './site.js'

let server: Awaited<ReturnType<typeof serveDist>> | undefined
let context: BrowserContext | undefined
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
const SIGNATURE = 'S1gnatureP4rt-of-the-test-token_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
const jwt = (claims: Record<string, unknown>) =>
  `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${b64url(claims)}.${SIGNATURE}`
const now = Math.floor(Date.now() / 1000)
const TENANT = '5f3c8a1e-6b2d-4e7f-9a1c-3d5e7f9b1a2c'
const app = {
  aud: 'https://outlook.office365.com',
  iss: `https://sts.windows.net/${TENANT}/`,
  tid: TENANT,
  appid: '2b5a9c4e-1d3f-4a6b-8c7d-9e0f1a2b3c4d',
  idtyp: 'app',
  roles: ['SMTP.SendAsApp'],
  nbf: now - 60,
  exp: now + 3000,
  ver: '1.0',
}

beforeAll(async () => {
  requireDist()
  mkdirSync(RESULTS, { recursive: true })
  server = await serveDist()
  browser = await launchChromium('token')
  context = browser.context
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Opens the page and starts recording every request made after it is ready. */
async function open(lang: 'en' | 'cs'): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  if (!context || !server) throw new Error('browser not started')
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${server.url}/${lang}/token/`, { waitUntil: 'networkidle' })
  await page.locator('#token-form[data-ready="true"]').waitFor()
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  return { page, requests, errors }
}

async function check(page: Page, token: string, fields: { mailbox?: string; tenant?: string } = {}) {
  if (fields.mailbox) await page.fill('#token-mailbox', fields.mailbox)
  if (fields.tenant) await page.fill('#token-tenant', fields.tenant)
  await page.fill('#token-input', token)
  await page.click('#token-form button[type="submit"]')
  await page.locator('#token-results h2, #token-results .token-error').first().waitFor({ state: 'visible' })
}

const ids = (page: Page) =>
  page
    .locator('#token-results .token-finding')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')))

describe('check your token', () => {
  for (const lang of ['en', 'cs'] as const) {
    it(`${lang}: says nothing is sent, flags a Graph token and shows its claims, without a network request`, async () => {
      const { page, requests, errors } = await open(lang)
      expect(await page.textContent('#token-privacy')).toContain(TOKEN_TEXT[lang].privacy)
      const token = jwt({ ...app, aud: 'https://graph.microsoft.com', roles: ['Mail.Send'] })
      await check(page, token)
      expect(await ids(page)).toEqual(['token-wrong-audience'])
      const link = page.locator('#token-results .token-finding a').first()
      expect(await link.getAttribute('href')).toBe(helpUrl('token-wrong-audience', lang))
      expect(await page.textContent('#token-results tr[data-claim="aud"] td')).toBe(
        'https://graph.microsoft.com',
      )
      expect(await page.textContent('#token-results tr[data-claim="roles"] td')).toBe('Mail.Send')
      // The answer shows claims, never the token: neither its signature nor its payload part.
      const shown = await page.innerHTML('#token-results')
      for (const part of token.split('.').slice(1)) expect(shown).not.toContain(part)
      expect(requests).toEqual([])
      expect(page.url()).not.toContain(SIGNATURE)
      const stored = await page.evaluate(
        () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
      )
      expect(stored).not.toContain(SIGNATURE)
      expect(errors).toEqual([])
      await page.screenshot({ path: join(RESULTS, `token-${lang}.png`), fullPage: true })
      await page.close()
    })
  }

  it.each([
    ['an expired token', jwt({ ...app, exp: now - 900 }), {}, ['token-expired']],
    [
      'an app token without SMTP.SendAsApp',
      jwt({ ...app, roles: undefined }),
      {},
      ['token-missing-sendasapp'],
    ],
    [
      'a user token without SMTP.Send',
      jwt({
        ...app,
        idtyp: 'user',
        roles: undefined,
        scp: 'IMAP.AccessAsUser.All',
        upn: 'scanner@contoso.com',
      }),
      {},
      ['token-missing-smtp-send'],
    ],
    [
      'a token for another user',
      jwt({ ...app, idtyp: 'user', roles: undefined, scp: 'SMTP.Send', upn: 'scanner@contoso.com' }),
      { mailbox: 'printer@contoso.com' },
      ['token-user-mismatch'],
    ],
    [
      'a token of another tenant',
      jwt(app),
      { tenant: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' },
      ['token-tenant-mismatch'],
    ],
    ['a healthy token', jwt(app), { mailbox: 'scanner@contoso.com', tenant: TENANT }, []],
  ])('flags %s', async (_name, token, fields, expected) => {
    const { page, requests } = await open('en')
    await check(page, token, fields)
    expect(await ids(page)).toEqual(expected)
    if (expected.length === 0) expect(await page.locator('#token-results .token-fine').count()).toBe(1)
    expect(requests).toEqual([])
    await page.close()
  })

  it('a pasted AUTH XOAUTH2 base64 string is read too, and text that is no token gets a clear message in Czech', async () => {
    const { page } = await open('cs')
    const blob = Buffer.from(
      `user=scanner@contoso.com\x01auth=Bearer ${jwt({ ...app, exp: now - 60 })}\x01\x01`,
    ).toString('base64')
    await check(page, `AUTH XOAUTH2 ${blob}`)
    expect(await ids(page)).toEqual(['token-expired'])
    await page.fill('#token-input', 'heslo-neni-token')
    await page.click('#token-form button[type="submit"]')
    const alert = page.locator('#token-results .token-error')
    await alert.waitFor({ state: 'visible' })
    expect(await alert.getAttribute('data-code')).toBe('NOT_A_JWT')
    expect(await alert.textContent()).toBe(TOKEN_TEXT.cs.errors.NOT_A_JWT)
    await page.close()
  })

  it('has no serious or critical accessibility violations', async () => {
    const { page } = await open('en')
    await check(page, jwt({ ...app, aud: 'https://graph.microsoft.com' }))
    const { violations } = await new AxeBuilder({ page }).analyze()
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
    expect(bad).toEqual([])
    await page.close()
  })
})

describe('moving off Basic authentication', () => {
  // What each kind of device should move to, as the engine ranks it (asserted here, rendered there).
  const expected: Record<string, string> = {
    'oauth-app': 'smtp-auth-oauth',
    'oauth-user': 'smtp-auth-oauth',
    'password-only': 'oauth-relay',
    'old-tls': 'relay',
    'internal-only': 'direct-send',
    'bulk-internal': 'high-volume-email',
    'static-ip': 'relay',
    'no-static-ip': 'oauth-relay',
  }
  for (const lang of ['en', 'cs'] as const) {
    it(`${lang}: states the published timeline with its dated source and a path per kind of device`, async () => {
      if (!context || !server) throw new Error('browser not started')
      const page = await context.newPage()
      await page.goto(`${server.url}/${lang}/migrate/`, { waitUntil: 'load' })
      expect((await page.textContent('h1'))?.trim()).toBe(MIGRATE_TEXT[lang].title)
      const timeline = await page.locator('.migrate-timeline li').allTextContents()
      expect(timeline).toEqual(MIGRATE_TEXT[lang].timeline)
      expect(await page.getAttribute('.migrate-source a', 'href')).toContain('techcommunity.microsoft.com')
      expect(await page.textContent('.migrate-source')).toContain('2026-01-27')
      const shown = await page
        .locator('section.migrate-path')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-profile'), e.getAttribute('data-option')]))
      expect(Object.fromEntries(shown)).toEqual(expected)
      expect(shown.map(([id]) => id)).toEqual(MIGRATION_PROFILES.map((p) => p.id))
      // The app-only OAuth path carries the Entra and Exchange Online steps.
      const app = await page.textContent('section[data-profile="oauth-app"] .settings-notes')
      for (const part of [
        'SMTP.SendAsApp',
        'New-ServicePrincipal',
        'Add-MailboxPermission',
        'Add-RecipientPermission',
      ])
        expect(app).toContain(part)
      expect(await page.locator('section.migrate-path .migrate-sources a').count()).toBeGreaterThanOrEqual(8)
      const { violations } = await new AxeBuilder({ page }).analyze()
      expect(
        violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
      ).toEqual([])
      await page.screenshot({ path: join(RESULTS, `migrate-${lang}.png`), fullPage: true })
      await page.close()
    })
  }
})
