import { z } from 'zod'

const LABEL = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$/i

/** A DNS name: labels of letters, digits, `-` and `_`, at most 253 characters, an optional trailing dot. */
export const DnsName = z
  .string()
  .min(1)
  .max(254)
  .refine(
    (name) =>
      name
        .replace(/\.$/, '')
        .split('.')
        .every((label) => LABEL.test(label)),
    {
      message: 'not a valid DNS name',
    },
  )

/**
 * How a name misbehaves. A fault covers the name and every name below it, as a broken
 * delegation would: `servfail` answers SERVFAIL, `timeout` never answers, `nxdomain`
 * answers NXDOMAIN even where records exist.
 */
export const DnsFault = z.enum(['servfail', 'timeout', 'nxdomain'])
export type DnsFault = z.infer<typeof DnsFault>

/** The records (and optional fault) of one name. */
export const DnsNameEntry = z
  .object({
    A: z.array(z.ipv4()).max(64).optional(),
    AAAA: z.array(z.ipv6()).max(64).optional(),
    MX: z
      .array(z.object({ exchange: DnsName, priority: z.number().int().min(0).max(65535) }).strict())
      .max(50)
      .optional(),
    /**
     * TXT records. A string longer than 255 characters is split into 255-character strings
     * on the wire, as DNS hosting panels do with long SPF records; an array is sent as given.
     * @example ['v=spf1 include:spf.protection.outlook.com -all']
     */
    TXT: z
      .array(z.union([z.string().max(4096), z.array(z.string().max(255)).min(1).max(17)]))
      .max(50)
      .optional(),
    /**
     * An alias. Asked for another type, the server answers the CNAME and then the target's
     * records from the zone, as a recursive resolver would (chains are followed up to 8 deep).
     * A name with a CNAME has no other records (RFC 1034 §3.6.2).
     * @example 'selector1-contoso-com._domainkey.contoso.onmicrosoft.com'
     */
    CNAME: DnsName.optional(),
    fault: DnsFault.optional(),
    /** Answer only after this many milliseconds (a slow but working server). */
    delayMs: z.number().int().min(0).max(60_000).optional(),
  })
  .strict()
  .refine((e) => !e.CNAME || (!e.A && !e.AAAA && !e.MX && !e.TXT), {
    message: 'a name with a CNAME has no other records',
    path: ['CNAME'],
  })
export type DnsNameEntry = z.infer<typeof DnsNameEntry>

/**
 * A zone for the simulator's DNS server: records by name. Names are case-insensitive and
 * may end in a dot. A name that is not listed (and has no listed name below it) is NXDOMAIN;
 * a listed name without records of the asked type answers NOERROR with no data.
 * @example { names: { 'contoso.com': { MX: [{ exchange: 'contoso-com.mail.protection.outlook.com', priority: 0 }] } } }
 */
export const DnsZone = z
  .object({
    /** TTL of every answer, seconds. */
    ttl: z.number().int().min(0).max(86_400).default(300),
    names: z.record(DnsName, DnsNameEntry),
  })
  .strict()
export type DnsZone = z.infer<typeof DnsZone>
/** A zone as written by hand (the TTL may be left out). */
export type DnsZoneInput = z.input<typeof DnsZone>
