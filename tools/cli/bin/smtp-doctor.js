#!/usr/bin/env node
// The committed launcher: plain CommonJS (bin/package.json says so) so the bin links and runs
// on a fresh clone before any build, and starts without the ES module loader.
//
// 1. If the bundle dist/smtp-doctor.cjs is missing, or older than the sources it is built from
//    (this workspace and core/rules/m365-sim, in a source checkout), build it once with turbo,
//    under a lock so parallel invocations don't build twice. The check is a few stat calls.
//    The npm package (scripts/dist.ts) ships this file with FROM_SOURCE false: no check at all.
//    So do the single executables, where it is the main script and the bundle is an asset.
// 2. Compile the bundle through vm.Script with a V8 code cache kept next to it, keyed by the
//    bundle's mtime and size and the Node version. Node 20 has no compile cache for modules;
//    this halves the time from start to the first byte on the wire. The cache is written at
//    exit of a command's first run, so it holds the functions that command compiled; where the
//    bundle's folder is read-only (a global install by root) it goes to the user's cache folder.
'use strict'
// scripts/dist.ts rewrites this line to `false` in the npm package, which has no sources.
const FROM_SOURCE = true
const fs = require('node:fs')
const path = require('node:path')
const vm = require('node:vm')
const Module = require('node:module')

/** Inside a single executable (scripts/dist.ts) the bundle is an asset of the executable. */
const sea = !FROM_SOURCE && isSea()
function isSea() {
  try {
    return require('node:sea').isSea()
  } catch {
    return false // Node before 20.12
  }
}

const cliDir = path.join(typeof __dirname === 'string' ? __dirname : path.dirname(process.execPath), '..')
const repoDir = path.join(cliDir, '..', '..')
const dist = path.join(cliDir, 'dist')
const bundle = path.join(dist, 'smtp-doctor.cjs')
const SOURCES = ['tools/cli/src', 'packages/core/src', 'packages/rules/src', 'tools/m365-sim/src']
const PACKAGES = ['tools/cli', 'packages/core', 'packages/rules', 'tools/m365-sim']

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs
  } catch {
    return -1
  }
}

/** Newest mtime under dir, skipping generated output so a build does not invalidate itself. */
function newest(dir, depth) {
  let max = -1
  let entries
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true })
  } catch {
    return max
  }
  for (const e of entries) {
    if (e.name === 'generated' || e.name === 'node_modules' || e.name.startsWith('.')) continue
    const p = path.join(dir, e.name)
    const t = e.isDirectory() ? (depth < 8 ? newest(p, depth + 1) : -1) : mtime(p)
    if (t > max) max = t
  }
  return max
}

