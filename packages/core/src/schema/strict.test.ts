import { describe, expect, it } from 'vitest'
import { Facts } from './facts.js'
import { Needs } from './needs.js'
import { DeviceSettings, DeviceSettingsStrict } from './settings.js'
import { closestKey, strictDeep } from './strict.js'

const base = { host: 'smtp.office365.com', port: 587, tls: 'starttls' as const }

describe('strict contracts', () => {
  it('facts.settings.to is refused, naming recipients (it used to be dropped silently)', () => {
    const r = Facts.safeParse({ settings: { ...base, to: ['x@gmail.com'] } })
    expect(r.success).toBe(false)
    const issue = r.error?.issues[0]
    expect(issue?.path).toEqual(['settings'])
    expect(issue?.message).toContain('"to" (did you mean "recipients"?)')
  })

  it('a misspelt key gets the closest known key by edit distance', () => {
    const r = Facts.safeParse({ settings: { ...base, usrname: 'scanner@contoso.com' } })
    expect(r.error?.issues[0]?.message).toContain('"usrname" (did you mean "username"?)')
  })

  it('every nested object is strict: tenant.mailbox, probe steps, rcpt items', () => {
    const cases: [unknown, (string | number)[]][] = [
      [{ tenant: { mailbox: { sendAs: false } } }, ['tenant', 'mailbox']],
      [{ probe: { tcp: { ok: false, foo: 1 } } }, ['probe', 'tcp']],
      [{ probe: { rcpt: [{ ok: true, address: 'a@b.c', extra: 1 }] } }, ['probe', 'rcpt', 0]],
      [{ observed: { errortext: '535' } }, ['observed']],
      [{ setings: {} }, []],
    ]
    for (const [facts, path] of cases) {
      const r = Facts.safeParse(facts)
      expect(r.success, JSON.stringify(facts)).toBe(false)
      expect(r.error?.issues.map((i) => i.path)).toContainEqual(path)
    }
    expect(Facts.safeParse({ observed: { errortext: '535' } }).error?.issues[0]?.message).toContain(
      'did you mean "errorText"?',
    )
  })

  it('an unrelated key gets no suggestion, and the valid facts still parse unchanged', () => {
    const r = Facts.safeParse({ settings: { ...base, colour: 'blue' } })
    expect(r.error?.issues[0]?.message).toMatch(/^unknown key "colour"; known keys: host, port/)
    const ok = {
      settings: { ...base, recipients: ['a@contoso.com'] },
      tenant: { mailbox: { sendAsGranted: true } },
    }
    expect(Facts.parse(ok)).toEqual(ok)
  })

  it('the needs and the strict settings refuse CLI spellings with the API name', () => {
    expect(Needs.safeParse({ 'static-ip': true }).error?.issues[0]?.message).toContain('"staticIp"')
    expect(DeviceSettingsStrict.safeParse({ ...base, user: 'a' }).error?.issues[0]?.message).toContain(
      '"username"',
    )
    // The building block stays lenient: the probe parses its whole input (timeouts, hooks) with it.
    expect(DeviceSettings.safeParse({ ...base, timeoutMs: 5 }).success).toBe(true)
  })

  it('keeps checks and descriptions, and writes additionalProperties: false', async () => {
    const { z } = await import('zod')
    const S = z.object({
      a: z.string().max(2).describe('the a'),
      n: z.array(z.object({ b: z.number() })).max(1),
    })
    const T = strictDeep(S)
    expect(T.safeParse({ a: 'abc', n: [] }).success).toBe(false)
    expect(T.safeParse({ a: 'ab', n: [{ b: 1 }, { b: 2 }] }).success).toBe(false)
    const js = z.toJSONSchema(T) as unknown as {
      additionalProperties?: unknown
      properties: { a: { description?: string } }
    }
    expect(js.additionalProperties).toBe(false)
    expect(js.properties.a.description).toBe('the a')
  })

  it('closestKey: aliases first, then at most 2 edits, nothing for short or far keys', () => {
    expect(closestKey('to', ['recipients', 'from'])).toBe('recipients')
    expect(closestKey('to', ['from'])).toBeUndefined()
    expect(closestKey('prot', ['port', 'host'])).toBe('port')
    expect(closestKey('x', ['tls'])).toBeUndefined()
    expect(closestKey('zzzzzzzz', ['username'])).toBeUndefined()
  })
})

describe('unknown-key messages follow the validation language', () => {
  it('Czech after useValidationLanguage("cs"), English again after "en"', async () => {
    const { useValidationLanguage } = await import('./common.js')
    try {
      useValidationLanguage('cs')
      expect(Facts.safeParse({ settings: { ...base, to: [] } }).error?.issues[0]?.message).toBe(
        'neznámý klíč "to" (nemysleli jste "recipients"?); známé klíče: host, port, tls, username, password, accessToken, authMethod, from, recipients, connector, maxTlsVersion, sourceIp, staticIp, hostFieldMaxLength',
      )
    } finally {
      useValidationLanguage('en')
    }
    expect(Facts.safeParse({ settings: { ...base, to: [] } }).error?.issues[0]?.message).toMatch(
      /^unknown key "to"/,
    )
  })
})
