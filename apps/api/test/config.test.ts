import { describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { configFromEnv } from '../src/config.js'

describe('configFromEnv', () => {
  it('defaults to 127.0.0.1:8080 and the Microsoft 365 endpoints only', () => {
    const c = configFromEnv({})
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', app: { probeAllow: [] } })
  })

  it('reads PORT, HOST, SMTP_DOCTOR_PROBE_ALLOW and SMTP_DOCTOR_SITE_DIR', () => {
    const c = configFromEnv({
      PORT: '9090',
      HOST: '::1',
      SMTP_DOCTOR_PROBE_ALLOW: ' smtp.office365.com:2525, 127.0.0.1:2526 ,,',
      SMTP_DOCTOR_SITE_DIR: '/nonexistent',
    })
    expect(c).toMatchObject({
      port: 9090,
      host: '::1',
      app: { probeAllow: ['smtp.office365.com:2525', '127.0.0.1:2526'], siteDir: '/nonexistent' },
    })
  })

  it('refuses a bad PORT and a bad allow-list entry with a clear message', async () => {
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT/)
    await expect(buildApp({ logger: false, probeAllow: ['127.0.0.1:99999'] })).rejects.toThrow(
      /probe allow-list/,
    )
  })
})
