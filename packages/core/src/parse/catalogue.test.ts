import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildCatalogue, compileCatalogue, expandCodeRange, parseCodeRange } from './catalogue.js'
import { fold } from './fold.js'
import { compilePattern, PatternError } from './pattern.js'

describe('fold', () => {
  it('lower-cases, drops diacritics and collapses whitespace runs', () => {
    expect(fold('Klient NENÍ  ověřen\t\r\n pro odesílání')).toBe('klient neni overen pro odesilani')
    expect(fold('ÉÈÊ ŘŠŽ ůú')).toBe('eee rsz uu')
    // Decomposed input (e + combining acute) folds like precomposed.
    expect(fold('ove\u030Cr\u030Ceni\u0301')).toBe(fold('ověření'))
    expect(fold('a\u00A0\u2003b')).toBe('a b')
  })
})

describe('re: patterns (linear-time subset)', () => {
  it.each([
    ['ověř\\w* .{0,20}neúspěš', 'Ověřování uživatele NEÚSPĚŠNÉ', true],
    ['ověř\\w* .{0,20}neúspěš', 'ověřování bylo po dlouhém čekání zcela neúspěšné', false],
    ['5\\.7\\.1[0-9]{2} (denied|blocked)', 'xx 5.7.133 denied', true],
    ['5\\.7\\.1[0-9]{2} (denied|blocked)', 'xx 5.7.1a3 denied', false],
    ['smtp ?auth(entication)? disabled', 'SMTPAUTH disabled', true],
    ['err_[a-z_]+_invalid', 'ERR_TLS_CERT_ALTNAME_INVALID', true],
    ['rejected[^a-z]+policy', 'rejected: policy', true],
    ['rejected[^a-z]+policy', 'rejected by policy', false],
    ['mailbox (full|over quota)', 'mailbox over quota', true],
    // The line's ends count as a line break, so a negated class matches there.
    ['aadsts700016[^0-9]', 'AADSTS700016', true],
    ['aadsts700016[^0-9]', 'AADSTS7000160: no', false],
    ['[^a-z]tls 1\\.0', 'TLS 1.0 is off', true],
  ])('%s on %s → %s', (src, text, want) => {
    expect(compilePattern(src).test(fold(text))).toBe(want)
  })

  it.each([
    ['^auth failed', /anchors/],
    ['auth failed$', /anchors/],
    ['(?=auth)failed', /look-around/],
    ['(auth) \\1 failed', /escape/],
    ['auth\\b failed', /escape/],
    ['auth.*? failed', /lazy/],
    ['auth.{1,} failed', /\{/],
    ['a.{0,500}b', /repetition/],
    ['[a-z]+ [0-9]+', /literal run/],
    ['ab|cdef', /literal run/],
    ['(unclosed', /unclosed/],
    ['x{2}{3}abc', /stacked/],
  ])('rejects %s', (src, why) => {
    expect(() => compilePattern(src)).toThrow(PatternError)
    expect(() => compilePattern(src)).toThrow(why)
  })

  it('prefilters on every literal a match needs', () => {
    expect(compilePattern('ehlo .{0,40}(?:invalid|not a valid|rejected)').clauses).toEqual([
      ['ehlo'],
      ['invalid', 'not a valid', 'rejected'],
    ])
    expect(compilePattern('over\\w* (?:se )?neúspěš').clauses).toEqual([['neuspes'], ['over']])
    expect(compilePattern('abc|def').clauses).toEqual([['abc', 'def']])
  })

  it('a catalogue with re: matchers finds exactly what the patterns find on each folded line', () => {
    const sources = ['ehlo .{0,10}(?:invalid|rejected)', 'auth\\w* (?:ok|failed)', 'abc|xyz[0-9]']
    const { catalogue, problems } = buildCatalogue([
      {
        rule: 'r',
        recognise: Object.fromEntries(sources.map((src, i) => [`p${i}`, { en: [`re: ${src}`] }])),
      },
    ])
    expect(problems).toEqual([])
    const c = compileCatalogue(catalogue)
    const res = sources.map((src) => new RegExp(src))
    const unit = fc.constantFrom(...'ehlo invalid rejected auth ok failed abc xyz1 EHLO\t'.split(''))
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (s) => {
        const want = res.flatMap((re, i) => (re.test(fold(s)) ? [`p${i}`] : []))
        expect(c.phrasesIn(s)).toEqual(want)
      }),
      { numRuns: 500 },
    )
  })

  it('bounds the states of expanded repetitions', () => {
    expect(() => compilePattern('abc(.{0,100}){5}')).toThrow(/states/)
  })

  it('agrees with a backtracking engine on generated text (same semantics, no backtracking)', () => {
    const sources = [
      'abx[cd]?e+f',
      'xyw(yz|zy){1,3}w',
      'foo.{0,5}bar',
      'now\\d+ ?way',
      'qqq[^a]q',
      'aaa(b|ab)*c',
      'end[^a-z]',
      '[^0-9]123',
    ]
    // Same semantics as a dotAll RegExp over the line between two line breaks.
    const compiled = sources.map((s) => [compilePattern(s), new RegExp(s, 's')] as const)
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'abcdefqwxyz onr0123aaa'.split(''), 'end', '123'),
          maxLength: 60,
        }),
        (s) => {
          for (const [nfa, re] of compiled) expect(nfa.test(s)).toBe(re.test(`\n${s}\n`))
        },
      ),
      { numRuns: 400 },
    )
  })

  it('stays linear on the inputs that make backtracking engines explode', () => {
    // (a|aa)* style blow-up: a backtracking engine needs exponential steps to fail this match.
    const p = compilePattern('xab(a|aa){0,50}c')
    expect(p.test(`xab${'a'.repeat(10_000)}`)).toBe(false)
    expect(compilePattern('abc.{0,100}d.{0,100}e').test(`abc${'d'.repeat(50_000)}`)).toBe(false)
  })
})

