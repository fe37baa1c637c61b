import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { advise, classify, diagnose, explain, ValidationError } from '../src/index.js'

function issuesOf(fn: () => unknown) {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError)
    return (e as ValidationError).issues
  }
  throw new Error('expected a ValidationError')
}

describe('bad input', () => {
  it('diagnose names each bad path', () => {
    const issues = issuesOf(() => diagnose({ settings: { host: '', port: 70000, tls: 'ssl' } } as never))
    expect(issues.map((i) => i.path).sort()).toEqual(['settings.host', 'settings.port', 'settings.tls'])
    for (const i of issues) expect(i.message).not.toBe('')
  })

  it('diagnose rejects non-objects and unknown symptoms', () => {
    expect(issuesOf(() => diagnose(null as never))[0]!.path).toBe('')
    expect(issuesOf(() => diagnose('550 5.7.60' as never)).length).toBeGreaterThan(0)
    expect(issuesOf(() => diagnose({ observed: { symptoms: ['on-fire'] } } as never))[0]!.path).toBe(
      'observed.symptoms.0',
    )
  })

  it('classify and advise validate their input', () => {
    expect(issuesOf(() => classify({ host: 'smtp.office365.com' } as never)).map((i) => i.path)).toEqual([
      'port',
      'tls',
    ])
    expect(issuesOf(() => advise({ dailyVolume: -1 }))[0]!.path).toBe('dailyVolume')
    expect(issuesOf(() => advise('x' as never)).length).toBeGreaterThan(0)
  })

  it('lang must be cs or en', () => {
    expect(issuesOf(() => explain('550 5.7.60', { lang: 'de' as never }))[0]!.path).toBe('lang')
    expect(issuesOf(() => diagnose({}, { lang: 'EN' as never }))[0]!.path).toBe('lang')
  })

  it('explain rejects non-strings with a ValidationError', () => {
    for (const v of [undefined, null, 42, {}, ['550 5.7.60']])
      expect(issuesOf(() => explain(v as never))).toEqual([{ path: 'text', message: 'Expected a string' }])
  })

  it('explain never throws for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => {
        expect(Array.isArray(explain(s).findings)).toBe(true)
      }),
      { numRuns: 500, seed: 7 },
    )
  })

  it('explain survives binary junk and enormous lines', () => {
    let junk = ''
    for (let i = 0; i < 2000; i++) junk += String.fromCharCode((i * 7919) % 65536)
    expect(() => explain(junk.repeat(200))).not.toThrow()
    expect(() => explain(`${'x'.repeat(300_000)} 550 5.7.60 send as this sender`)).not.toThrow()
    expect(() => explain('\r\n'.repeat(100_000))).not.toThrow()
  })
})
