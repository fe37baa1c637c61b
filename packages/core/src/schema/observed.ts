import { z } from 'zod'

/**
 * The fixed vocabulary of what a person can see happen. Rules match on these ids.
 */
export const Symptom = z.enum([
  /** Nothing is ever sent. */
  'not-sending',
  /** It used to work and stopped. */
  'stopped-working',
  /** Mail to recipients outside the organisation does not arrive. */
  'external-recipients-not-receiving',
  /** Mail arrives but lands in Junk. */
  'marked-as-junk',
  /** The device reports an authentication / sign-in error. */
  'authentication-error',
  /** The tenant MX endpoint is too long for the device's server field. */
  'host-too-long-for-field',
  /** The device has nowhere to enter a username and password. */
  'no-credentials-field',
  /** The device cannot connect to the server at all. */
  'cannot-connect',
  /** The device reports a TLS / secure connection error. */
  'tls-error',
  /** The site's internet connection, ISP or public IP changed recently. */
  'network-changed',
])
export type Symptom = z.infer<typeof Symptom>

/** What was seen: the error text from the device, its log or an NDR, and symptoms. */
export const Observed = z.object({
  errorText: z
    .string()
    .max(5_000_000)
    .optional()
    .describe('A reply, a transcript, a whole device log or an NDR; English or Czech.'),
  symptoms: z.array(Symptom).max(20).optional().describe('Symptoms from the fixed vocabulary.'),
})
export type Observed = z.infer<typeof Observed>
