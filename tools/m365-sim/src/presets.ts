import type { SimScenarioInput } from './scenario.js'

/** Password of every demo account (demo data, not a secret). */
export const DEMO_PASSWORD = 'Correct-Horse-1'
/** XOAUTH2 token the demo `app@` account accepts. */
export const DEMO_TOKEN = 'demo-access-token-0123456789'

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
} satisfies SimScenarioInput