function isStale() {
  const built = mtime(bundle)
  if (built < 0) return true
  if (!FROM_SOURCE || process.env.SMTP_DOCTOR_SKIP_BUILD_CHECK === '1') return false
  for (const dir of SOURCES) if (newest(path.join(repoDir, dir), 0) > built) return true
  for (const pkg of PACKAGES) if (mtime(path.join(repoDir, pkg, 'package.json')) > built) return true
  return false
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

function build() {
  if (!FROM_SOURCE || !fs.existsSync(path.join(repoDir, 'turbo.json'))) return false
  const lock = path.join(cliDir, '.build-lock')
  const deadline = Date.now() + 10 * 60_000
  for (;;) {
    try {
      fs.mkdirSync(lock)
      break
    } catch {
      // A lock older than 10 minutes belongs to a build that died.
      if (Date.now() - mtime(lock) > 10 * 60_000) fs.rmSync(lock, { recursive: true, force: true })
      else if (Date.now() > deadline) return false
      else sleep(200)
      if (!isStale()) return true
    }
  }
  try {
    if (!isStale()) return true
    process.stderr.write('smtp-doctor: building the CLI and the workspace packages it uses (once)…\n')
    const win = process.platform === 'win32'
    const args = ['turbo', 'run', 'build', '--filter=@smtp-doctor/cli...', '--output-logs=errors-only']
    const { spawnSync } = require('node:child_process')
    // Windows runs npx.cmd only through a shell (Node refuses .cmd files without one).
    const r = spawnSync(win ? 'npx.cmd' : 'npx', args, {
      cwd: repoDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      shell: win,
    })
    if (r.status !== 0 || mtime(bundle) < 0) {
      process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').slice(-40).join('\n'))
      return false
    }
    // turbo may leave an unchanged bundle (cache hit) with an old mtime; mark it current.
    const now = new Date()
    fs.utimesSync(bundle, now, now)
    return true
  } finally {
    fs.rmSync(lock, { recursive: true, force: true })
  }
}

if (!sea && isStale() && !build()) {
  process.stderr.write(
    'smtp-doctor: the build failed (see above); try `npx turbo run build --filter=@smtp-doctor/cli...`\n',
  )
  if (mtime(bundle) < 0) process.exit(2)
  process.stderr.write('smtp-doctor: running the previous build\n')
}

const origin = sea ? process.execPath : bundle
const source = sea ? require('node:sea').getAsset('smtp-doctor.cjs', 'utf8') : fs.readFileSync(bundle, 'utf8')
const stat = fs.statSync(origin)
// One cache per command: a cache holds the functions its run compiled, and `probe` compiles
// other code (probe, schema, engine) than `explain` or `--help` do.
const COMMANDS = ['explain', 'diagnose', 'classify', 'advise', 'probe', 'sim', 'rules']
const command = process.argv.slice(2).find((a) => COMMANDS.includes(a)) ?? 'other'
const key = `${Math.round(stat.mtimeMs)}-${stat.size}.${process.version}-${process.arch}`
// The executables and the package may share the user's cache folder: apart by name.
const kind = sea ? 'smtp-doctor-sea' : 'smtp-doctor'
const cacheName = `${kind}.${key}.${command}.cache`
let cachedData
try {
  if (sea) throw new Error('no folder of its own')
  cachedData = fs.readFileSync(path.join(dist, cacheName))
} catch {
  if (!FROM_SOURCE) {
    try {
      cachedData = fs.readFileSync(path.join(userCacheDir(), cacheName))
    } catch {}
  }
}
// The extra parameter lends the bundle this module's import(): a vm.Script can't import() in
// Node 20 without an experimental flag, and only `sim` needs it (the simulator is ESM, unbundled).
const wrapper = '(function (exports, require, module, __filename, __dirname, __smtpDoctorImport) {'
const script = new vm.Script(`${wrapper}${source}\n})`, { filename: origin, cachedData })
if (!cachedData || script.cachedDataRejected) {
  process.once('exit', (code) => {
    // A usage error compiled little of what the command needs: leave the cache to a real run.
    if (code !== 0 && code !== 1) return
    const data = script.createCachedData()
    if (!sea && writeCache(dist, data)) return
    if (!FROM_SOURCE) writeCache(userCacheDir(), data)
  })
}

/** Writes the cache atomically and drops caches of other builds; false where dir is read-only. */
function writeCache(dir, data) {
  try {
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, cacheName)
    const tmp = `${file}.${process.pid}`
    fs.writeFileSync(tmp, data)
    fs.renameSync(tmp, file)
    for (const f of fs.readdirSync(dir)) {
      if (f.startsWith(`${kind}.`) && f.endsWith('.cache') && !f.startsWith(`${kind}.${key}.`))
        fs.rmSync(path.join(dir, f), { force: true })
    }
    return true
  } catch {
    return false
  }
}

function userCacheDir() {
  const env = process.env
  const base =
    process.platform === 'win32'
      ? env.LOCALAPPDATA || path.join(require('node:os').homedir(), 'AppData', 'Local')
      : env.XDG_CACHE_HOME || path.join(require('node:os').homedir(), '.cache')
  return path.join(base, 'smtp-doctor')
}

const mod = { exports: {} }
const importer = (specifier) => import(specifier)
script
  .runInThisContext()
  .call(mod.exports, mod.exports, Module.createRequire(origin), mod, origin, path.dirname(origin), importer)
