/**
 * The built site against the rule bundle: a page per rule per locale and no page without a
 * rule (both ways), no broken internal links or anchors, and the right `lang` on every page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { type DefaultTreeAdapterMap, parse } from 'parse5'
import { beforeAll, describe, expect, it } from 'vitest'
import { helpUrl, rules } from '../src/lib/engine.js'
import { DIST, fileForPath, htmlFiles, readDist, requireDist } from './site.js'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']
const LANGS = ['en', 'cs'] as const

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node
  const kids = 'childNodes' in node ? node.childNodes : []
  for (const k of kids) yield* elements(k)
  if ('content' in node && node.content) yield* elements(node.content as Node)
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value

const pages = new Map<string, Element[]>()
function page(file: string): Element[] {
  let els = pages.get(file)
  if (!els) {
    els = [...elements(parse(readDist(file)))]
    pages.set(file, els)
  }
  return els
}

beforeAll(() => requireDist())

describe('rules ⇄ pages', () => {
  it('has rules to test against, the same ones as the raw bundle @smtp-doctor/rules/bundle.json', () => {
    expect(rules.length).toBeGreaterThan(0)
    const file = createRequire(import.meta.url).resolve('@smtp-doctor/rules/bundle.json')
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { rules: { id: string }[] }
    expect(raw.rules.map((r) => r.id).sort()).toEqual(rules.map((r) => r.id).sort())
  })

  for (const lang of LANGS) {
    it(`every rule has its ${lang} article at helpUrl(id, '${lang}') titled by the rule`, () => {
      const missing: string[] = []
      for (const r of rules) {
        const file = fileForPath(helpUrl(r.id, lang))
        if (file === null) {
          missing.push(helpUrl(r.id, lang))
          continue
        }
        const h1 = page(file.slice(DIST.length)).find((e) => e.tagName === 'h1')
        const text = h1 ? h1.childNodes.map((n) => ('value' in n ? n.value : '')).join('') : ''
        expect(text.trim(), r.id).toBe(r.messages[lang].title)
      }
      expect(missing).toEqual([])
    })

    it(`every ${lang} rules page belongs to a rule in the bundle`, () => {
      const dir = join(DIST, lang, 'rules')
      expect(existsSync(dir)).toBe(true)
      const ids = new Set(rules.map((r) => r.id))
      const orphans = readdirSync(dir).filter((d) => !ids.has(d))
      expect(orphans).toEqual([])
      expect(readdirSync(dir).length).toBe(rules.length)
    })
  }
})

describe('root', () => {
  it('/ redirects to the English home page', () => {
    expect(readDist('index.html')).toMatch(/http-equiv="refresh" content="0;\s*url=\/en\/"/)
  })
})

describe('links', () => {
  it('every internal link, script, stylesheet and image resolves, anchors included', () => {
    const broken: string[] = []
    let checked = 0
    for (const file of htmlFiles()) {
      const base = new URL(`/${file}`, 'http://site')
      for (const el of page(file)) {
        const ref =
          el.tagName === 'a' || el.tagName === 'link'
            ? attr(el, 'href')
            : el.tagName === 'script' || el.tagName === 'img'
              ? attr(el, 'src')
              : undefined
        if (ref === undefined || ref === '' || /^[a-z][a-z0-9+.-]*:/i.test(ref)) continue
        if (el.tagName === 'link' && attr(el, 'rel') === 'alternate' && /^https?:/.test(ref)) continue
        const url = new URL(ref, base)
        if (url.origin !== 'http://site') continue
        checked++
        const target = fileForPath(url.pathname)
        if (target === null) {
          broken.push(`${file}: ${ref}`)
          continue
        }
        const hash = decodeURIComponent(url.hash.slice(1))
        if (hash !== '' && target.endsWith('.html')) {
          const ids = page(target.slice(DIST.length)).map((e) => attr(e, 'id'))
          if (!ids.includes(hash)) broken.push(`${file}: ${ref} (no id "${hash}")`)
        }
      }
    }
    expect(broken).toEqual([])
    expect(checked).toBeGreaterThan(0)
  })
})

describe('lang attributes', () => {
  it('every page under /cs/ is lang="cs" and every page under /en/ is lang="en"', () => {
    const wrong: string[] = []
    let n = 0
    for (const file of htmlFiles()) {
      const lang = file.split('/')[0]
      if (lang !== 'cs' && lang !== 'en') continue
      n++
      const html = page(file).find((e) => e.tagName === 'html')
      if (!html || attr(html, 'lang') !== lang) wrong.push(`${file}: lang="${html && attr(html, 'lang')}"`)
    }
    expect(wrong).toEqual([])
    expect(n).toBeGreaterThan(2 * rules.length)
  })
})
