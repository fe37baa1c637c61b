/**
 * Test helpers: the built site on disk, and a tiny static server for it on 127.0.0.1:0
 * (what the API does in production, minus everything else).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** apps/docs/dist */
export const DIST = fileURLToPath(new URL('../dist/', import.meta.url))
/** apps/docs/test-results (gitignored) */
export const RESULTS = fileURLToPath(new URL('../test-results/', import.meta.url))

/** Fails clearly when the site has not been built. */
export function requireDist(): void {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error(`No built site at ${DIST}: run \`npm run build -w @smtp-doctor/docs\` first`)
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out.push(relative(dir, p).split(sep).join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

/** Every HTML page of the site, relative to dist. */
export function htmlFiles(): string[] {
  return listFiles(DIST).filter((f) => f.endsWith('.html'))
}

export function readDist(file: string): string {
  return readFileSync(join(DIST, file), 'utf8')
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

/** Maps a URL path to a file in dist: `/en/` → `en/index.html`; null when outside or missing. */
export function fileForPath(urlPath: string): string | null {
  let p: string
  try {
    p = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const abs = resolve(DIST, normalize(`.${p}`))
  if (abs !== DIST.replace(/\/$/, '') && !abs.startsWith(DIST)) return null
  const candidates = p.endsWith('/') ? [join(abs, 'index.html')] : [abs, join(abs, 'index.html')]
  for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return c
  return null
}

/** Serves dist on 127.0.0.1 on an ephemeral port. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const file = fileForPath(path)
    if (file === null) {
      const notFound = join(DIST, '404.html')
      res.writeHead(404, { 'content-type': TYPES['.html'] as string })
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'not found')
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    res.end(readFileSync(file))
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections()
        server.close((err) => (err ? fail(err) : ok()))
      }),
  }
}
