import { z } from 'zod'

/**
 * Why a DNS check could not answer. Same codes as the probe's DNS stage (`ProbeErrorCode`),
 * repeated here as a literal list so this file does not import probe.ts (which imports it).
 */
const DnsCheckErrorCode = z.enum(['DNS_NOT_FOUND', 'DNS_SERVFAIL', 'DNS_TIMEOUT'])

/** A DNS check that did not get its answer: code and a short message naming the query. */
export const DnsCheckError = z.object({
  code: DnsCheckErrorCode,
  message: z.string().max(512),
})
export type DnsCheckError = z.infer<typeof DnsCheckError>

const DmarcPolicy = z.enum(['none', 'quarantine', 'reject'])

/**
 * The domain's DMARC record (RFC 7489) as published at `_dmarc.<domain>`, or at the
 * organisational domain's `_dmarc` when the domain itself has none.
 * @example { domain: 'contoso.com', found: true, name: '_dmarc.contoso.com', record: 'v=DMARC1; p=reject', policy: 'reject' }
 */
export const DmarcFacts = z.object({
  domain: z.string().max(253),
  /** A `v=DMARC1` record was found. false with no `error`: the domain publishes none. */
  found: z.boolean(),
  /** The name the record was read from (`_dmarc.<domain>` or the organisational domain's). */
  name: z.string().max(253).optional(),
  record: z.string().max(4096).optional(),
  /**
   * What receivers do with this domain's mail that fails DMARC: `p=`, or `sp=` when the record
   * is inherited from the organisational domain and has one.
   */
  policy: DmarcPolicy.optional(),
  /** `sp=`: the policy for subdomains, when the record names one. */
  subdomainPolicy: DmarcPolicy.optional(),
  /** `pct=` (default 100). */
  pct: z.number().int().min(0).max(100).optional(),
  /** `adkim=` / `aspf=`: relaxed (`r`, default) or strict (`s`) alignment. */
  adkim: z.enum(['r', 's']).optional(),
  aspf: z.enum(['r', 's']).optional(),
  /** More than one DMARC record: receivers ignore them all (RFC 7489 §6.6.3). */
  multiple: z.boolean().optional(),
  /** The record is there but has no valid `p=` tag (receivers treat it as absent). */
  invalid: z.boolean().optional(),
  /** How long the look-up took, milliseconds. */
  ms: z.number().nonnegative().optional(),
  error: DnsCheckError.optional(),
})
export type DmarcFacts = z.infer<typeof DmarcFacts>

/**
 * The DKIM selectors Microsoft 365 signs a custom domain with: `selector1._domainkey.<domain>`
 * and `selector2._domainkey.<domain>`, each a CNAME to a key Microsoft publishes
 * (`…._domainkey.<tenant>.onmicrosoft.com`, or `….dkim.mail.microsoft` for newer tenants).
 */
export const DkimFacts = z.object({
  domain: z.string().max(253),
  selectors: z
    .array(
      z.object({
        selector: z.string().max(63),
        /** The name that was asked, `<selector>._domainkey.<domain>`. */
        name: z.string().max(253),
        /** The CNAME target, lower case, no trailing dot. */
        cname: z.string().max(253).optional(),
        /** The CNAME points at a Microsoft 365 DKIM key name. */
        microsoft365: z.boolean(),
        /** A TXT record with a DKIM key (`p=`) answers at the name (through the CNAME). */
        keyPublished: z.boolean().optional(),
        error: DnsCheckError.optional(),
      }),
    )
    .max(10),
  /** Both Microsoft 365 selectors are CNAMEs to Microsoft 365 key names. */
  microsoft365Ready: z.boolean(),
  /** How long the look-ups took (in parallel), milliseconds. */
  ms: z.number().nonnegative().optional(),
})
export type DkimFacts = z.infer<typeof DkimFacts>
