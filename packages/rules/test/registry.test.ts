import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { KNOWN_CODES, KNOWN_PHRASES } from '@smtp-doctor/core'
import { describe, expect, it } from 'vitest'
import { diagnose, explain, helpUrl, rules } from '../src/index.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ruleFolders = readdirSync(join(root, 'src', 'rules'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'src', 'rules', d.name, 'rule.yaml')))
  .map((d) => d.name)
  .sort()
const byId = new Map(rules.map((r) => [r.id, r]))
const ENHANCED_G = /(?<![\w.])[245]\.\d{1,3}\.\d{1,3}(?![\d.]|\.\d)/g

const firedIds = (text: string) => explain(text, { lang: 'en' }).findings.map((f) => f.id)
const exampleTexts = (r: (typeof rules)[number]) =>
  r.examples.match.flatMap((e) => ('text' in e ? [e.text] : []))

describe('registry', () => {
  it('has rules', () => {
    expect(rules.length).toBeGreaterThan(0)
  })

  it('ids are unique and equal the folder names', () => {
    const ids = rules.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ruleFolders)
  })

  it.each(rules.map((r) => [r.id, r] as const))('%s: both locales are complete and parallel', (_id, r) => {
    for (const lang of ['cs', 'en'] as const) {
      const m = r.messages[lang]
      for (const k of ['title', 'symptom', 'cause'] as const) expect(m[k].trim(), `${lang}.${k}`).not.toBe('')
      expect(m.steps.length, `${lang}.steps`).toBeGreaterThan(0)
    }
    const { cs, en } = r.messages
    expect(cs.steps.length, 'cs and en have as many steps').toBe(en.steps.length)
    expect(cs.commands.length, 'cs and en have as many commands').toBe(en.commands.length)
    expect(cs.warnings.length, 'cs and en have as many warnings').toBe(en.warnings.length)
    expect(cs.title, 'the Czech title is translated').not.toBe(en.title)
  })

  it.each(rules.map((r) => [r.id, r] as const))('%s: related ids exist, sources are dated', (_id, r) => {
    for (const rel of r.related) {
      expect(byId.has(rel), `related "${rel}" exists`).toBe(true)
      expect(rel).not.toBe(r.id)
    }
    expect(r.sources.length).toBeGreaterThan(0)
    for (const s of r.sources) {
      expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(s.url).toMatch(/^https:\/\//)
    }
  })

  it.each(rules.map((r) => [r.id, r] as const))('%s: help URLs are computed from the id', (id, r) => {
    expect(helpUrl(id, 'en')).toBe(`/en/rules/${id}/`)
    expect(helpUrl(id, 'cs')).toBe(`/cs/rules/${id}/`)
    expect(r.helpUrl).toEqual({ cs: `/cs/rules/${id}/`, en: `/en/rules/${id}/` })
    expect(diagnose({}, { lang: 'cs' }).findings.every((f) => f.docs.startsWith('/cs/rules/'))).toBe(true)
  })

  it('no rule fires on nothing', () => {
    expect(diagnose({}).findings.map((f) => f.id)).toEqual([])
    expect(explain('').findings.map((f) => f.id)).toEqual([])
    expect(explain('250 2.0.0 OK queued as 12345').findings.map((f) => f.id)).toEqual([])
  })

  // Every code the parser knows is in some rule's `codes` and makes such a rule fire on a sample text:
  // a rule's own example with its code swapped for this one, or a bare reply line.
  it.each(KNOWN_CODES.map((c) => [c] as const))('code %s is answered by a rule', (code) => {
    const answering = rules.filter((r) => r.codes.includes(code))
    expect(
      answering.map((r) => r.id),
      `some rule lists ${code} in codes`,
    ).not.toEqual([])
    const basic = code.startsWith('4') ? 451 : 550
    const samples = [`${basic} ${code} `]
    for (const r of answering)
      for (const t of exampleTexts(r))
        samples.push(t.replace(ENHANCED_G, (c) => (r.codes.includes(c) ? code : c)))
    const fires = samples.some((s) => firedIds(s).some((id) => byId.get(id)!.codes.includes(code)))
    expect(fires, `a sample text with ${code} fires a rule listing it`).toBe(true)
  })

  it.each(KNOWN_PHRASES.map((p) => [p.id, p.patterns] as const))(
    'phrase %s is answered by a rule',
    (phrase, patterns) => {
      const answering = rules.filter((r) => (r.phrases as string[]).includes(phrase))
      expect(
        answering.map((r) => r.id),
        `some rule lists ${phrase} in phrases`,
      ).not.toEqual([])
      const samples: string[] = []
      for (const p of patterns) {
        samples.push(p)
        for (const r of answering)
          for (const c of r.codes) samples.push(`${c.startsWith('4') ? 451 : 550} ${c} ${p}`)
      }
      for (const r of answering)
        for (const t of exampleTexts(r))
          if (patterns.some((p) => t.toLowerCase().includes(p))) samples.push(t)
      const fires = samples.some((s) =>
        firedIds(s).some((id) => (byId.get(id)!.phrases as string[]).includes(phrase)),
      )
      expect(fires, `a sample text with "${patterns[0]}" fires a rule listing ${phrase}`).toBe(true)
    },
  )

  it('the bundle is generated, bannered and exported as @smtp-doctor/rules/bundle.json', () => {
    const json = JSON.parse(readFileSync(join(root, 'src', 'generated', 'bundle.json'), 'utf8'))
    expect(json.generated).toMatch(/do not edit/)
    expect(json.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id))
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(pkg.exports['./bundle.json']).toBe('./dist/bundle.json')
  })
})
