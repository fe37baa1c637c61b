/** The small pure pieces: inline markdown for in-browser findings, and the article body builder. */
import { describe, expect, it } from 'vitest'
import { fillCommands, rules } from '../src/lib/engine.js'
import { escapeHtml, inlineMarkdown } from '../src/lib/inline-md.js'
import { foldCodes } from '../src/lib/page-data.js'
import { codeAnchor, plain, ruleMarkdown } from '../src/lib/rule-markdown.js'

describe('inlineMarkdown', () => {
  it('renders code, bold and safe links', () => {
    expect(inlineMarkdown('Use `a<b` and **Send As**, see [docs](/en/codes/)')).toBe(
      'Use <code>a&lt;b</code> and <strong>Send As</strong>, see <a href="/en/codes/">docs</a>',
    )
  })
  it('never lets markup or script URLs through', () => {
    const out = inlineMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert(1)) `<script>`')
    expect(out).not.toMatch(/<img|<script|href="javascript/)
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;')
  })
})

describe('foldCodes', () => {
  it('folds runs of three or more into ranges and keeps the rest', () => {
    expect(foldCodes(['5.7.608', '5.7.606', '5.7.607', '5.7.60', '5.7.3', '5.7.4', '4.4.62'])).toEqual([
      '4.4.62',
      '5.7.3',
      '5.7.4',
      '5.7.60',
      ['5.7.606', '5.7.608'],
    ])
  })
})

describe('ruleMarkdown', () => {
  const byId = new Map(rules.map((r) => [r.id, r]))
  it('every rule becomes a body with its steps numbered, its commands fenced and its sources dated', () => {
    for (const r of rules)
      for (const lang of ['en', 'cs'] as const) {
        const md = ruleMarkdown(r, lang, byId)
        const m = r.messages[lang]
        expect(md).toContain(`${m.steps.length}. `)
        // The article shows the filled templates: `{{exchange-online}}` is its two connect lines.
        expect(md.match(/^```+powershell$/gm)?.length ?? 0).toBe(fillCommands(m.commands).length)
        expect(md).not.toMatch(/\{\{[a-z-]+\}\}/)
        expect(md.match(/^:::caution$/gm)?.length ?? 0).toBe(m.warnings.length)
        for (const s of r.sources) expect(md).toContain(s.url)
        for (const c of foldCodes(r.codes).flat()) expect(md).toContain(`#${codeAnchor(c)}`)
      }
  })
  it('a command holding backticks cannot close its own fence', () => {
    const [r] = rules
    if (!r) throw new Error('no rules')
    const evil = {
      ...r,
      messages: { ...r.messages, en: { ...r.messages.en, commands: ['Write-Host ```hi```'] } },
    }
    expect(ruleMarkdown(evil, 'en', new Map())).toContain('````powershell\nWrite-Host ```hi```\n````')
  })
  it('plain() strips inline marks for descriptions', () => {
    expect(plain('The `host` is **wrong**, see [x](/y)')).toBe('The host is wrong, see x')
  })
})
