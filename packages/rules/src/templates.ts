import type { Facts } from '@smtp-doctor/core'
import type { DerivedFacts } from './derived.js'

/**
 * Rule commands are templates: `{{name}}` stands for a value from the input — the sign-in
 * mailbox, the from-address, the sending IP, the tenant's domain, its MX endpoint, the connector's
 * name, a recipient. The engine fills them from the facts of the run; where nothing is known the
 * placeholder becomes the contoso example value below. A command that is exactly
 * `{{exchange-online}}` becomes the two lines that install the module and connect, so every rule
 * with Exchange Online cmdlets says once how to connect (the words live here only).
 *
 * Values are filled only when they are plainly what they claim to be (an address, an IP, a domain,
 * a simple name): a PowerShell command is pasted into a shell, and input must never smuggle
 * `"`, `$`, a backtick or a `;` into it.
 */
export const PLACEHOLDERS = {
  mailbox: { example: 'scanner@contoso.com', about: 'the mailbox the device signs in with' },
  from: { example: 'sales@contoso.com', about: "the device's from-address" },
  recipient: { example: 'user@contoso.com', about: 'a recipient the device sends to' },
  ip: { example: '203.0.113.25', about: "the public IP the site's mail leaves from" },
  domain: { example: 'contoso.com', about: "the organisation's domain" },
  'mx-endpoint': { example: 'contoso-com.mail.protection.outlook.com', about: "the tenant's MX endpoint" },
  connector: { example: 'MFP relay', about: "the inbound connector's name" },
  admin: { example: 'admin@contoso.com', about: 'an Exchange administrator who connects' },
  'dnsbl-query': {
    example: '25.113.0.203.zen.spamhaus.org',
    about:
      "the block list look-up that lists the site's IP: its IPv4 octets reversed, then the zone (RFC 5782)",
  },
} as const satisfies Record<string, { example: string; about: string }>

export type PlaceholderName = keyof typeof PLACEHOLDERS
export type TemplateValues = Partial<Record<PlaceholderName, string>>

/** The connect preamble of Exchange Online PowerShell, as `{{exchange-online}}` expands. */
export const EXCHANGE_ONLINE_CONNECT = [
  'Install-Module ExchangeOnlineManagement -Scope CurrentUser',
  'Connect-ExchangeOnline -UserPrincipalName {{admin}}',
] as const

const PLACEHOLDER = /\{\{([a-z-]+)\}\}/g
const EMAIL = /^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+$/
const DOMAIN = /^(?=.{1,253}$)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+$/
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/
const IPV6 = /^[0-9A-Fa-f:]{2,39}$/
const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/

const KIND: Record<PlaceholderName, RegExp> = {
  mailbox: EMAIL,
  from: EMAIL,
  recipient: EMAIL,
  admin: EMAIL,
  ip: /^(?:[0-9.]{7,15}|[0-9A-Fa-f:]{2,39})$/,
  domain: DOMAIN,
  'mx-endpoint': DOMAIN,
  connector: NAME,
  'dnsbl-query': DOMAIN,
}

/** A value fit to paste into a command for this placeholder, or undefined. */
function safe(name: PlaceholderName, value: string | undefined): string | undefined {
  const v = value?.trim()
  if (!v || !KIND[name].test(v)) return undefined
  if (name === 'ip' && !IPV4.test(v) && !(v.includes(':') && IPV6.test(v))) return undefined
  return v
}

function domainOf(address: string | undefined): string | undefined {
  const at = address?.lastIndexOf('@') ?? -1
  return address && at > 0 ? address.slice(at + 1).toLowerCase() : undefined
}

/** `contoso.com` → `contoso-com.mail.protection.outlook.com`, the classic MX endpoint form. */
function mxFor(domain: string): string {
  return `${domain.toLowerCase().replace(/\./g, '-')}.mail.protection.outlook.com`
}

/**
 * The placeholder values the input gives: settings first (what the device uses), then the
 * tenant, then what the probes measured, then the envelope addresses in the text. Only values that pass the checks above are kept.
 */
