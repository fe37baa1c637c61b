/**
 * The browser lookup's order — Debian's Chromium first, the registry's @sparticuz/chromium
 * otherwise, SMTP_DOCTOR_CHROMIUM forcing either — and that the registry browser, unpacked from
 * nothing (over a truncated leftover), really starts and renders a page.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ENV, chooseChromium, findChromium, registryVersion } from './chromium.js'

let dir: string
let present: string
let absent: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'smtp-doctor-chromium-lookup-'))
  present = join(dir, 'chromium-here')
  absent = join(dir, 'chromium-nowhere')
  await writeFile(present, '#!/bin/sh\n', { mode: 0o755 })
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('which Chromium the browser tests use', () => {
  it('takes the system browser when it is installed', () => {
    expect(chooseChromium({ systemPath: present, env: {} })).toBe('system')
    expect(findChromium({ systemPath: present, env: {} })).toEqual({
      source: 'system',
      executablePath: present,
      env: {},
    })
  })

  it('falls back to the registry browser when there is no system one', () => {
    expect(chooseChromium({ systemPath: absent, env: {} })).toBe('registry')
  })

  it(`${CHROMIUM_ENV} forces either one`, () => {
    expect(chooseChromium({ systemPath: present, env: { [CHROMIUM_ENV]: 'registry' } })).toBe('registry')
    expect(chooseChromium({ systemPath: absent, env: { [CHROMIUM_ENV]: 'system' } })).toBe('system')
  })

  it('says what is wrong when the forced system browser is missing or the value is unknown', () => {
    expect(() => findChromium({ systemPath: absent, env: { [CHROMIUM_ENV]: 'system' } })).toThrow(
      `no Chromium at ${absent}`,
    )
    expect(() => chooseChromium({ env: { [CHROMIUM_ENV]: 'firefox' } })).toThrow(
      `${CHROMIUM_ENV}=firefox is not known`,
    )
  })

  it.skipIf(process.platform !== 'linux' || process.arch !== 'x64')(
    'unpacks the registry browser over a truncated leftover, and it renders a page',
    async () => {
      const cacheDir = join(dir, 'registry')
      await mkdir(cacheDir)
      await writeFile(join(cacheDir, 'chromium'), 'half a binary')
      const found = findChromium({ systemPath: absent, env: {}, cacheDir })
      expect(found.source).toBe('registry')
      expect(found.executablePath).toBe(join(cacheDir, 'chromium'))
      expect(found.env.LD_LIBRARY_PATH?.split(':')[0]).toBe(join(cacheDir, 'al2023', 'lib'))
      const browser = await chromium.launch({
        executablePath: found.executablePath,
        env: { ...process.env, ...found.env },
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      })
      try {
        const page = await browser.newPage()
        // Czech text, rasterised by the screenshot (the docs pages' own fonts run in browser.test.ts).
        const text = 'Ověření nebylo úspěšné → 535 5.7.139'
        await page.setContent(`<main><h1 id="t" style="font-family: sans-serif">${text}</h1></main>`)
        expect(await page.textContent('#t')).toBe(text)
        expect((await page.screenshot()).length).toBeGreaterThan(0)
        expect(await page.evaluate(() => navigator.userAgent)).toMatch(/HeadlessChrome\/\d+/)
        expect(browser.version().split('.')[0]).toBe(registryVersion().split('.')[0])
      } finally {
        await browser.close()
      }
    },
  )
})
