import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// Inside the package, so '@smtp-doctor/core', 'yaml' and 'tsx' resolve as they do for the real build.
const cacheDir = join(root, 'node_modules', '.cache')
mkdirSync(cacheDir, { recursive: true })
const copy = mkdtempSync(join(cacheDir, 'build-clean-'))

afterAll(() => rmSync(copy, { recursive: true, force: true }))

describe('the bundle builds from a clean checkout', () => {
  // A clean clone has no src/generated/: nothing the build script imports may need it.
  it('scripts/build-bundle.ts runs without src/generated and writes the bundle', { timeout: 120_000 }, () => {
    cpSync(join(root, 'src'), join(copy, 'src'), {
      recursive: true,
      filter: (from) => !from.startsWith(join(root, 'src', 'generated')),
    })
    cpSync(join(root, 'scripts'), join(copy, 'scripts'), { recursive: true })
    cpSync(join(root, 'package.json'), join(copy, 'package.json'))
    expect(existsSync(join(copy, 'src', 'generated'))).toBe(false)
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(copy, 'scripts', 'build-bundle.ts')], {
      cwd: copy,
      encoding: 'utf8',
    })
    expect(r.stderr).not.toMatch(/Cannot find module/)
    expect(r.status, r.stderr).toBe(0)
    const built = JSON.parse(readFileSync(join(copy, 'src', 'generated', 'bundle.json'), 'utf8'))
    const real = JSON.parse(readFileSync(join(root, 'src', 'generated', 'bundle.json'), 'utf8'))
    expect(built.rules.map((x: { id: string }) => x.id)).toEqual(real.rules.map((x: { id: string }) => x.id))
    expect(built.catalogue.phrases).toEqual(real.catalogue.phrases)
  })
})
