import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { JsonSyntaxError, jsonErrorAt, parseJson } from './json-error.js'
import { loadScenario } from './scenario.js'

const dir = mkdtempSync(join(tmpdir(), 'sd-json-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A secret-looking canary made by the test. */
const canary = () => `Sk-${randomBytes(12).toString('hex')}`

describe('parseJson', () => {
  it('names the source, line and column, and quotes nothing of the text', () => {
    const secret = canary()
    for (const text of [
      secret, // V8's short form quotes this one
      `{"password": "${secret}"`,
      `{"password": "${secret}",}`,
      `{\n  "a": 1,\n  "password": ${secret}\n}`,
      `["${secret}" "${secret}"]`,
      `{"a": "${secret}\u0001"}`,
    ]) {
      let err: unknown
      try {
        parseJson(text, 'facts.json')
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(JsonSyntaxError)
      const message = (err as Error).message
      expect(message).toMatch(/^facts\.json is not valid JSON: .+ at line \d+, column \d+$/)
      expect(message).not.toContain(secret.slice(3, 9))
    }
  })

  it('a file name with escape sequences or a bidi override is shown with them replaced', () => {
    expect(() => parseJson('{', 'x\u001b[31m\u202Egnp.json')).toThrow(
      /^x\uFFFD\[31m\uFFFDgnp\.json is not valid JSON/,
    )
  })

  it('points at the right place', () => {
    expect(() => parseJson('{\n  "a": 1,\n  "b": x\n}', 'f')).toThrow(/line 3, column 8$/)
    expect(jsonErrorAt('[1, 2,]')).toEqual({ offset: 6, reason: 'unexpected character' })
    expect(jsonErrorAt('{"a":1} x')).toMatchObject({ offset: 8 })
    expect(jsonErrorAt('')).toMatchObject({ reason: 'unexpected end of input' })
  })

  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(jsonErrorAt(text)).toBeNull()
      }),
    )
    fc.assert(
      fc.property(fc.string(), (text) => {
        let valid = true
        try {
          JSON.parse(text)
        } catch {
          valid = false
        }
        expect(jsonErrorAt(text) === null).toBe(valid)
      }),
    )
  })

  it('handles deep nesting without recursion', () => {
    expect(jsonErrorAt(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toBeNull()
    expect(jsonErrorAt('['.repeat(200_000))).toMatchObject({ reason: 'unexpected end of input' })
  })
})

describe('loadScenario', () => {
  it('a malformed scenario file: file and position, not its content', async () => {
    const secret = canary()
    const file = join(dir, 'bad.json')
    writeFileSync(file, `{"endpoints": "${secret}`)
    await expect(loadScenario(file)).rejects.toThrow(/bad\.json is not valid JSON: .* at line 1, column \d+$/)
    await loadScenario(file).catch((e: Error) => expect(e.message).not.toContain(secret.slice(3, 9)))
  })
})
