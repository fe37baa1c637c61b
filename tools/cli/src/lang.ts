import type { Lang } from '@smtp-doctor/core'

/**
 * The default language from the locale environment, in POSIX precedence order
 * (LC_ALL, then LC_MESSAGES, then LANG): Czech for `cs*`, English otherwise.
 */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return locale.toLowerCase().startsWith('cs') ? 'cs' : 'en'
}
