import type { DeviceSettings } from '@smtp-doctor/core'
import { describe, expect, it } from 'vitest'
import { classify, rules } from '../src/index.js'

const MX = 'contoso-com.mail.protection.outlook.com'
const auth = { username: 'scanner@contoso.com', password: true }
const has = (id: string) => rules.some((r) => r.id === id)

type Row = [name: string, settings: DeviceSettings, option: string, expectIds: string[], problem: boolean]
const TABLE: Row[] = [
  [
    'SMTP AUTH, all correct',
    { host: 'smtp.office365.com', port: 587, tls: 'starttls', ...auth },
    'smtp-auth',
    ['smtp-auth-option'],
    false,
  ],
  [
    'MX host with credentials',
    { host: MX, port: 25, tls: 'starttls', ...auth },
    'direct-send',
    ['mx-host-with-credentials'],
    true,
  ],
  [
    'smtp.office365.com without credentials',
    { host: 'smtp.office365.com', port: 587, tls: 'starttls' },
    'smtp-auth',
    ['smtp-auth-no-credentials'],
    true,
  ],
  [
    'an IP address instead of the MX host',
    { host: '52.101.8.42', port: 25, tls: 'starttls' },
    'direct-send',
    [],
    true,
  ],
  [
    'legacy host mail.messaging.microsoft.com',
    { host: 'mail.messaging.microsoft.com', port: 25, tls: 'starttls' },
    'direct-send',
    ['legacy-host'],
    true,
  ],
  [
    'legacy host *.mail.eo.outlook.com',
    { host: 'contoso-com.mail.eo.outlook.com', port: 25, tls: 'starttls' },
    'direct-send',
    ['legacy-host'],
    true,
  ],
  [
    'port 465',
    { host: 'smtp.office365.com', port: 465, tls: 'implicit', ...auth },
    'smtp-auth',
    ['smtp-auth-port-465'],
    true,
  ],
  [
    'TLS off',
    { host: 'smtp.office365.com', port: 587, tls: 'none', ...auth },
    'smtp-auth',
    ['smtp-auth-tls-off'],
    true,
  ],
  [
    'from ≠ username',
    { host: 'smtp.office365.com', port: 587, tls: 'starttls', ...auth, from: 'noreply@contoso.com' },
    'smtp-auth',
    ['from-differs-from-username'],
    true,
  ],
  [
    'external recipients on direct send',
    { host: MX, port: 25, tls: 'starttls', from: 'scanner@contoso.com', recipients: ['ap@fabrikam.com'] },
    'direct-send',
    ['direct-send-external-recipients'],
    true,
  ],
  [
    'direct send inside the organisation',
    { host: MX, port: 25, tls: 'starttls', from: 'scanner@contoso.com', recipients: ['ap@contoso.com'] },
    'direct-send',
    ['direct-send-option'],
    false,
  ],
  [
    'relay through an IP connector',
    {
      host: MX,
      port: 25,
      tls: 'starttls',
      from: 'scanner@contoso.com',
      connector: 'ip',
      recipients: ['ap@fabrikam.com'],
    },
    'relay',
    ['smtp-relay-option'],
    false,
  ],
  ['something else entirely', { host: 'mail.example.net', port: 25, tls: 'none' }, 'unknown', [], false],
]

describe('classify', () => {
  it.each(TABLE)('%s', (_name, settings, option, expectIds, problem) => {
    const r = classify(settings, { lang: 'en' })
    expect(r.option).toBe(option)
    const ids = r.findings.map((f) => f.id)
    for (const id of expectIds.filter(has)) expect(ids).toContain(id)
    const problems = r.findings.filter((f) => f.severity !== 'info')
    if (problem)
      expect(
        problems.map((f) => f.id),
        'something is flagged',
      ).not.toEqual([])
    else expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.id)).toEqual([])
  })

  it('puts the misconfiguration before the informational option card', () => {
    const r = classify({ host: 'smtp.office365.com', port: 465, tls: 'implicit', ...auth })
    expect(r.findings[0]!.severity).not.toBe('info')
  })

  it('localizes', () => {
    const en = classify({ host: MX, port: 25, tls: 'starttls', ...auth }, { lang: 'en' }).findings
    const cs = classify({ host: MX, port: 25, tls: 'starttls', ...auth }, { lang: 'cs' }).findings
    expect(cs.map((f) => f.id)).toEqual(en.map((f) => f.id))
    expect(cs[0]!.title).not.toBe(en[0]!.title)
    expect(cs[0]!.docs).toMatch(/^\/cs\/rules\//)
  })
})
