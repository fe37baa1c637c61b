import { describe, expect, it } from 'vitest'
import { explain } from '../src/index.js'

/*
 * Issue 13 #9: a reply the engine quotes in a finding may carry bidirectional overrides (U+202E
 * and friends) or control characters; findings go to terminals, pages and API JSON, so they are
 * replaced there.
 */

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

describe('quoted replies are printable', () => {
  for (const c of ['\u202e', '\u202a', '\u2066', '\u2069', '\u200f', '\u061c', '\u001b[31m', '\u009b']) {
    it(`U+${c.codePointAt(0)?.toString(16).padStart(4, '0').toUpperCase()} in a reply is replaced`, () => {
      const { findings } = explain(`550 5.7.999 Rejected ${c}moc.elbatsurt${c} by policy`, { lang: 'en' })
      expect(findings.length).toBeGreaterThan(0)
      const json = JSON.stringify(findings)
      // The reply is quoted (else this proves nothing), with the character replaced.
      expect(json).toContain('moc.elbatsurt')
      expect(json).not.toMatch(BIDI)
      expect(json).not.toMatch(CONTROL)
      expect(json).toContain('\uFFFD')
    })
  }
})