describe('buildCatalogue', () => {
  it('reports every problem with the file and path', () => {
    const { problems } = buildCatalogue([
      { rule: 'a', recognise: { dup: { en: ['first phrase'] }, Bad_Id: { en: ['xyz'] } } },
      {
        rule: 'b',
        recognise: { dup: { en: ['again'] }, short: { en: ['ab'], de: ['etwas'] }, re: { en: ['re: ^x'] } },
        failures: { hiccup: { en: ['hic hic'] } } as never,
        tlsFailures: { 'name-mismatch': { en: ['cert name', 'CERT  NAME'] } },
        codeRanges: ['5.7.10-5.8.20', '5.7.900-5.7.1'],
      },
    ])
    expect(problems).toEqual([
      'src/rules/a/rule.yaml: recognise.Bad_Id: a phrase id is kebab-case',
      'src/rules/b/rule.yaml: recognise.dup: phrase "dup" is already defined in src/rules/a/rule.yaml (define it once; list it in phrases elsewhere)',
      'src/rules/b/rule.yaml: recognise.short.en[0]: "ab" is shorter than 3 characters once folded',
      'src/rules/b/rule.yaml: recognise.short.de: unknown language key (one of en, cs, any)',
      'src/rules/b/rule.yaml: recognise.re.en[0]: anchors are not supported at position 0 of "^x"',
      'src/rules/b/rule.yaml: failures.hiccup: not a failure kind (timeout, refused, reset, unreachable, dns, tls, could-not-connect)',
      'src/rules/b/rule.yaml: tlsFailures.name-mismatch.en[1]: "CERT  NAME" repeats another matcher of name-mismatch (after folding)',
      'src/rules/b/rule.yaml: codeRanges: "5.7.10-5.8.20": both ends need the same class and subject',
      'src/rules/b/rule.yaml: codeRanges: "5.7.900-5.7.1": the low end is above the high end',
    ])
  })

  it('parses and expands code ranges', () => {
    expect(parseCodeRange('5.7.606-5.7.609')).toEqual([5, 7, 606, 609])
    expect(expandCodeRange([5, 7, 606, 609])).toEqual(['5.7.606', '5.7.607', '5.7.608', '5.7.609'])
    expect(parseCodeRange('5.7.1-5.7.2000')).toMatch(/not a range|more than/)
  })

  it('the automaton finds exactly what a naive search over folded text finds', () => {
    const words = [
      'auth',
      'authentication failed',
      'thent',
      'ověření',
      'neúspěšné ověření',
      'fail ed',
      'ed f',
    ]
    const { catalogue, problems } = buildCatalogue([
      { rule: 'r', recognise: Object.fromEntries(words.map((w, i) => [`p${i}`, { en: [w] }])) },
    ])
    expect(problems).toEqual([])
    const c = compileCatalogue(catalogue)
    const unit = fc.constantFrom(...'authenticaion fld ověřeníúspšé\t  AUTHENTICATION'.split(''))
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (s) => {
        const want = words.flatMap((w, i) => (fold(s).includes(fold(w)) ? [`p${i}`] : []))
        expect(c.phrasesIn(s)).toEqual(want)
      }),
      { numRuns: 500 },
    )
  })
})
