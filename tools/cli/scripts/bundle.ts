/**
 * Bundles the CLI with esbuild into one CommonJS file, dist/smtp-doctor.cjs. Every command,
 * and the engine or probe it needs, sits behind a dynamic import that esbuild turns into a
 * lazily initialised module: a command evaluates only its own code. One CommonJS script (not
 * ESM chunks) lets the launcher compile it through `vm.Script` with a V8 code cache, which
 * Node 20 offers for scripts but not for ES modules; that halves the parse-and-compile time.
 * The workspace packages are bundled from their built dist (package "exports"); the simulator
 * stays external because only `sim` needs it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }

// `@smtp-doctor/core/probe` also re-exports the DNS probes, whose SPF check loads mailauth
// (iconv-lite, joi, tldts… over 1 MB, evaluated at import: core does not declare itself free of
// side effects, so esbuild cannot drop them). `probe` needs none of it: bundle the SMTP probe
// module itself. If core ever moves it, fall back to the public entry.
const probeEntry = createRequire(join(root, 'package.json')).resolve('@smtp-doctor/core/probe')
const probeModule = join(dirname(probeEntry), 'probe.js')
const alias: Record<string, string> = existsSync(probeModule)
  ? { '@smtp-doctor/core/probe': probeModule }
  : {}

/** zod's messages in other languages are never used here (see scripts/zod-no-locales.js). */
const zodWithoutLocales: Plugin = {
  name: 'zod-without-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: join(root, 'scripts', 'zod-no-locales.js') } : undefined,
    )
  },
}

// Code caches belong to one build of the bundle.
mkdirSync(dist, { recursive: true })
for (const f of readdirSync(dist, { withFileTypes: true }).filter((e) => e.isFile())) {
  if (f.name.endsWith('.cache') || f.name.endsWith('.mjs')) rmSync(join(dist, f.name), { force: true })
}
rmSync(join(dist, 'chunks'), { recursive: true, force: true })

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/smtp-doctor.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  external: ['@smtp-doctor/m365-sim'],
  alias,
  plugins: [zodWithoutLocales],
  define: { __VERSION__: JSON.stringify(pkg.version) },
})

if (process.argv.includes('--analyze')) {
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {}
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
