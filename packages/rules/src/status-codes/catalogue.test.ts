import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { compileStatusCodes } from './compile.js'
import { describeCode, microsoftEntry } from './describe.js'
import type { CompiledStatusCodes } from './schema.js'

const raw = parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'catalogue.yaml'), 'utf8'))

function compiled(): CompiledStatusCodes {
  const { data, problems } = compileStatusCodes(raw)
  expect(problems).toEqual([])
  return data!
}

describe('status-code catalogue', () => {
  it('compiles without problems and holds every class and subject of RFC 3463', () => {
    const cat = compiled()
    expect(Object.keys(cat.classes).sort()).toEqual(['2', '4', '5'])
    expect(Object.keys(cat.subjects).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7'])
  })

  it('answers each Microsoft code of the Exchange Online NDR table with a meaning in both languages', () => {
    const cat = compiled()
    for (const code of ['5.1.10', '5.4.1', '5.7.57', '5.7.501', '5.7.515', '5.7.233', '5.7.236', '4.7.650']) {
      const en = describeCode(cat, code, 'en')
      const cs = describeCode(cat, code, 'cs')
      expect(en.microsoft, code).toBeTruthy()
      expect(cs.microsoft, code).toBeTruthy()
      expect(cs.microsoft).not.toBe(en.microsoft)
    }
  })

  it('finds codes inside ranges, inclusive at both ends, and nothing outside', () => {
    const cat = compiled()
    expect(microsoftEntry(cat, '5.7.606')).toBe(microsoftEntry(cat, '5.7.649'))
    expect(microsoftEntry(cat, '5.7.620')).toBeGreaterThanOrEqual(0)
    expect(microsoftEntry(cat, '5.7.650')).toBe(-1)
    expect(describeCode(cat, '5.7.620', 'en').page).toMatch(/^https:\/\/learn\.microsoft\.com\//)
  })

  it('falls back to the standard meaning for codes Microsoft does not document', () => {
    const d = describeCode(compiled(), '4.4.1', 'en')
    expect(d.class).toMatch(/temporary/)
    expect(d.subject).toMatch(/network/)
    expect(d.detail).toMatch(/no answer/)
    expect(d.microsoft).toBeUndefined()
  })

  it('normalises leading zeros and returns only the code for text that is not a code', () => {
    const cat = compiled()
    expect(describeCode(cat, '5.07.057', 'en').code).toBe('5.7.57')
    expect(describeCode(cat, 'not a code', 'en')).toEqual({ code: 'not a code' })
  })

  it('rejects a catalogue with a missing language, a duplicate code or overlapping ranges, naming the path', () => {
    const missing = structuredClone(raw)
    delete missing.microsoft[0].cs
    expect(compileStatusCodes(missing).problems.join('\n')).toMatch(/microsoft\.0\.cs/)

    const dup = structuredClone(raw)
    dup.microsoft.push({ codes: ['5.7.57'], en: 'x', cs: 'x' })
    expect(compileStatusCodes(dup).problems.join('\n')).toMatch(/5\.7\.57 is listed twice/)

    const overlap = structuredClone(raw)
    overlap.microsoft.push({ range: '5.7.640-5.7.660', en: 'x', cs: 'x' })
    expect(compileStatusCodes(overlap).problems.join('\n')).toMatch(/overlaps/)
    expect(compileStatusCodes(overlap).data).toBeNull()
  })
})
