import { z } from 'zod'
import { Observed } from './observed.js'
import { ProbeFacts } from './probe.js'
import { DeviceSettings } from './settings.js'
import { strictDeep } from './strict.js'
import { Tenant } from './tenant.js'
import { Token } from './token.js'

/**
 * Everything the engine reasons over: the device's settings, the tenant, what was
 * observed and what the probes measured. This schema is the contract between every
 * input (API body, CLI, probe) and the rules. Every object in it, however deep, refuses unknown
 * keys (naming the key meant, where one is close): a misspelt field must not be dropped silently.
 */
export const Facts = strictDeep(
  z.object({
    settings: DeviceSettings.optional().describe('What is typed into the device.'),
    tenant: Tenant.optional().describe('What is known about the Microsoft 365 tenant.'),
    observed: Observed.optional().describe('What was seen: error text and symptoms.'),
    probe: ProbeFacts.optional().describe('What the probes measured.'),
    token: Token.optional().describe(
      'The claims of the OAuth access token used for XOAUTH2, decoded locally (never the token).',
    ),
  }),
)
export type Facts = z.infer<typeof Facts>
