import { describe, expect, it } from 'vitest'
import {
  checkTarget,
  DEFAULT_PROBE_ALLOW,
  type GuardLookup,
  isPublicAddress,
  ProbeTargetDenied,
  parseAllowList,
  parseHost,
} from '../src/probe-guard.js'

const defaults = parseAllowList(DEFAULT_PROBE_ALLOW, false)
const fixed =
  (...addresses: string[]): GuardLookup =>
  async () =>
    addresses.map((address) => ({ address }))

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'allowed'
  } catch (err) {
    if (err instanceof ProbeTargetDenied) return err.reason
    throw err
  }
}

describe('parseHost', () => {
  it.each([
    ['smtp.office365.com', 'smtp.office365.com'],
    ['SMTP.Office365.COM.', 'smtp.office365.com'],
    ['  contoso-com.mail.protection.outlook.com ', 'contoso-com.mail.protection.outlook.com'],
  ])('reads %j as the name %j', (raw, host) => {
    expect(parseHost(raw)).toEqual({ kind: 'name', host })
  })

  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '::1'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['[::ffff:127.0.0.1]', '::ffff:7f00:1'],
  ])('reads %j as the IP literal %j', (raw, host) => {
    expect(parseHost(raw)).toEqual({ kind: 'ip', host })
  })

  it.each([
    '2130706433',
    '0x7f000001',
    '127.1',
    '0177.0.0.1',
    '127.0.0.1.',
    '0x7f.1',
    '127.000.000.001',
    'a.0x10',
  ])('treats %j as an IP literal in another notation (never a name)', (raw) => {
    expect(parseHost(raw).kind).toBe('ip')
  })

  it.each([
    '',
    'smtp.office365.com:25',
    'user@smtp.office365.com',
    'smtp.office365.com/x',
    '１２７.０.０.１',
    'ｓｍｔｐ.office365.com',
    '127.0.0.1%lo',
    '[127.0.0.1]',
    'fe80::1%eth0',
    '-bad.example',
    'a..b',
    'smtp.office365.com\u0000.evil',
    'x'.repeat(300),
  ])('refuses %j as invalid', (raw) => {
    expect(parseHost(raw).kind).toBe('invalid')
  })
})

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '100.64.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '240.0.0.1',
    '192.0.2.1',
    '198.18.0.1',
    '::1',
    '::',
    '::ffff:127.0.0.1',
    '::ffff:8.8.8.8',
    '64:ff9b::7f00:1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '2001:db8::1',
    '2002:7f00:1::1',
    '2001:0:4136:e378::1',
  ])('%s is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false)
  })

  it.each(['40.97.120.2', '52.96.0.1', '8.8.8.8', '2603:1026:c0b::2', '2a01:111:f400::1'])(
    '%s is public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true)
    },
  )
})

describe('parseAllowList', () => {
  it('reads host, port, wildcard and IPv6 entries', () => {
    const list = parseAllowList(
      ['sim.test:2525', '*.example.net', '127.0.0.1:25', '[::1]:587', 'localhost'],
      true,
    )
    expect(list).toEqual([
      { host: 'sim.test', wildcard: false, ip: false, port: 2525, allowPrivate: true },
      { host: 'example.net', wildcard: true, ip: false, port: undefined, allowPrivate: false },
      { host: '127.0.0.1', wildcard: false, ip: true, port: 25, allowPrivate: true },
      { host: '::1', wildcard: false, ip: true, port: 587, allowPrivate: true },
      { host: 'localhost', wildcard: false, ip: false, port: undefined, allowPrivate: true },
    ])
  })

  it.each(['sim.test:0', 'sim.test:99999', '*.127.0.0.1', '2130706433', 'a b'])('refuses %j', (entry) => {
    expect(() => parseAllowList([entry], true)).toThrow(/probe allow-list/)
  })
})

