import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Rollup } from 'vite'
import { describe, expect, it } from 'vitest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

describe('browser-safe', () => {
  it('src/ imports no Node built-in', () => {
    const files = readdirSync(join(root, 'src')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    for (const f of files) {
      const code = readFileSync(join(root, 'src', f), 'utf8')
      expect(code, f).not.toMatch(/from '(node:|fs|path|net|tls|dns|os|url|crypto)['/]/)
    }
  })

  // The docs site bundles the engine through Vite for its in-browser "paste your error" page.
  it('bundles for the browser through Vite with nothing stubbed out', async () => {
    const out = (await build({
      root,
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry: join(root, 'src', 'index.ts'), formats: ['es'], fileName: 'engine' },
      },
    })) as Rollup.RollupOutput | Rollup.RollupOutput[]
    const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output)
    const code = chunks.map((c) => ('code' in c ? c.code : '')).join('\n')
    expect(code.length).toBeGreaterThan(1000)
    expect(code).not.toContain('__vite-browser-external')
    expect(code).not.toMatch(/from ['"]node:/)
  }, 120_000)
})
