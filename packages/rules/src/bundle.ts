import type { Catalogue } from '@smtp-doctor/core'
import { bundleJson } from './generated/bundle.js'
import type { RuleFile } from './rule-schema.js'
import type { CompiledStatusCodes } from './status-codes/schema.js'

/** The compiled rule bundle as scripts/build-bundle.ts wrote it (validated there). */
export type Bundle = {
  generated: string
  rules: RuleFile[]
  catalogue: Catalogue
  /** RFC 3463 and Microsoft status-code meanings for the never-silent fallback (src/fallback.ts). */
  statusCodes: CompiledStatusCodes
}

/**
 * The bundle, parsed once. It is embedded as a string module (not a JSON import) so the same
 * code loads in Node 20 ESM without import attributes or warnings, in vitest and through Vite.
 */
export const bundle: Bundle = JSON.parse(bundleJson) as Bundle
