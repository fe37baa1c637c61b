/**
 * Astro content-layer loader for Starlight's `docs` collection: the hand-written pages
 * (src/content/docs, via Starlight's own loader) plus one generated article per rule per
 * locale, at exactly `helpUrl(id, lang)`.
 */
import { createMarkdownProcessor, type MarkdownProcessorRenderOptions } from '@astrojs/markdown-remark'
import { docsLoader } from '@astrojs/starlight/loaders'
import type { Loader } from 'astro/loaders'
import { helpUrl, rules } from './engine.js'
import { LANGS } from './labels.js'
import { plain, ruleMarkdown } from './rule-markdown.js'

/** The collection entry id of a rule's article: its help URL without the slashes. */
export function ruleEntryId(id: string, lang: 'cs' | 'en'): string {
  return helpUrl(id, lang).replace(/^\/|\/$/g, '')
}

/** Starlight's docs loader, with the rule articles added after the hand-written pages. */
export function rulesDocsLoader(): Loader {
  const base = docsLoader()
  return {
    name: 'smtp-doctor-rules-loader',
    async load(context) {
      // Starlight's loader drops every entry it did not load itself, ours included, so keep the
      // previous articles to reuse their rendering when nothing changed (warm builds).
      const previous = new Map(context.store.entries())
      await base.load(context)
      const byId = new Map(rules.map((r) => [r.id, r]))
      // Rendered as if each article were a file in src/content/docs, so Starlight's markdown
      // plugins (asides, heading links, code-block UI strings) treat it as a page of its locale.
      let processor: Awaited<ReturnType<typeof createMarkdownProcessor>> | undefined
      for (const rule of rules) {
        for (const lang of LANGS) {
          const id = ruleEntryId(rule.id, lang)
          const m = rule.messages[lang]
          const body = ruleMarkdown(rule, lang, byId)
          const data = await context.parseData({
            id,
            data: {
              title: m.title,
              description: plain(m.symptom).slice(0, 300),
              editUrl: false,
              sidebar: { label: m.title },
            },
          })
          const digest = context.generateDigest({ body, data })
          const old = previous.get(id)
          if (old?.digest === digest && old.rendered) {
            context.store.set({ id, data, body, digest, rendered: old.rendered })
            continue
          }
          processor ??= await createMarkdownProcessor(context.config.markdown)
          const fileURL = new URL(`content/docs/${id}.md`, context.config.srcDir)
          // `fileURL` is what Astro itself passes for a .md file; the published type omits it.
          const opts = { fileURL } as MarkdownProcessorRenderOptions
          const { code, metadata } = await processor.render(body, opts)
          context.store.set({ id, data, body, digest, rendered: { html: code, metadata } })
        }
      }
    },
  }
}