export function templateValues(
  facts: Facts,
  derived?: Partial<Pick<DerivedFacts, 'hostKind' | 'textMailFrom' | 'textRcptTo'>>,
): TemplateValues {
  const s = facts.settings
  const t = facts.tenant
  const p = facts.probe
  const out: TemplateValues = {}
  const set = (name: PlaceholderName, ...candidates: (string | undefined)[]) => {
    for (const c of candidates) {
      const v = safe(name, c)
      if (v) {
        out[name] = v
        return
      }
    }
  }
  set('mailbox', s?.username)
  // The envelope addresses of a pasted log or transcript count too (MAIL FROM:<…>, RCPT TO:<…>).
  set('from', s?.from, p?.mailFrom?.address, derived?.textMailFrom ?? undefined)
  set('recipient', s?.recipients?.[0], p?.rcpt?.[0]?.address, derived?.textRcptTo?.[0])
  set('ip', s?.sourceIp, p?.spf?.ip, p?.dnsbl?.ip, t?.inboundConnector?.senderIps?.[0])
  set(
    'domain',
    t?.domain,
    domainOf(s?.from),
    domainOf(s?.username),
    p?.mx?.domain,
    p?.spf?.domain,
    domainOf(out.from),
  )
  const mxHost = derived?.hostKind === 'mx-endpoint' ? s?.host : undefined
  set('mx-endpoint', t?.mxEndpoint, mxHost, p?.mx?.endpoint, out.domain ? mxFor(out.domain) : undefined)
  set('connector', t?.inboundConnector?.name)
  // The listing a block list probe found, as the name to look up again (IPv4: RFC 5782 §2.1).
  const listedIn = p?.dnsbl?.listed?.[0]?.zone
  const listedIp = p?.dnsbl?.ip
  if (listedIn && listedIp && IPV4.test(listedIp))
    set('dnsbl-query', `${listedIp.split('.').reverse().join('.')}.${listedIn}`)
  if (out.domain) set('admin', `admin@${out.domain}`)
  return out
}

/**
 * A command split once at its known placeholders: literal text at even indices, placeholder
 * names at odd ones (`['Get-Mailbox "', 'mailbox', '"']`). Commands come from rule files, so
 * the cache stays small; every later fill is a join, no regex.
 */
type CompiledCommand = readonly string[]
const compiledCommands = new Map<string, CompiledCommand>()
function compileCommand(command: string): CompiledCommand {
  let parts = compiledCommands.get(command)
  if (!parts) {
    const out: string[] = []
    let text = ''
    let from = 0
    for (const m of command.matchAll(PLACEHOLDER)) {
      text += command.slice(from, m.index)
      from = m.index + m[0].length
      if (m[1]! in PLACEHOLDERS) {
        out.push(text, m[1]!)
        text = ''
      } else text += m[0]
    }
    out.push(text + command.slice(from))
    parts = out
    if (compiledCommands.size < 10_000) compiledCommands.set(command, parts)
  }
  return parts
}

function fillCompiled(parts: CompiledCommand, values: TemplateValues | (() => TemplateValues)): string {
  if (parts.length === 1) return parts[0]!
  const v = typeof values === 'function' ? values() : values
  let out = parts[0]!
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as PlaceholderName
    out += (v[name] ?? PLACEHOLDERS[name].example) + parts[i + 1]!
  }
  return out
}

/** One command with its placeholders filled (known values, else the contoso examples). */
export function fillCommand(command: string, values: TemplateValues): string {
  return fillCompiled(compileCommand(command), values)
}

/**
 * A rule's commands, ready to paste: `{{exchange-online}}` expanded to the connect lines, every
 * placeholder filled. With no values (a rule's article, `rules show`) the contoso examples show.
 * `values` may be a function: it is called only when some command has a placeholder to fill.
 * @example fillCommands(['{{exchange-online}}', 'Get-CASMailbox -Identity "{{mailbox}}"'], { mailbox: 'a@fabrikam.com' })
 */
export function fillCommands(
  commands: readonly string[],
  values: TemplateValues | (() => TemplateValues) = {},
): string[] {
  const out: string[] = []
  for (const c of commands) {
    if (c.trim() === '{{exchange-online}}')
      for (const line of EXCHANGE_ONLINE_CONNECT) out.push(fillCompiled(compileCommand(line), values))
    else out.push(fillCompiled(compileCommand(c), values))
  }
  return out
}

/** Placeholder names a command uses that are not defined (the registry test keeps this empty). */
export function unknownPlaceholders(command: string): string[] {
  const out: string[] = []
  for (const m of command.matchAll(PLACEHOLDER)) {
    const name = m[1]!
    if (name !== 'exchange-online' && !(name in PLACEHOLDERS)) out.push(name)
  }
  return out
}
