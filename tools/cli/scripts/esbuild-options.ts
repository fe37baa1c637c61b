/**
 * The CLI's esbuild options, shared by the clone's bundle (scripts/bundle.ts) and the
 * distributable one (scripts/dist.ts). Both are one minified CommonJS file in which every
 * command sits behind a dynamic import that esbuild turns into a lazily initialised module.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BuildOptions, Plugin } from 'esbuild'

/** tools/cli */
export const CLI_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(join(CLI_ROOT, 'package.json'), 'utf8')) as { version: string }
  return pkg.version
}

/** zod's messages in other languages are never used here (see scripts/zod-no-locales.js). */
const zodWithoutLocales: Plugin = {
  name: 'zod-without-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(CLI_ROOT, 'scripts', 'zod-no-locales.js') }
        : undefined,
    )
  },
}

/**
 * `standalone: false` (the clone): the simulator stays external, because only `sim` needs it
 * and the launcher lends its import() to load it from the workspace.
 * `standalone: true` (npm package, single executables): nothing outside Node's built-ins, so
 * the simulator is bundled too, behind its own lazy import, and `__smtpDoctorImport` is
 * compiled away.
 */
export function cliBuildOptions(opts: { standalone: boolean; outfile: string }): BuildOptions {
  // `@smtp-doctor/core/probe` also re-exports the DNS probes, whose SPF check loads mailauth
  // (iconv-lite, joi, tldts… over 1 MB, evaluated at import: core does not declare itself free
  // of side effects, so esbuild cannot drop them). `probe` needs none of it: bundle the SMTP
  // probe module itself. If core ever moves it, fall back to the public entry.
  const probeEntry = createRequire(join(CLI_ROOT, 'package.json')).resolve('@smtp-doctor/core/probe')
  const probeModule = join(dirname(probeEntry), 'probe.js')
  const alias: Record<string, string> = existsSync(probeModule)
    ? { '@smtp-doctor/core/probe': probeModule }
    : {}
  const define: Record<string, string> = { __VERSION__: JSON.stringify(cliVersion()) }
  if (opts.standalone) define.__smtpDoctorImport = 'undefined'
  return {
    absWorkingDir: CLI_ROOT,
    entryPoints: ['src/main.ts'],
    outfile: opts.outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    external: opts.standalone ? [] : ['@smtp-doctor/m365-sim'],
    alias,
    plugins: [zodWithoutLocales],
    define,
  }
}
