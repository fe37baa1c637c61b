import { describe, expect, it } from 'vitest'
import { langFromEnv } from './lang.js'
import { paragraph } from './render.js'

describe('paragraph', () => {
  const text = 'one two three four five six seven eight nine ten'
  it('wraps at the width with a hanging indent, words whole', () => {
    const out = paragraph('  Cause: ', text, '  ', 24).split('\n')
    expect(out.every((l) => l.length <= 24)).toBe(true)
    expect(out[0]?.startsWith('  Cause: one')).toBe(true)
    expect(out.slice(1).every((l) => l.startsWith('  ') && !l.startsWith('   '))).toBe(true)
    expect(out.join(' ').split(/\s+/).filter(Boolean).slice(1)).toEqual(text.split(' '))
  })
  it('ignores colour codes when measuring, and leaves text alone without a width', () => {
    const coloured = '\x1b[1mbold\x1b[22m word'
    expect(paragraph('', coloured, '', 9)).toBe(coloured)
    expect(paragraph('> ', text, '  ', undefined)).toBe(`> ${text}`)
  })
})

describe('langFromEnv', () => {
  it.each([
    [{ LANG: 'cs_CZ.UTF-8' }, 'cs'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LC_ALL: 'cs_CZ', LANG: 'en_US' }, 'cs'],
    [{ LC_MESSAGES: 'en_GB', LANG: 'cs_CZ' }, 'en'],
    [{}, 'en'],
  ])('%j → %s', (env, lang) => {
    expect(langFromEnv(env)).toBe(lang)
  })
})
