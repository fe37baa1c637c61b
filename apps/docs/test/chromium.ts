/**
 * Which Chromium the browser tests drive: Debian's (`/usr/bin/chromium`) when it is installed,
 * otherwise the one the registry's `@sparticuz/chromium` ships (a devDependency, so `npm install`
 * alone sets it up). `SMTP_DOCTOR_CHROMIUM=system|registry` forces one of them.
 *
 * The registry package keeps a brotli-compressed Chromium and unpacks it into `os.tmpdir()` on
 * first use, with no install script. It unpacks here in a child process whose TMPDIR is a folder
 * of our own, under a lock and with a completion marker, so parallel test files and a run killed
 * half-way never leave a truncated binary that later runs would trust. Its Amazon Linux 2023
 * libraries (NSS, NSPR, expat) are unpacked too and put first on LD_LIBRARY_PATH, so the browser
 * needs no system package at all.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BrowserContext, chromium } from 'playwright-core'

/** Debian's package puts its launcher here. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_ENV = 'SMTP_DOCTOR_CHROMIUM'

export type ChromiumSource = 'system' | 'registry'

export type FoundChromium = {
  source: ChromiumSource
  executablePath: string
  /** Extra environment the browser process needs (the registry build's own libraries). */
  env: Record<string, string>
}

export type LookupOptions = {
  /** Where the system browser is looked for; the tests of the order point it elsewhere. */
  systemPath?: string
  /** Defaults to process.env. */
  env?: NodeJS.ProcessEnv
  /** Where the registry browser is unpacked; defaults to a versioned folder in os.tmpdir(). */
  cacheDir?: string
}

/** Which source the lookup picks, without unpacking anything. */
export function chooseChromium(opts: LookupOptions = {}): ChromiumSource {
  const env = opts.env ?? process.env
  const systemPath = opts.systemPath ?? SYSTEM_CHROMIUM
  const forced = env[CHROMIUM_ENV]?.trim()
  if (forced === 'system' || forced === 'registry') return forced
  if (forced)
    throw new Error(`${CHROMIUM_ENV}=${forced} is not known: use "system", "registry" or leave it unset`)
  return existsSync(systemPath) ? 'system' : 'registry'
}

/** The browser to launch, unpacking the registry one on first use. */
export function findChromium(opts: LookupOptions = {}): FoundChromium {
  const systemPath = opts.systemPath ?? SYSTEM_CHROMIUM
  const source = chooseChromium(opts)
  if (source === 'system') {
    if (!existsSync(systemPath))
      throw new Error(
        `${CHROMIUM_ENV}=system but there is no Chromium at ${systemPath} (apt-get install -y chromium, or unset it)`,
      )
    return { source, executablePath: systemPath, env: {} }
  }
  const dir = opts.cacheDir ?? join(tmpdir(), `smtp-doctor-chromium-${registryVersion()}`)
  unpackRegistryChromium(dir)
  const libs = join(dir, 'al2023', 'lib')
  const inherited = (opts.env ?? process.env).LD_LIBRARY_PATH
  return {
    source,
    executablePath: join(dir, 'chromium'),
    env: {
      LD_LIBRARY_PATH: inherited ? `${libs}:${inherited}` : libs,
      FONTCONFIG_FILE: join(dir, FONTS_CONF),
    },
  }
}

const FONTS_CONF = 'smtp-doctor-fonts.conf'

/**
 * The package's own fonts.conf names Lambda's folders (/tmp/fonts, /var/task/fonts); from our
 * folder it would find no font at all, and then the renderer aborts on the site's pages (Skia:
 * "SkFontMgr_FontConfigInterface … Not implemented"). Ours lists the Open Sans it
 * unpacked and the system's font folders, where a machine has any.
 */
function fontsConf(dir: string): string {
  const dirs = [join(dir, 'fonts', 'fonts'), '/usr/share/fonts', '/usr/local/share/fonts']
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    ...dirs.map((d) => `  <dir>${d}</dir>`),
    `  <cachedir>${join(dir, 'fonts-cache')}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n')
}

const require = createRequire(import.meta.url)

function registryPackageDir(): string {
  // The package's exports map has no ./package.json; its CommonJS entry is build/cjs/index.cjs.
  return join(dirname(require.resolve('@sparticuz/chromium')), '..', '..')
}

/** The installed @sparticuz/chromium's version; its major is the Chromium major it ships. */
export function registryVersion(): string {
  const pkg = JSON.parse(readFileSync(join(registryPackageDir(), 'package.json'), 'utf8')) as {
    version: string
  }
  return pkg.version
}

// Bump when the unpacked layout changes, so older unpacked folders are redone.
const MARKER = 'unpacked-2'
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

function unpackRegistryChromium(dir: string): void {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(
      `@sparticuz/chromium ships Chromium for Linux x64 only (this is ${process.platform}-${process.arch}); install a Chromium at ${SYSTEM_CHROMIUM}`,
    )
  const marker = join(dir, MARKER)
  const lock = `${dir}.lock`
  const deadline = Date.now() + 5 * 60_000
  while (!existsSync(marker)) {
    try {
      mkdirSync(lock)
    } catch {
      // Another test file is unpacking; a lock older than 5 minutes belongs to a dead run.
      const age = Date.now() - safeMtime(lock)
      if (age > 5 * 60_000) rmSync(lock, { recursive: true, force: true })
      else if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`)
      else sleep(250)
      continue
    }
    try {
      if (existsSync(marker)) break
      rmSync(dir, { recursive: true, force: true })
      mkdirSync(dir, { recursive: true })
      // TMPDIR points the package's unpacking at `dir`; AWS_LAMBDA_JS_RUNTIME makes it unpack its
      // Amazon Linux 2023 libraries as well (it does so only where it thinks it runs on Lambda).
      const script =
        "import('@sparticuz/chromium').then(async (m) => process.stdout.write(await m.default.executablePath()))"
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: fileURLToPath(new URL('.', import.meta.url)),
        env: { ...process.env, TMPDIR: dir, AWS_LAMBDA_JS_RUNTIME: 'nodejs20.x' },
        encoding: 'utf8',
        timeout: 5 * 60_000,
      })
      const binary = join(dir, 'chromium')
      if (r.status !== 0 || r.stdout !== binary || !existsSync(join(dir, 'al2023', 'lib')))
        throw new Error(
          `@sparticuz/chromium did not unpack into ${dir} (status ${r.status}): ${r.stderr || r.stdout}`,
        )
      writeFileSync(join(dir, FONTS_CONF), fontsConf(dir))
      writeFileSync(marker, `${statSync(binary).size}\n`)
    } finally {
      rmSync(lock, { recursive: true, force: true })
    }
  }
}

function safeMtime(p: string): number {
  try {
    return statSync(p).mtimeMs
  } catch {
    return Date.now()
  }
}

/** The flags every browser test starts Chromium with: headless, no sandbox, nothing in the background. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-extensions',
]

/**
 * The found Chromium (see `findChromium`) as a headless persistent context on a fresh profile in
 * os.tmpdir(), 1280×900 — what each browser test file opens; `close()` also removes the profile.
 */
export async function launchChromium(
  name: string,
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const browser = findChromium()
  const profile = await mkdtemp(join(tmpdir(), `smtp-doctor-${name}-chromium-`))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.executablePath,
    env: { ...process.env, ...browser.env },
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: CHROMIUM_ARGS,
  })
  return {
    context,
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}
