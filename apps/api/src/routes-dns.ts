import { type Facts, Lang, ProbeFacts } from '@smtp-doctor/core'
import { DnsResolverOptions, DomainInput, FromDomain, IpInput, probeDns } from '@smtp-doctor/core/dns'
import { diagnose } from '@smtp-doctor/rules'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { ApiContext } from './app.js'
import { ApiError } from './errors.js'
import { FindingOut, ProblemOut } from './schemas.js'

/** Longest deadline a caller may give the DNS checks. */
export const MAX_DNS_TIMEOUT_MS = 30_000

const NO_CONTROLS = /^[^\u0000-\u001f\u007f-\u009f]*$/
const printable = (max: number) =>
  z.string().max(max).regex(NO_CONTROLS, 'control characters are not allowed')

const domain = printable(253)
  .min(1)
  .refine((v) => DomainInput.safeParse(v).success, 'not a valid domain name')

/** POST /v1/dns */
export const DnsBody = z
  .object({
    domain: domain.describe("The organisation's domain: MX, and SPF/DMARC/DKIM unless `from` names another."),
    ip: printable(64)
      .refine((v) => IpInput.safeParse(v).success, 'not an IPv4 or IPv6 address')
      .optional()
      .describe('The public IP the device sends from: SPF verdict and block-list look-ups.'),
    from: printable(320)
      .refine((v) => FromDomain.safeParse(v).success, 'not an e-mail address with a valid domain')
      .optional()
      .describe("The device's from-address: SPF, DMARC and DKIM are checked for its domain."),
    dnsbl: z
      .array(domain)
      .min(1)
      .max(10)
      .optional()
      .describe(
        'Block list zones to look the IP up in (default: zen.spamhaus.org, bl.spamcop.net, b.barracudacentral.org).',
      ),
    timeoutMs: z
      .number()
      .int()
      .min(100)
      .max(MAX_DNS_TIMEOUT_MS)
      .optional()
      .describe('Deadline of each check in ms (default 5000); the checks run in parallel.'),
    lang: Lang.default('en').describe('Language of the findings: `cs` or `en` (default `en`).'),
  })
  .strict()
  .meta({
    id: 'DnsRequest',
    examples: [
      { domain: 'contoso.com', ip: '203.0.113.7', lang: 'en' },
      {
        domain: 'contoso.com',
        from: 'scanner@contoso.com',
        ip: '203.0.113.7',
        dnsbl: ['zen.spamhaus.org'],
        lang: 'cs',
      },
    ],
  })

/** POST /v1/dns answer. */
export const DnsOut = z
  .object({
    findings: z
      .array(FindingOut)
      .describe(
        'Findings for what the DNS checks measured, most relevant first (each with its rule `id` and `docs`).',
      ),
    dns: ProbeFacts.pick({ mx: true, spf: true, dmarc: true, dkim: true, dnsbl: true }).describe(
      'What the checks measured: `mx`, `spf`, `dmarc`, `dkim`, `dnsbl` — the DNS parts of the probe facts (core’s ProbeFacts).',
    ),
  })
  .meta({
    id: 'DnsResult',
    examples: [
      {
        findings: [
          { id: 'spf-fail-sending-ip', option: 'direct-send', severity: 'error', codes: ['5.7.23'] },
        ],
        dns: {
          mx: {
            domain: 'contoso.com',
            isMicrosoft365: true,
            endpoint: 'contoso-com.mail.protection.outlook.com',
          },
          spf: { domain: 'contoso.com', ip: '203.0.113.7', result: 'fail', lookups: 1, voidLookups: 0 },
          dmarc: { domain: 'contoso.com', found: true, policy: 'reject' },
        },
      },
    ],
  })

type DnsMeasured = z.infer<typeof DnsOut>['dns']

/** The findings for what the DNS checks measured: the route's, and its OpenAPI example's. */
export function diagnoseDns(dns: DnsMeasured, domain: string, lang: Lang) {
  const facts: Facts = { probe: dns, tenant: { domain: dns.mx?.domain ?? domain } }
  return diagnose(facts, { lang }).findings
}

/**
 * What the checks measure for the simulator's demo zone (`smtp-doctor sim`): contoso.com on
 * Microsoft 365, DMARC p=reject, both DKIM selectors, an SPF record that lists 203.0.113.10 and
 * Microsoft 365 — and, with `ip`, the verdict and block lists for that IP. The OpenAPI response
 * examples are the engine's answer for these facts, so they are what the route would answer.
 */
