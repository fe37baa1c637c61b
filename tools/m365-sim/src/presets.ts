import type { SimScenarioInput } from './scenario.js'

/** Password of every demo account (demo data, not a secret). */
export const DEMO_PASSWORD = 'Correct-Horse-1'
/** XOAUTH2 token the demo `app@` account accepts. */
export const DEMO_TOKEN = 'demo-access-token-0123456789'

/** Application (client) id of the demo tenant's app registration. */
export const DEMO_CLIENT_ID = '2b5a9c4e-1d3f-4a6b-8c7d-9e0f1a2b3c4d'
/** Client secret of the demo app registration (demo data, not a secret). */
export const DEMO_CLIENT_SECRET = 'demo-client-secret-0123456789'
/** Tenant id of the demo tenant. */
export const DEMO_TENANT_ID = '5f3c8a1e-6b2d-4e7f-9a1c-3d5e7f9b1a2c'

/**
 * A tenant with one account per sign-in outcome, for demos, end-to-end tests and
 * `smtp-doctor sim` without a file.
 */
export const demoScenario = {
  name: 'demo',
  acceptedDomains: ['contoso.com'],
  accounts: [
    { username: 'scanner@contoso.com', password: DEMO_PASSWORD, sendAs: ['noreply@contoso.com'] },
    { username: 'nosmtp@contoso.com', password: DEMO_PASSWORD, smtpAuth: false },
    { username: 'mfa@contoso.com', password: DEMO_PASSWORD, signIn: 'security-defaults' },
    { username: 'ca@contoso.com', password: DEMO_PASSWORD, signIn: 'conditional-access' },
    { username: 'blocked@contoso.com', password: DEMO_PASSWORD, blockedSender: true },
    { username: 'app@contoso.com', password: DEMO_PASSWORD, accessToken: DEMO_TOKEN },
  ],
  oauth: {
    tenantId: DEMO_TENANT_ID,
    apps: [
      {
        clientId: DEMO_CLIENT_ID,
        name: 'Scanner mail',
        secrets: [{ value: DEMO_CLIENT_SECRET }],
        mailboxes: ['scanner@contoso.com', 'app@contoso.com'],
        delegated: ['SMTP.Send'],
      },
    ],
  },
} satisfies SimScenarioInput
