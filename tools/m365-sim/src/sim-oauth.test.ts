import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, demoScenario } from './presets.js'
import { formatOAuth, oauthSettings, type Sim, startSim } from './sim.js'

/* What `smtp-doctor sim` prints for probe --oauth: a scenario's own client secret is never shown. */

const OWN_SECRET = 'own-secret-value-7f3a9c'
let sim: Sim

beforeAll(async () => {
  sim = await startSim({
    ...demoScenario,
    oauth: {
      ...demoScenario.oauth,
      apps: [
        { clientId: DEMO_CLIENT_ID, mailboxes: ['scanner@contoso.com'], secrets: [{ value: OWN_SECRET }] },
      ],
    },
  })
}, 60_000)
afterAll(async () => {
  await sim?.stop()
})

describe('formatOAuth', () => {
  it('names the authority, the CA file and the app, but not a secret of the scenario', () => {
    const lines = formatOAuth(sim, '/tmp/ca.pem').join('\n')
    expect(lines).toContain(`SMTP_DOCTOR_AUTHORITY_HOST=${sim.endpoints.authority?.url}`)
    expect(lines).toContain('SMTP_DOCTOR_AUTHORITY_CA=/tmp/ca.pem')
    expect(lines).toContain(`--client-id ${DEMO_CLIENT_ID}`)
    expect(lines).toContain('SMTP_DOCTOR_CLIENT_SECRET=…')
    expect(lines).not.toContain(OWN_SECRET)
    expect(lines).not.toContain(DEMO_CLIENT_SECRET)
    expect(JSON.stringify(oauthSettings(sim, '/tmp/ca.pem'))).not.toContain(OWN_SECRET)
    expect(oauthSettings(sim, '/tmp/ca.pem')?.apps[0]?.demoSecret).toBe(false)
  })
})