export function demoDnsFacts(body: { domain: string; ip?: string }): DnsMeasured {
  const domain = body.domain.toLowerCase()
  const mx = `${domain.replace(/\./g, '-')}.mail.protection.outlook.com`
  const record = 'v=spf1 ip4:203.0.113.10 include:spf.protection.outlook.com -all'
  const audit = {
    record,
    lookups: 1,
    voidLookups: 0,
    overLookupLimit: false,
    overVoidLimit: false,
    includes: [
      {
        domain: 'spf.protection.outlook.com',
        lookups: 1,
        voidLookups: 0,
        kind: 'include' as const,
        via: domain,
      },
    ],
    includesMicrosoft365: true,
  }
  const selector = (n: 1 | 2) => ({
    selector: `selector${n}`,
    name: `selector${n}._domainkey.${domain}`,
    microsoft365: true,
    cname: `selector${n}-${domain.replace(/\./g, '-')}._domainkey.${domain.split('.')[0]}.onmicrosoft.com`,
    keyPublished: true,
  })
  return {
    mx: {
      domain,
      hosts: [{ exchange: mx, priority: 0 }],
      isMicrosoft365: true,
      preferred: mx,
      endpoint: mx,
      endpointKind: 'mail.protection.outlook.com',
    },
    spf:
      body.ip !== undefined
        ? { domain, ip: body.ip, result: body.ip === '203.0.113.10' ? 'pass' : 'fail', ...audit }
        : { domain, ...audit },
    dmarc: { domain, found: true, name: `_dmarc.${domain}`, record: 'v=DMARC1; p=reject', policy: 'reject' },
    dkim: { domain, selectors: [selector(1), selector(2)], microsoft365Ready: true },
    ...(body.ip !== undefined
      ? {
          dnsbl: {
            ip: body.ip,
            checked: ['zen.spamhaus.org', 'bl.spamcop.net', 'b.barracudacentral.org'],
            listed: [],
            errors: [],
          },
        }
      : {}),
  }
}

/**
 * Registers `POST /v1/dns`: MX, SPF, DMARC, DKIM selectors and block lists for a domain (and a
 * sending IP), then the diagnosis. Queries go only to the server's configured resolver
 * (`SMTP_DOCTOR_RESOLVER`, else the system's), never to a server the caller names.
 */
export async function registerDnsRoutes(scope: FastifyInstance, ctx: ApiContext): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>()
  // A bad SMTP_DOCTOR_RESOLVER stops the server at start, not at the first request.
  const parsed = ctx.dnsResolver ? DnsResolverOptions.safeParse({ servers: ctx.dnsResolver }) : undefined
  if (parsed && !parsed.success) {
    const bad = ctx.dnsResolver?.find((s) => !DnsResolverOptions.safeParse({ servers: [s] }).success)
    throw new Error(
      `SMTP_DOCTOR_RESOLVER: expected up to 8 comma-separated ip, ip:port or [ipv6]:port${bad ? `, got "${bad.slice(0, 80)}"` : ''}`,
    )
  }
  const servers = parsed?.data.servers

  app.post(
    '/v1/dns',
    {
      config: { rateLimit: { max: ctx.probeRateLimit.max, timeWindow: ctx.probeRateLimit.timeWindowMs } },
      schema: {
        tags: ['probe'],
        summary: "Check a domain's DNS, then diagnose",
        description:
          'MX (is the domain on Microsoft 365, and the exact endpoint DNS names), SPF (the verdict for `ip` when given; ' +
          'lookups and void lookups against the limits of 10 and 2, `spf.protection.outlook.com` with or without it), DMARC policy, ' +
          'the Microsoft 365 DKIM selectors and block-list listings of `ip`. Queries go only to the resolver the ' +
          'server is configured with (`SMTP_DOCTOR_RESOLVER`). Rate-limited per client like `/v1/probe`.',
        body: DnsBody,
        response: { 200: DnsOut, '4xx': ProblemOut, '5xx': ProblemOut },
      },
    },
    async (request) => {
      const body = request.body
      if (!ctx.probeSlots.tryTake()) {
        throw new ApiError('SD_API_OVERLOADED', 'Too many checks are running; retry later.')
      }
      try {
        const timeoutMs = body.timeoutMs ?? 5000
        const dns = await probeDns({
          domain: body.domain,
          resolver: { ...(servers ? { servers } : {}), timeoutMs },
          ...(body.ip !== undefined ? { ip: body.ip } : {}),
          ...(body.from !== undefined ? { from: body.from } : {}),
          ...(body.dnsbl ? { zones: body.dnsbl } : {}),
        })
        return { findings: diagnoseDns(dns, body.domain, body.lang), dns }
      } finally {
        ctx.probeSlots.release()
      }
    },
  )
}
