import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expandCodeRange, literalMatchers } from '@smtp-doctor/core'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { bundle } from '../src/bundle.js'
import type { Condition } from '../src/index.js'
import { catalogue, diagnose, explain, helpUrl, rules } from '../src/index.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ruleFolders = readdirSync(join(root, 'src', 'rules'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, 'src', 'rules', d.name, 'rule.yaml')))
  .map((d) => d.name)
  .sort()
const byId = new Map(rules.map((r) => [r.id, r]))
const ENHANCED_G = /(?<![\w.])[245]\.\d{1,3}\.\d{1,3}(?![\d.]|\.\d)/g

const cat = bundle.catalogue
/** Every enhanced code the catalogue knows: exact codes and every code of every range. */
const catalogueCodes = [...new Set([...cat.codes, ...cat.codeRanges.flatMap((r) => expandCodeRange(r))])]
/** The rule files as written (before the build expands or defaults anything). */
const written = ruleFolders.map((id) => ({
  id,
  file: parse(readFileSync(join(root, 'src', 'rules', id, 'rule.yaml'), 'utf8')) as {
    recognise?: Record<string, unknown>
    phrases?: string[]
  },
}))

function conditionPhrases(c: Condition, out: string[] = []): string[] {
  if ('all' in c) for (const x of c.all) conditionPhrases(x, out)
  else if ('any' in c) for (const x of c.any) conditionPhrases(x, out)
  else if ('not' in c) conditionPhrases(c.not, out)
  else if (c.fact === 'derived' && (c.path === '$.phrases' || c.path === '$.finalPhrases'))
    for (const v of Array.isArray(c.value) ? c.value : [c.value]) if (typeof v === 'string') out.push(v)
  return out
}

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

  it('each phrase id is defined in exactly one rule folder', () => {
    const definedIn = new Map<string, string[]>()
    for (const { id, file } of written)
      for (const p of Object.keys(file.recognise ?? {})) definedIn.set(p, [...(definedIn.get(p) ?? []), id])
    const twice = [...definedIn].filter(([, where]) => where.length > 1)
    expect(twice, 'phrase ids defined in more than one rule').toEqual([])
    expect([...definedIn.keys()].sort()).toEqual([...cat.phrases].sort())
  })

  it('every phrase id a rule lists or tests is defined by some rule', () => {
    const defined = new Set(cat.phrases)
    const dangling: string[] = []
    for (const r of rules)
      for (const p of [...r.phrases, ...conditionPhrases(r.when)])
        if (!defined.has(p)) dangling.push(`${r.id}: ${p}`)
    expect(dangling).toEqual([])
  })

  it('every phrase id is answered by some rule', () => {
    const listed = new Set(rules.flatMap((r) => r.phrases))
    expect(cat.phrases.filter((p) => !listed.has(p))).toEqual([])
  })

  // Every code the catalogue knows is answered by a rule (in its codes or ranges) and makes such a
  // rule fire on a sample text: a rule's own example with its code swapped for this one, or a bare reply.
  it.each(catalogueCodes.map((c) => [c] as const))('code %s is answered by a rule', (code) => {
    const answering = rules.filter((r) => r.codes.includes(code))
    expect(
      answering.map((r) => r.id),
      `some rule lists ${code} in codes or codeRanges`,
    ).not.toEqual([])
    const basic = code.startsWith('4') ? 451 : 550
    const samples = [`${basic} ${code} `]
    for (const r of answering)
      for (const t of exampleTexts(r))
        samples.push(t.replace(ENHANCED_G, (c) => (r.codes.includes(c) ? code : c)))
    const fires = samples.some((s) => firedIds(s).some((id) => byId.get(id)!.codes.includes(code)))
    expect(fires, `a sample text with ${code} fires a rule listing it`).toBe(true)
  })

  // Codes the parser also knows from the status-code catalogue are answered too (by a rule or the fallback).
  const alsoKnown = cat.alsoKnown
  const alsoCodes = [
    ...(alsoKnown?.codes ?? []),
    ...(alsoKnown?.ranges ?? []).map((r) => `${r[0]}.${r[1]}.${r[2]}`),
    ...(alsoKnown?.details ?? []).map((d) => `5.${d}`),
  ]
  it('the parser also knows the status-code catalogue, and every such code gets a finding', () => {
    expect(alsoCodes.length).toBeGreaterThan(0)
    const silent = alsoCodes.filter((c) => explain(`Diagnostic information: #${c}`).findings.length === 0)
    expect(silent).toEqual([])
  })

  it.each(cat.basicCodes.map((c) => [c] as const))('basic code %s is answered by a rule', (code) => {
    expect(rules.filter((r) => r.basicCodes.includes(code)).map((r) => r.id)).not.toEqual([])
  })

  // Every phrase, through each of its literal matchers (or, for re: matchers, the rule examples
  // that reveal it), makes a rule listing it fire.
  it.each(cat.phrases.map((p) => [p] as const))('phrase %s is answered by a rule', (phrase) => {
    const answering = rules.filter((r) => r.phrases.includes(phrase))
    const literals = literalMatchers(cat)
      .filter((m) => m.kind === 'phrase' && m.id === phrase)
      .map((m) => m.match)
    const samples: string[] = []
    for (const p of literals) {
      samples.push(p)
      for (const r of answering)
        for (const c of r.codes) samples.push(`${c.startsWith('4') ? 451 : 550} ${c} ${p}`)
    }
    for (const r of answering)
      for (const t of exampleTexts(r)) if (catalogue.phrasesIn(t).includes(phrase)) samples.push(t)
    const fires = samples.some((s) => firedIds(s).some((id) => byId.get(id)!.phrases.includes(phrase)))
    expect(fires, `a sample text with phrase ${phrase} fires a rule listing it`).toBe(true)
  })

  it('the bundle is generated, bannered and exported as @smtp-doctor/rules/bundle.json', () => {
    const json = JSON.parse(readFileSync(join(root, 'src', 'generated', 'bundle.json'), 'utf8'))
    expect(json.generated).toMatch(/do not edit/)
    expect(json.rules.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.id))
    expect(json.catalogue.version).toBe(1)
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(pkg.exports['./bundle.json']).toBe('./dist/bundle.json')
  })
})