describe('checkTarget', () => {
  it('allows the Microsoft 365 endpoints when they resolve to public addresses, pinned', async () => {
    const target = await checkTarget('smtp.office365.com', 587, {
      allow: defaults,
      lookup: fixed('52.96.0.1'),
      timeoutMs: 1000,
    })
    expect(target.addresses).toEqual(['52.96.0.1'])
    expect(await target.lookup('anything')).toEqual([{ address: '52.96.0.1', family: 4 }])
    const mx = await checkTarget('Contoso-com.mail.protection.outlook.com.', 25, {
      allow: defaults,
      lookup: fixed('2a01:111:f400::1'),
      timeoutMs: 1000,
    })
    expect(mx.host).toBe('contoso-com.mail.protection.outlook.com')
  })

  it('refuses names off the list before resolving them', async () => {
    let calls = 0
    const lookup: GuardLookup = async () => {
      calls++
      return [{ address: '52.96.0.1' }]
    }
    for (const host of [
      'evil.example',
      'mail.protection.outlook.com',
      'office365.com',
      'smtp.office365.com.evil',
    ]) {
      expect(await reason(checkTarget(host, 25, { allow: defaults, lookup, timeoutMs: 1000 }))).toBe(
        'not-allowed',
      )
    }
    expect(calls).toBe(0)
  })

  it('refuses allowed names that resolve to non-public addresses (one is enough)', async () => {
    for (const answer of [
      ['127.0.0.1'],
      ['52.96.0.1', '10.0.0.5'],
      ['::ffff:127.0.0.1'],
      ['169.254.169.254'],
    ]) {
      expect(
        await reason(
          checkTarget('smtp.office365.com', 587, {
            allow: defaults,
            lookup: fixed(...answer),
            timeoutMs: 1000,
          }),
        ),
      ).toBe('non-public-address')
    }
  })

  it('allows loopback only for an exact configured entry, on its port', async () => {
    const allow = [...defaults, ...parseAllowList(['sim.test:2525'], true)]
    const ok = await checkTarget('sim.test', 2525, { allow, lookup: fixed('127.0.0.1'), timeoutMs: 1000 })
    expect(ok.addresses).toEqual(['127.0.0.1'])
    expect(
      await reason(checkTarget('sim.test', 25, { allow, lookup: fixed('127.0.0.1'), timeoutMs: 1000 })),
    ).toBe('port-not-allowed')
    const wild = parseAllowList(['*.lab.test'], true)
    expect(
      await reason(
        checkTarget('a.lab.test', 25, { allow: wild, lookup: fixed('127.0.0.1'), timeoutMs: 1000 }),
      ),
    ).toBe('non-public-address')
  })

  it('refuses IP literals in every notation unless that literal is allowed', async () => {
    const lookup = fixed('127.0.0.1')
    for (const host of [
      '127.0.0.1',
      '2130706433',
      '0x7f000001',
      '127.1',
      '0177.0.0.1',
      '[::ffff:127.0.0.1]',
      '::1',
    ]) {
      expect(await reason(checkTarget(host, 2525, { allow: defaults, lookup, timeoutMs: 1000 }))).toBe(
        'ip-literal',
      )
    }
    const allow = parseAllowList(['127.0.0.1:2525'], true)
    expect((await checkTarget('127.0.0.1', 2525, { allow, timeoutMs: 1000 })).addresses).toEqual([
      '127.0.0.1',
    ])
    for (const host of ['2130706433', '127.1', '0x7f000001', '[::ffff:127.0.0.1]', '127.0.0.1.']) {
      expect(await reason(checkTarget(host, 2525, { allow, timeoutMs: 1000 }))).toBe('ip-literal')
    }
  })

  it('reports resolution failures and timeouts as refusals', async () => {
    const failing: GuardLookup = async () => {
      throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' })
    }
    expect(
      await reason(
        checkTarget('smtp.office365.com', 587, { allow: defaults, lookup: failing, timeoutMs: 1000 }),
      ),
    ).toBe('resolution-failed')
    const never: GuardLookup = () => new Promise(() => {})
    expect(
      await reason(checkTarget('smtp.office365.com', 587, { allow: defaults, lookup: never, timeoutMs: 20 })),
    ).toBe('resolution-failed')
  })
})
