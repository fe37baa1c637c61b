import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PROBLEMS } from '../src/errors.js'

/* One registry keeps the problem types in sync with their documentation (like Fastify's errors test). */

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
const apiSection = readme.slice(readme.indexOf('## API'))

describe('problem registry', () => {
  const defs = Object.entries(PROBLEMS)

  it('has unique codes, types and titles, and error statuses only', () => {
    expect(new Set(defs.map(([, d]) => d.type)).size).toBe(defs.length)
    expect(new Set(defs.map(([, d]) => d.title)).size).toBe(defs.length)
    for (const [key, d] of defs) {
      expect(d.code).toBe(key)
      expect(d.code).toMatch(/^SD_API_[A-Z_]+$/)
      expect(d.type).toMatch(/^tag:smtp-doctor,2026:problem\/[a-z-]+$/)
      expect(d.status).toBeGreaterThanOrEqual(400)
      expect(d.status).toBeLessThan(600)
    }
  })

  it('every code is documented in the README API section, with its status', () => {
    expect(apiSection.length).toBeGreaterThan(0)
    for (const [code, d] of defs) {
      expect(apiSection, code).toContain(code)
      const at = apiSection.indexOf(code)
      expect(apiSection.slice(at, at + 120), code).toContain(String(d.status))
    }
  })
})
