import type { FastifyInstance } from 'fastify'

/** The site's languages, the first being the default. */
const SITE_LANGS = ['en', 'cs'] as const
type SiteLang = (typeof SITE_LANGS)[number]

/**
 * The site language an `Accept-Language` header prefers (RFC 9110 §12.5.4: ranges by `q`,
 * `cs-CZ` counts for `cs`, `*` for the default); `en` when it names neither.
 * @example preferredSiteLang('cs-CZ,cs;q=0.9,en;q=0.8') // 'cs'
 */
export function preferredSiteLang(header: string | undefined): SiteLang {
  if (!header) return SITE_LANGS[0]
  const ranges = header
    .slice(0, 1024)
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined)
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i }
    })
    .filter((r) => r.tag.length > 0 && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
  for (const r of ranges) {
    if (r.tag === '*') return SITE_LANGS[0]
    const primary = r.tag.split('-')[0]
    const hit = SITE_LANGS.find((l) => l === primary)
    if (hit) return hit
  }
  return SITE_LANGS[0]
}

/** `GET /` redirects to the site in the language the browser asks for (`cs` → `/cs/`). */
export function registerSiteRoot(app: FastifyInstance): void {
  app.get('/', { schema: { hide: true }, config: { rateLimit: false } }, async (request, reply) =>
    reply
      .header('vary', 'Accept-Language')
      .header('cache-control', 'no-cache')
      .redirect(`/${preferredSiteLang(request.headers['accept-language'])}/`, 302),
  )
}
