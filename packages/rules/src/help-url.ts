import type { Lang } from '@smtp-doctor/core'

/**
 * The rule's article on the docs site, computed from its id (never typed by hand).
 * @example helpUrl('send-as-denied', 'en') // '/en/rules/send-as-denied/'
 */
export function helpUrl(id: string, lang: Lang): string {
  return `/${lang}/rules/${encodeURIComponent(id)}/`
}
