/**
 * Starlight's own interface strings on the Czech pages are Czech: its bundled Czech translation
 * still carries some English text (the heading anchors' "Section titled …" label read by screen
 * readers), which src/content/i18n/cs.json overrides.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { htmlFiles, readDist, requireDist } from './site.js'

beforeAll(() => requireDist())

describe('Czech pages carry no English interface label', () => {
  it('heading anchors are labelled in Czech on every cs page, in English on en pages', () => {
    const cs = htmlFiles().filter((f) => f.startsWith('cs/'))
    expect(cs.length).toBeGreaterThan(10)
    const english = cs.filter((f) => readDist(f).includes('Section titled'))
    expect(english).toEqual([])
    expect(readDist('cs/rules/send-as-denied/index.html')).toContain('Oddíl „Co vidíte“')
    expect(readDist('en/rules/send-as-denied/index.html')).toContain('Section titled “What you see”')
  })
})
