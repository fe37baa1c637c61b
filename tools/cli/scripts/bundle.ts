/**
 * Bundles the CLI with esbuild into one CommonJS file, dist/smtp-doctor.cjs. Every command,
 * and the engine or probe it needs, sits behind a dynamic import that esbuild turns into a
 * lazily initialised module: a command evaluates only its own code. One CommonJS script (not
 * ESM chunks) lets the launcher compile it through `vm.Script` with a V8 code cache, which
 * Node 20 offers for scripts but not for ES modules; that halves the parse-and-compile time.
 * The workspace packages are bundled from their built dist (package "exports"); the simulator
 * stays external because only `sim` needs it (scripts/esbuild-options.ts has the options;
 * scripts/dist.ts builds the self-contained variant for the npm package and the executables).
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { CLI_ROOT, cliBuildOptions } from './esbuild-options.js'

const dist = join(CLI_ROOT, 'dist')

// Code caches belong to one build of the bundle.
mkdirSync(dist, { recursive: true })
for (const f of readdirSync(dist, { withFileTypes: true }).filter((e) => e.isFile())) {
  if (f.name.endsWith('.cache') || f.name.endsWith('.mjs')) rmSync(join(dist, f.name), { force: true })
}
rmSync(join(dist, 'chunks'), { recursive: true, force: true })

const result = await build(cliBuildOptions({ standalone: false, outfile: 'dist/smtp-doctor.cjs' }))

if (process.argv.includes('--analyze')) {
  const inputs = Object.values(result.metafile?.outputs ?? {})[0]?.inputs ?? {}
  const byPackage = new Map<string, number>()
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const key = file.includes('node_modules/')
      ? (file.split('node_modules/').pop() ?? file).split('/')[0]
      : file
    byPackage.set(key ?? file, (byPackage.get(key ?? file) ?? 0) + bytesInOutput)
  }
  for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`${(bytes / 1024).toFixed(1).padStart(8)} KB  ${name}`)
  }
}
