import { z } from 'zod'
import { setUnknownKeyLanguage } from './strict.js'

/** The two languages every user-facing string exists in. Anything else is a validation error. */
export const Lang = z.enum(['cs', 'en'])
export type Lang = z.infer<typeof Lang>

/** How the device protects the SMTP session: plain, STARTTLS upgrade, or TLS from the first byte (port 465). */
export const TlsMode = z.enum(['none', 'starttls', 'implicit'])
export type TlsMode = z.infer<typeof TlsMode>

/** TLS protocol versions as Node's `tls` module names them. */
export const TlsVersion = z.enum(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'])
export type TlsVersion = z.infer<typeof TlsVersion>

/** The three ways a device can send mail through Microsoft 365. */
export const SendOption = z.enum(['smtp-auth', 'direct-send', 'relay'])
export type SendOption = z.infer<typeof SendOption>

/** What the tenant's inbound connector for the device recognises it by, if known. */
export const ConnectorKind = z.enum(['none', 'ip', 'certificate', 'unknown'])
export type ConnectorKind = z.infer<typeof ConnectorKind>

/** One SMTP reply: basic code, RFC 3463 enhanced status code when present, and the text. */
export const SmtpReply = z.object({
  code: z.number().int().min(200).max(599).describe('Basic reply code, e.g. 535.'),
  enhanced: z
    .string()
    .regex(/^[245]\.\d{1,3}\.\d{1,3}$/)
    .optional()
    .describe('Enhanced status code (RFC 3463), e.g. `5.7.3`.'),
  text: z.string().max(4096).describe('The reply text after the codes, lines joined by a space.'),
})
export type SmtpReply = z.infer<typeof SmtpReply>

/**
 * zod's own validation messages in `lang` from now on, for this whole process (the CLI sets it
 * from `--lang`; a server answering both languages leaves it alone). Our own messages, the
 * unknown-key ones (strict.ts), follow too.
 */
export function useValidationLanguage(lang: Lang): void {
  setUnknownKeyLanguage(lang)
  z.config(lang === 'cs' ? z.locales.cs() : z.locales.en())
}
