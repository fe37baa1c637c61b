/**
 * "On this page" lists every section a page has: a custom page (StarlightPage) must pass its
 * headings, or the box shows only "Overview" (the migrate page did).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { htmlFiles, readDist, requireDist } from './site.js'

beforeAll(() => requireDist())

/** The ids of a page's own h2 sections and the anchors its table of contents links to. */
function sectionsAndToc(html: string): { sections: string[]; toc: Set<string> } {
  const sections = [...html.matchAll(/<h2\b[^>]*\bid="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((id) => !id.startsWith('starlight__'))
  const toc = new Set<string>()
  const box = html.match(/<starlight-toc\b[\s\S]*?<\/starlight-toc>/)?.[0] ?? ''
  for (const m of box.matchAll(/href="#([^"]+)"/g)) toc.add(m[1]!)
  return { sections, toc }
}

describe('on this page', () => {
  it('lists every h2 section of every page, in both languages', () => {
    const pages = htmlFiles().filter((f) => /^(en|cs)\//.test(f))
    expect(pages.length).toBeGreaterThan(100)
    const missing: string[] = []
    for (const page of pages) {
      const html = readDist(page)
      // A splash page (the home page) has no table of contents at all.
      if (!html.includes('<starlight-toc')) continue
      const { sections, toc } = sectionsAndToc(html)
      for (const id of sections) if (!toc.has(id)) missing.push(`${page}#${id}`)
    }
    expect(missing).toEqual([])
  })
})
