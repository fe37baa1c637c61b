import { type Facts, Symptom } from '@smtp-doctor/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/derived.js'
import { candidateCount, factBag, firingRuleIds } from '../src/engine.js'
import { rules } from '../src/index.js'
import { createReferenceEngine, referenceRuleIds } from '../src/reference.js'

/** Every example of every rule, as facts. */
const exampleFacts: Facts[] = rules.flatMap((r) =>
  [...r.examples.match, ...r.examples.noMatch].map((e) =>
    'text' in e ? { observed: { errorText: e.text } } : (e.facts as Facts),
  ),
)
const texts = rules.flatMap((r) => r.examples.match.flatMap((e) => ('text' in e ? [e.text] : [])))

const host = fc.constantFrom(
  'smtp.office365.com',
  'smtp-legacy.office365.com',
  'contoso-com.mail.protection.outlook.com',
  'mail.messaging.microsoft.com',
  'contoso-com.mail.eo.outlook.com',
  '52.96.1.2',
  '2603:1026::1',
  'mail.example.net',
)
const settings = fc.record(
  {
    host,
    port: fc.constantFrom(25, 465, 587, 2525),
    tls: fc.constantFrom('none', 'starttls', 'implicit'),
    username: fc.constantFrom('scanner@contoso.com', 'sales@contoso.com', ''),
    password: fc.boolean(),
    from: fc.constantFrom('scanner@contoso.com', 'noreply@contoso.com'),
    recipients: fc.constantFrom(['a@contoso.com'], ['b@fabrikam.com', 'a@contoso.com']),
    connector: fc.constantFrom('none', 'ip', 'certificate', 'unknown'),
    maxTlsVersion: fc.constantFrom('TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'),
    hostFieldMaxLength: fc.constantFrom(20, 64),
  },
  { requiredKeys: ['host', 'port', 'tls'] },
)
const tenant = fc.record({
  domain: fc.constant('contoso.com'),
  mxEndpoint: fc.constant('contoso-com.mail.protection.outlook.com'),
  rejectDirectSend: fc.boolean(),
  smtpAuthDisabledForTenant: fc.boolean(),
  basicAuthSmtpDisabled: fc.boolean(),
  securityDefaults: fc.boolean(),
  inboundConnector: fc.constantFrom({ matchesOn: 'ip' as const }, { matchesOn: 'certificate' as const }),
  mailbox: fc.record({
    smtpAuthDisabled: fc.option(fc.boolean()),
    mfaEnabled: fc.boolean(),
    sendAsGranted: fc.boolean(),
  }),
})
const observed = fc.record({
  errorText: texts.length
    ? fc.array(fc.constantFrom(...texts), { maxLength: 3 }).map((a) => a.join('\n'))
    : fc.constant(''),
  symptoms: fc.subarray(Symptom.options),
})
const probe = fc.record({
  error: fc.record({
    stage: fc.constantFrom('tcp', 'starttls', 'auth'),
    code: fc.constantFrom(
      'TCP_TIMEOUT',
      'TCP_REFUSED',
      'TLS_VERSION_MISMATCH',
      'STARTTLS_NOT_OFFERED',
      'AUTH_NOT_OFFERED',
    ),
    message: fc.constant('failed'),
  }),
  tlsVersions: fc.record({ TLSv1: fc.boolean(), 'TLSv1.2': fc.boolean() }),
  dnsbl: fc.record({
    ip: fc.constant('203.0.113.5'),
    checked: fc.constant(['zen.spamhaus.org']),
    listed: fc.constantFrom([], [{ zone: 'zen.spamhaus.org', codes: ['127.0.0.2'] }]),
  }),
  spf: fc.record({
    domain: fc.constant('contoso.com'),
    ip: fc.constant('203.0.113.5'),
    result: fc.constantFrom('pass', 'fail', 'softfail'),
  }),
})
const facts = fc.record({ settings, tenant, observed, probe }, { requiredKeys: [] }) as fc.Arbitrary<Facts>

describe('the fast engine agrees with json-rules-engine', () => {
  const reference = createReferenceEngine()
  const plain = createReferenceEngine(true)

  // Plain JSONPath is slow (~10 ms per run over 100+ rules), and the machine is shared: no timing here.
  it('on every rule example (our path resolver and plain JSONPath)', { timeout: 120_000 }, async () => {
    for (const f of exampleFacts) {
      const bag = factBag(f, analyze(f).derived)
      const fast = firingRuleIds(bag).sort()
      expect(await referenceRuleIds(reference, bag)).toEqual(fast)
      expect(await referenceRuleIds(plain, bag)).toEqual(fast)
    }
  })

  it('on generated fact sets', async () => {
    await fc.assert(
      fc.asyncProperty(facts, async (f) => {
        const bag = factBag(f, analyze(f).derived)
        expect(await referenceRuleIds(reference, bag)).toEqual(firingRuleIds(bag).sort())
      }),
      { numRuns: 300, seed: 42 },
    )
  })
})

describe('the trigger index', () => {
  it('sends a run only the rules its facts can wake', () => {
    const one = candidateCount({
      observed: { errorText: '550 5.7.60 SMTP; Client does not have permissions to send as this sender' },
    })
    expect(one).toBeGreaterThan(0)
    expect(one).toBeLessThan(Math.max(2, rules.length / 4))
    const avg = exampleFacts.reduce((n, f) => n + candidateCount(f), 0) / exampleFacts.length
    expect(avg).toBeLessThan(rules.length / 4)
  })
})
