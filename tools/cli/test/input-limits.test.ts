import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

/*
 * Issue 13 #6 and #7: input caps hold for inputs whose size is unknown up front (devices, FIFOs,
 * stdin), and a malformed JSON file is reported by name and position, never by its content.
 */

const dir = mkdtempSync(join(tmpdir(), 'sd-input-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const CAP = /is larger than 64 MB/

describe('input caps counted on bytes read', () => {
  it('diagnose /dev/zero: stops at the cap, exit 2', async () => {
    const r = await runCli(['diagnose', '/dev/zero'], { timeoutMs: 60_000 })
    expect(r.stderr).toMatch(CAP)
    expect(r.code).toBe(2)
  })

  it('diagnose <fifo> fed without end: stops at the cap, exit 2', async () => {
    const fifo = join(dir, 'facts.fifo')
    execFileSync('mkfifo', [fifo])
    const cli = runCli(['diagnose', fifo], { timeoutMs: 60_000 })
    // The writer goes on until the reader hangs up (EPIPE), bounded by a byte budget.
    const writer = createWriteStream(fifo)
    writer.on('error', () => {})
    const chunk = Buffer.alloc(1024 * 1024, 0x20)
    let sent = 0
    const pump = (): void => {
      while (sent < 256 && !writer.destroyed) {
        sent++
        if (!writer.write(chunk)) return void writer.once('drain', pump)
      }
      writer.end()
    }
    pump()
    const r = await cli
    writer.destroy()
    expect(r.stderr).toMatch(CAP)
    expect(r.code).toBe(2)
    expect(sent).toBeLessThan(256)
  })

  it('diagnose - with more than the cap on stdin: exit 2', async () => {
    const r = await runCli(['diagnose', '-'], { input: ' '.repeat(64 * 1024 * 1024 + 10), timeoutMs: 60_000 })
    expect(r.stderr).toMatch(CAP)
    expect(r.code).toBe(2)
  })
})

describe('JSON errors quote nothing', () => {
  it('names the file, line and column, not the content', async () => {
    const secret = `Pw-${randomBytes(12).toString('hex')}`
    for (const [name, text] of [
      ['short.json', secret], // V8's short message form quotes the start of the input
      ['cut.json', `{"settings": {"password": "${secret}"`],
      ['bad.json', `{\n  "settings": {\n    "password": ${secret}\n  }\n}`],
    ] as const) {
      const file = join(dir, name)
      writeFileSync(file, text)
      const r = await runCli(['diagnose', file])
      expect(r.code).toBe(2)
      expect(r.stderr).toContain(`${file} is not valid JSON`)
      expect(r.stderr).toMatch(/at line \d+, column \d+/)
      expect(r.stderr).not.toContain(secret.slice(3, 10))
      expect(r.stdout).not.toContain(secret.slice(3, 10))
    }
    const r = await runCli(['diagnose', '-'], { input: `{"password": "${secret}",}` })
    expect(r.stderr).toMatch(/stdin is not valid JSON: .* at line 1, column \d+/)
    expect(r.stderr).not.toContain(secret.slice(3, 10))
  })

  it('sim with a malformed scenario file: file and position, not the content', async () => {
    const secret = `Pw-${randomBytes(12).toString('hex')}`
    const file = join(dir, 'scenario.json')
    writeFileSync(file, `{"mailboxes": [{"password": "${secret}"]}`)
    const r = await runCli(['sim', file], { timeoutMs: 30_000 })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/scenario\.json is not valid JSON: .* at line 1, column \d+/)
    expect(r.stderr).not.toContain(secret.slice(3, 10))
  })
})
