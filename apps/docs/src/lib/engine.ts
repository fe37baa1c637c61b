/**
 * The one place the site touches the engine. Everything the site shows comes from
 * @smtp-doctor/rules, so the articles and the API/CLI answers cannot disagree.
 */
import type { advise, CompiledRule } from '@smtp-doctor/rules'

/** The token decoder (core, browser-safe): the "Check your token" page decodes in the browser. */
export { decodeToken, type Token, TokenDecodeError, tokenClaimRows } from '@smtp-doctor/core'

export {
  type AdvisedOption,
  advise,
  CODE_ONLY_TEXT,
  type CompiledRule,
  codeOnlyNote,
  diagnose,
  explain,
  type Finding,
  fillCommands,
  helpUrl,
  rules,
  SETTINGS_TEXT,
  type SettingsCard,
} from '@smtp-doctor/rules'

/** The site's locales (the engine's `Lang`). */
export type Lang = 'cs' | 'en'
/** A rule as the site reads it. */
export type DocsRule = CompiledRule
/** What `advise` takes. */
export type Needs = Parameters<typeof advise>[0]
