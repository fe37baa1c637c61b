import { defineCollection } from 'astro:content'
import { i18nLoader } from '@astrojs/starlight/loaders'
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema'
import { rulesDocsLoader } from './lib/rules-loader.js'

export const collections = {
  docs: defineCollection({ loader: rulesDocsLoader(), schema: docsSchema() }),
  // Starlight's own UI strings where its Czech translation still has the English text.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
}
