import { z } from 'zod'

/**
 * Why a DNS check could not answer. Same codes as the probe's DNS stage (`ProbeErrorCode`),
 * repeated here as a literal list so this file does not import probe.ts (which imports it).
 */
const DnsCheckErrorCode = z.enum(['DNS_NOT_FOUND', 'DNS_SERVFAIL', 'DNS_TIMEOUT'])

/** A DNS check that did not get its answer: code and a short message naming the query. */
export const DnsCheckError = z.object({
  code: DnsCheckErrorCode.describe('Why the check failed: `DNS_NOT_FOUND`, `DNS_SERVFAIL` or `DNS_TIMEOUT`.'),
  message: z.string().max(512).describe('A short message naming the query.'),
})
export type DnsCheckError = z.infer<typeof DnsCheckError>

const DmarcPolicy = z.enum(['none', 'quarantine', 'reject'])

/**
 * The domain's DMARC record (RFC 7489) as published at `_dmarc.<domain>`, or at the
 * organisational domain's `_dmarc` when the domain itself has none.
 * @example { domain: 'contoso.com', found: true, name: '_dmarc.contoso.com', record: 'v=DMARC1; p=reject', policy: 'reject' }
 */
export const DmarcFacts = z.object({
  domain: z.string().max(253).describe('The domain looked up.'),
  found: z
    .boolean()
    .describe('A `v=DMARC1` record was found. false with no `error`: the domain publishes none.'),
  name: z
    .string()
    .max(253)
    .optional()
    .describe("The name the record was read from (`_dmarc.<domain>` or the organisational domain's)."),
  record: z.string().max(4096).optional().describe('The DMARC record as published.'),
  policy: DmarcPolicy.optional().describe(
    "What receivers do with this domain's mail that fails DMARC: `p=`, or `sp=` when the record is inherited from the organisational domain and has one.",
  ),
  subdomainPolicy: DmarcPolicy.optional().describe(
    '`sp=`: the policy for subdomains, when the record names one.',
  ),
  pct: z.number().int().min(0).max(100).optional().describe('`pct=` (default 100).'),
  adkim: z
    .enum(['r', 's'])
    .optional()
    .describe('`adkim=`: DKIM alignment, relaxed (`r`, default) or strict (`s`).'),
  aspf: z
    .enum(['r', 's'])
    .optional()
    .describe('`aspf=`: SPF alignment, relaxed (`r`, default) or strict (`s`).'),
  multiple: z
    .boolean()
    .optional()
    .describe('More than one DMARC record: receivers ignore them all (RFC 7489 §6.6.3).'),
  invalid: z
    .boolean()
    .optional()
    .describe('The record is there but has no valid `p=` tag (receivers treat it as absent).'),
  ms: z.number().nonnegative().optional().describe('How long the look-up took, milliseconds.'),
  error: DnsCheckError.optional().describe('Why the look-up failed, when it did.'),
})
export type DmarcFacts = z.infer<typeof DmarcFacts>

/**
 * The DKIM selectors Microsoft 365 signs a custom domain with: `selector1._domainkey.<domain>`
 * and `selector2._domainkey.<domain>`, each a CNAME to a key Microsoft publishes
 * (`…._domainkey.<tenant>.onmicrosoft.com`, or `….dkim.mail.microsoft` for newer tenants).
 */
export const DkimFacts = z.object({
  domain: z.string().max(253).describe('The domain whose selectors were looked up.'),
  selectors: z
    .array(
      z.object({
        selector: z.string().max(63).describe('The selector name, e.g. `selector1`.'),
        name: z.string().max(253).describe('The name that was asked, `<selector>._domainkey.<domain>`.'),
        cname: z.string().max(253).optional().describe('The CNAME target, lower case, no trailing dot.'),
        microsoft365: z.boolean().describe('The CNAME points at a Microsoft 365 DKIM key name.'),
        keyPublished: z
          .boolean()
          .optional()
          .describe('A TXT record with a DKIM key (`p=`) answers at the name (through the CNAME).'),
        error: DnsCheckError.optional().describe('Why the look-up failed, when it did.'),
      }),
    )
    .max(10)
    .describe('The selectors looked up (`selector1`, `selector2`).'),
  microsoft365Ready: z
    .boolean()
    .describe('Both Microsoft 365 selectors are CNAMEs to Microsoft 365 key names.'),
  lookupFailed: z
    .boolean()
    .optional()
    .describe('Some selector could not be looked up (then `microsoft365Ready: false` proves nothing).'),
  ms: z.number().nonnegative().optional().describe('How long the look-ups took (in parallel), milliseconds.'),
})
export type DkimFacts = z.infer<typeof DkimFacts>
