/**
 * Helpers for the tests of `npm run dist`'s artefacts (run by `npm run test:dist`, after the
 * dist build): where they are, running one as a process, and reading a Windows PE image.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const CLI_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const REPO = join(CLI_ROOT, '..', '..')
export const DIST = join(REPO, 'dist')
export const VERSION = (
  JSON.parse(readFileSync(join(CLI_ROOT, 'package.json'), 'utf8')) as { version: string }
).version

/** dist/<name>, or a clear failure naming the command that makes it. */
export function artefact(name: string): string {
  const file = join(DIST, name)
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run dist\` first`)
  return file
}

export type Run = { code: number | null; stdout: string; stderr: string }

/** Runs a command with a plain, English, colourless environment; `env` adds to it. */
export function run(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

export type ProbeJson = {
  findings: { id: string; severity: string }[]
  probe: { rcpt?: { ok: boolean; address: string }[] }
  transcript: string[]
  steps: { stage: string; ok: boolean }[]
}

/** The probe arguments for the simulator's SMTP AUTH endpoint. */
export function probeArgs(port: number, user: string): string[] {
  return [
    '--json',
    'probe',
    '--host',
    'localhost',
    '--port',
    String(port),
    '--user',
    user,
    '--from',
    user,
    '--to',
    'someone@contoso.com',
  ]
}

type Section = {
  name: string
  virtualAddress: number
  virtualSize: number
  rawOffset: number
  rawSize: number
}

/** The parts of a PE32+ image the Windows executable's test looks at. */
export type PeImage = {
  machine: number
  magic: number
  securityDirectorySize: number
  /** RT_RCDATA resources by name, each its data. */
  rcdata: Map<string, Buffer>
}

/** Reads the headers, the section table and the resource tree (type → name → language). */
export function readPe(b: Buffer): PeImage {
  if (b.toString('latin1', 0, 2) !== 'MZ') throw new Error('no MZ header')
  const pe = b.readUInt32LE(0x3c)
  if (b.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error('no PE signature')
  const machine = b.readUInt16LE(pe + 4)
  const sectionCount = b.readUInt16LE(pe + 6)
  const optionalSize = b.readUInt16LE(pe + 20)
  const optional = pe + 24
  const magic = b.readUInt16LE(optional)
  const directory = (i: number) => ({
    rva: b.readUInt32LE(optional + 112 + i * 8),
    size: b.readUInt32LE(optional + 112 + i * 8 + 4),
  })
  const sections: Section[] = []
  for (let i = 0; i < sectionCount; i++) {
    const s = optional + optionalSize + i * 40
    sections.push({
      name: b.toString('latin1', s, s + 8).replace(/\0+$/, ''),
      virtualSize: b.readUInt32LE(s + 8),
      virtualAddress: b.readUInt32LE(s + 12),
      rawSize: b.readUInt32LE(s + 16),
      rawOffset: b.readUInt32LE(s + 20),
    })
  }
  const fileOffset = (rva: number) => {
    const s = sections.find(
      (x) => rva >= x.virtualAddress && rva < x.virtualAddress + Math.max(x.virtualSize, x.rawSize),
    )
    if (!s) throw new Error(`RVA ${rva} is in no section`)
    return rva - s.virtualAddress + s.rawOffset
  }
  const rcdata = new Map<string, Buffer>()
  const resources = directory(2)
  if (resources.size > 0) {
    const base = fileOffset(resources.rva)
    const entries = (dir: number) => {
      const named = b.readUInt16LE(dir + 12)
      const ids = b.readUInt16LE(dir + 14)
      const out: { name: string | number; target: number; isDir: boolean }[] = []
      for (let i = 0; i < named + ids; i++) {
        const e = dir + 16 + i * 8
        const nameField = b.readUInt32LE(e)
        const offsetField = b.readUInt32LE(e + 4)
        let name: string | number = nameField
        if (nameField & 0x80000000) {
          const at = base + (nameField & 0x7fffffff)
          name = b.toString('utf16le', at + 2, at + 2 + b.readUInt16LE(at) * 2)
        }
        out.push({
          name,
          target: base + (offsetField & 0x7fffffff),
          isDir: Boolean(offsetField & 0x80000000),
        })
      }
      return out
    }
    const RT_RCDATA = 10
    for (const type of entries(base)) {
      if (type.name !== RT_RCDATA || !type.isDir) continue
      for (const named of entries(type.target)) {
        if (!named.isDir || typeof named.name !== 'string') continue
        const [lang] = entries(named.target)
        if (!lang || lang.isDir) continue
        const at = fileOffset(b.readUInt32LE(lang.target))
        rcdata.set(named.name, b.subarray(at, at + b.readUInt32LE(lang.target + 4)))
      }
    }
  }
  return { machine, magic, securityDirectorySize: directory(4).size, rcdata }
}
