/**
 * The single executables `npm run dist` writes. The Linux one runs here: `--version`, `explain`
 * (the same JSON as the clone's CLI) and `probe` against the simulator. The Windows one is
 * checked as a PE32+ x64 image carrying the SEA blob as its NODE_SEA_BLOB resource — the very
 * bundle the npm package ships — with the SEA fuse flipped and no stale signature; where Wine
 * is installed it runs too. And SHA256SUMS matches the files.
 */
import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_PASSWORD, demoScenario, type Sim, startSim } from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artefact, CLI_ROOT, DIST, type ProbeJson, probeArgs, readPe, run, VERSION } from './artefacts.js'

const USER = 'scanner@contoso.com'
const TEXT = '535 5.7.139 Authentication unsuccessful, the user credentials were incorrect'
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'
/** The first field of every SEA blob (node_sea.h). */
const SEA_MAGIC = 0x0143da20
const clone = join(CLI_ROOT, 'bin', 'smtp-doctor.js')

let sim: Sim
let scratch: string

beforeAll(async () => {
  sim = await startSim(demoScenario)
  scratch = mkdtempSync(join(tmpdir(), 'smtp-doctor-sea-'))
})
afterAll(async () => {
  await sim?.stop()
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

const expectNoPassword = (text: string) => {
  for (const secret of [DEMO_PASSWORD, Buffer.from(DEMO_PASSWORD).toString('base64')])
    expect(text).not.toContain(secret)
}

describe('dist/smtp-doctor-linux-x64', () => {
  const exe = () => artefact('smtp-doctor-linux-x64')

  it('--version', async () => {
    expect(await run(exe(), ['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
  })

  it('explain answers exactly as the clone does, and keeps a code cache in the user cache folder', async () => {
    const cacheHome = join(scratch, 'cache')
    const mine = await run(exe(), ['--json', 'explain', TEXT], { XDG_CACHE_HOME: cacheHome })
    const theirs = await run(clone, ['--json', 'explain', TEXT], { SMTP_DOCTOR_SKIP_BUILD_CHECK: '1' })
    expect(mine.stderr).toBe('')
    expect(mine.code).toBe(theirs.code)
    expect((JSON.parse(mine.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(0)
    expect(JSON.parse(mine.stdout)).toEqual(JSON.parse(theirs.stdout))
    const caches = readdirSync(join(cacheHome, 'smtp-doctor'))
    expect(caches.filter((f) => /^smtp-doctor-sea\..*\.explain\.cache$/.test(f))).toHaveLength(1)
  })

  it('probe goes through to RCPT TO on the simulator, and never prints the password', async () => {
    const r = await run(exe(), probeArgs(sim.endpoints.smtpAuth.port, USER), {
      SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD,
      XDG_CACHE_HOME: join(scratch, 'cache'),
    })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as ProbeJson
    expect(out.steps.every((s) => s.ok)).toBe(true)
    expect(out.probe.rcpt?.map((r) => r.ok)).toEqual([true])
    expectNoPassword(r.stdout)
  })
})

describe('dist/smtp-doctor-linux-x64, nothing else', () => {
  it('runs its own bundled simulator, probes it, and stops it with SIGTERM', async () => {
    const child = spawn(artefact('smtp-doctor-linux-x64'), ['--json', 'sim'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: join(scratch, 'cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    try {
      let text = ''
      const started = await new Promise<{ endpoints: { smtpAuth: { port: number } } }>((resolve, reject) => {
        child.on('error', reject)
        child.on('close', (code) => reject(new Error(`sim exited ${code} before printing its endpoints`)))
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          text += d
          try {
            resolve(JSON.parse(text))
          } catch {
            // not the whole object yet
          }
        })
      })
      const r = await run(
        artefact('smtp-doctor-linux-x64'),
        probeArgs(started.endpoints.smtpAuth.port, USER),
        {
          SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD,
          XDG_CACHE_HOME: join(scratch, 'cache'),
        },
      )
      expect(r.code).toBe(0)
      expect((JSON.parse(r.stdout) as ProbeJson).probe.rcpt?.map((x) => x.ok)).toEqual([true])
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })
})

describe('dist/smtp-doctor-win-x64.exe', () => {
  const exe = () => artefact('smtp-doctor-win-x64.exe')

  it('is a PE32+ x64 image whose NODE_SEA_BLOB resource holds the npm package’s bundle', () => {
    const image = readFileSync(exe())
    const pe = readPe(image)
    expect(pe.machine).toBe(0x8664)
    expect(pe.magic).toBe(0x20b)
    const blob = pe.rcdata.get('NODE_SEA_BLOB')
    expect(blob, 'no NODE_SEA_BLOB resource').toBeDefined()
    if (!blob) return
    expect(blob.readUInt32LE(0)).toBe(SEA_MAGIC)
    // Without a code cache the blob carries the main script verbatim: the package's bundle.
    const tgz = artefact(`smtp-doctor-${VERSION}.tgz`)
    const bundle = execFileSync('tar', ['-xzOf', tgz, 'package/dist/smtp-doctor.cjs'], {
      maxBuffer: 64 * 1024 * 1024,
    })
    expect(blob.indexOf(bundle)).toBeGreaterThan(0)
    // postject flips the fuse that tells node.exe to look for the blob.
    expect(image.includes(`${SEA_FUSE}:1`)).toBe(true)
    expect(image.includes(`${SEA_FUSE}:0`)).toBe(false)
    // The injection invalidated node.exe's Authenticode signature; dist drops it.
    expect(pe.securityDirectorySize).toBe(0)
  })

  const wine = ['/usr/lib/wine/wine64', '/usr/bin/wine64', '/usr/bin/wine'].find((p) => existsSync(p))
  it.skipIf(!wine)('runs under Wine: --version, explain and probe against the simulator', async () => {
    const prefix = join(tmpdir(), 'smtp-doctor-wine-prefix')
    mkdirSync(prefix, { recursive: true })
    // Wine's console pipes trip Node's stdio (EBADF); files work, as a redirect does on Windows.
    const underWine = async (args: string[], env: Record<string, string> = {}) => {
      const out = join(scratch, 'out.txt')
      const err = join(scratch, 'err.txt')
      const fds = [openSync(out, 'w'), openSync(err, 'w')] as const
      const code = await new Promise<number | null>((resolve, reject) => {
        const child = spawn(wine as string, [exe(), ...args], {
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            WINEPREFIX: prefix,
            WINEDEBUG: '-all',
            // Wine reports an older Windows than Node's minimum unless told otherwise.
            NODE_SKIP_PLATFORM_CHECK: '1',
            NO_COLOR: '1',
            LANG: 'C',
            ...env,
          },
          stdio: ['ignore', fds[0], fds[1]],
          timeout: 150_000,
        })
        child.on('error', reject)
        child.on('close', resolve)
      })
      for (const fd of fds) closeSync(fd)
      return { code, stdout: readFileSync(out, 'utf8'), stderr: readFileSync(err, 'utf8') }
    }
    expect((await underWine(['--version'])).stdout.trim()).toBe(VERSION)
    const explained = await underWine(['--json', 'explain', TEXT])
    const linux = await run(artefact('smtp-doctor-linux-x64'), ['--json', 'explain', TEXT], {
      XDG_CACHE_HOME: join(scratch, 'cache'),
    })
    expect(JSON.parse(explained.stdout)).toEqual(JSON.parse(linux.stdout))
    const probed = await underWine(probeArgs(sim.endpoints.smtpAuth.port, USER), {
      SMTP_DOCTOR_PASSWORD: DEMO_PASSWORD,
    })
    const out = JSON.parse(probed.stdout) as ProbeJson
    expect(out.steps.every((s) => s.ok)).toBe(true)
    expect(out.probe.rcpt?.map((r) => r.ok)).toEqual([true])
    expectNoPassword(probed.stdout)
  })
})

describe('dist/SHA256SUMS', () => {
  it('lists every artefact with its SHA-256, and each .sha256 beside it agrees', () => {
    const lines = readFileSync(artefact('SHA256SUMS'), 'utf8').trim().split('\n')
    const names = lines.map((l) => l.split('  ')[1])
    expect(names).toEqual(
      expect.arrayContaining([
        `smtp-doctor-${VERSION}.tgz`,
        'smtp-doctor-linux-x64',
        'smtp-doctor-win-x64.exe',
      ]),
    )
    for (const line of lines) {
      const [sum, name] = line.split('  ') as [string, string]
      const file = join(DIST, name)
      expect(createHash('sha256').update(readFileSync(file)).digest('hex'), name).toBe(sum)
      expect(readFileSync(`${file}.sha256`, 'utf8')).toBe(`${line}\n`)
    }
  })
})
