import { defineCollection } from 'astro:content'
import { docsSchema } from '@astrojs/starlight/schema'
import { rulesDocsLoader } from './lib/rules-loader.js'

export const collections = {
  docs: defineCollection({ loader: rulesDocsLoader(), schema: docsSchema() }),
}
