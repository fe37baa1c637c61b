import type { Facts, Lang } from '@smtp-doctor/core'
import type { DnsCheck, DnsCheckEvent, DnsFacts, DnsResolverOptions } from '@smtp-doctor/core/dns'
import type { Context } from '../context.js'
import { CliError, EXIT } from '../errors.js'
import { hasProblem, renderFindings } from '../render.js'
import { intFlag } from '../settings.js'
import type { Style } from '../style.js'

/** The flags of `smtp-doctor dns`, as commander hands them over. */
export type DnsFlags = {
  ip?: string
  from?: string
  resolver?: string
  dnsbl?: string
  timeout: string
}

type Labels = { [K in DnsCheck]: string } & { checking: (d: string, r: string) => string }

const LABELS: Record<Lang, Labels> = {
  en: {
    mx: 'MX',
    spf: 'SPF',
    dmarc: 'DMARC',
    dkim: 'DKIM',
    dnsbl: 'block lists',
    checking: (d, r) => `Checking the DNS of ${d} (resolver: ${r})`,
  },
  cs: {
    mx: 'MX',
    spf: 'SPF',
    dmarc: 'DMARC',
    dkim: 'DKIM',
    dnsbl: 'blokované IP',
    checking: (d, r) => `Kontrola DNS domény ${d} (resolver: ${r})`,
  },
}

/**
 * `ok`: answered, nothing to fix; `warn`: answered, and what it found leads to a finding below
 * (a Microsoft 365 piece missing, SPF not passing); `bad`: listed, SPF fail or permerror, or the
 * check could not be made (the error code says which).
 */
type Mark = 'ok' | 'warn' | 'bad'
type Line = { mark: Mark; text: string }

/** The words of the live lines, per language (record contents and codes stay as DNS has them). */
const WORDS = {
  en: {
    endpoint: (h: string) => `Microsoft 365 endpoint ${h}`,
    notM365: 'not Microsoft 365',
    resultFor: (r: string, ip: string) => `${r} for ${ip}`,
    noVerdict: 'record only (no verdict without --ip)',
    lookups: 'lookups',
    void: 'void',
    loop: 'include loop',
    noM365Include: 'no spf.protection.outlook.com',
    noRecord: (n: string) => `no record at ${n}`,
    multiple: 'more than one record',
    notM365Key: 'not Microsoft 365',
    none: 'none',
    listedOn: (z: string, c: string) => `listed on ${z} (${c})`,
    unusable: 'unusable answer',
    notListed: (n: number) => `not listed on ${n} list(s)`,
    inRecord: (v: string) => `in ${v}`,
    count: (n: number) => `${n} lookups`,
  },
  cs: {
    endpoint: (h: string) => `koncový bod Microsoft 365 ${h}`,
    notM365: 'není Microsoft 365',
    resultFor: (r: string, ip: string) => `${r} pro ${ip}`,
    noVerdict: 'jen záznam (bez --ip žádný verdikt)',
    lookups: 'dotazů',
    void: 'prázdných',
    loop: 'smyčka include',
    noM365Include: 'bez spf.protection.outlook.com',
    noRecord: (n: string) => `žádný záznam na ${n}`,
    multiple: 'víc než jeden záznam',
    notM365Key: 'není Microsoft 365',
    none: 'žádný',
    listedOn: (z: string, c: string) => `uvedena na ${z} (${c})`,
    unusable: 'nepoužitelná odpověď',
    notListed: (n: number) => `neuvedena na ${n} ${n === 1 ? 'seznamu' : 'seznamech'}`,
    inRecord: (v: string) => `v ${v}`,
    count: (n: number) => `${n} ${n === 1 ? 'dotaz' : n >= 2 && n <= 4 ? 'dotazy' : 'dotazů'}`,
  },
} as const satisfies Record<Lang, unknown>

/** What one finished check measured, in one line: facts only, the diagnosis comes after. */
export function describeCheck(event: DnsCheckEvent, lang: Lang = 'en'): Line {
  const w = WORDS[lang]
  switch (event.check) {
    case 'mx': {
      const mx = event.facts
      if (mx.error) return { mark: 'bad', text: `${mx.error.code}: ${mx.error.message}` }
      const hosts = mx.hosts.map((h) => `${h.priority} ${h.exchange}`).join(', ')
      return {
        mark: mx.endpoint ? 'ok' : 'warn',
        text: `${hosts} · ${mx.endpoint ? w.endpoint(mx.endpoint) : w.notM365}`,
      }
    }
    case 'spf': {
      const spf = event.facts
      // Without --ip the record is audited only: its limits and includes, no verdict.
      const parts: string[] = [
        spf.result && spf.ip
          ? w.resultFor(spf.result, spf.ip)
          : spf.record
            ? w.noVerdict
            : w.noRecord(spf.domain),
      ]
      if (spf.lookups !== undefined)
        parts.push(`${spf.lookups}${spf.lookupsAtLeast ? '+' : ''}/10 ${w.lookups}`)
      if (spf.voidLookups !== undefined) parts.push(`${spf.voidLookups}/2 ${w.void}`)
      if (spf.includeLoop) parts.push(w.loop)
      if (spf.includesMicrosoft365 !== undefined)
        parts.push(spf.includesMicrosoft365 ? 'spf.protection.outlook.com ✓' : w.noM365Include)
      if (spf.errorCode) parts.push(spf.errorCode)
      const overLimit = spf.overLookupLimit || spf.overVoidLimit || spf.includeLoop
      const mark: Mark =
        spf.errorCode || spf.result === 'fail' || spf.result === 'permerror' || spf.result === 'temperror'
          ? 'bad'
          : (spf.result ?? 'pass') !== 'pass' ||
              !spf.record ||
              overLimit ||
              spf.includesMicrosoft365 === false
            ? 'warn'
            : 'ok'
      return { mark, text: parts.join(' · ') }
    }
    case 'dmarc': {
      const d = event.facts
      if (d.error) return { mark: 'bad', text: `${d.error.code}: ${d.error.message}` }
      if (!d.found) return { mark: 'ok', text: w.noRecord(`_dmarc.${d.domain}`) }
      const tags = [`p=${d.policy ?? '?'}`]
      if (d.pct !== undefined) tags.push(`pct=${d.pct}`)
      if (d.adkim) tags.push(`adkim=${d.adkim}`)
      if (d.aspf) tags.push(`aspf=${d.aspf}`)
      return {
        mark: d.multiple ? 'warn' : 'ok',
        text: `${tags.join(' ')} (${d.name})${d.multiple ? ` · ${w.multiple}` : ''}`,
      }
    }
    case 'dkim': {
      const k = event.facts
      const failed = k.selectors.find((s) => s.error)
      if (failed?.error) return { mark: 'bad', text: `${failed.error.code}: ${failed.error.message}` }
      const text = k.selectors
        .map(
          (s) =>
            `${s.selector}: ${s.cname ? `${s.cname}${s.microsoft365 ? '' : ` (${w.notM365Key})`}` : w.none}`,
        )
        .join(' · ')
      return { mark: k.selectors.every((s) => s.cname && s.microsoft365) ? 'ok' : 'warn', text }
    }
    case 'dnsbl': {
      const b = event.facts
      const listed = b.listed.map((l) => w.listedOn(l.zone, l.codes.join(', ')))
      const errors = (b.errors ?? []).map((e) => `${e.zone}: ${e.code ?? w.unusable}`)
      const text = [...listed, ...errors].join(' · ') || w.notListed(b.checked.length)
      return { mark: listed.length > 0 || errors.length > 0 ? 'bad' : 'ok', text: `${b.ip}: ${text}` }
    }
  }
}

function clip(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim()
  return one.length > max ? `${one.slice(0, max - 1)}…` : one
}

/** Most include lines shown under an SPF record over its limits. */
const MAX_INCLUDE_LINES = 12

/**
 * Under an SPF record over a limit (or in a loop): where the lookups go, one line per include or
 * redirect — what the person must trim.
 */
export function spfIncludeLines(s: Style, spf: NonNullable<DnsFacts['spf']>, lang: Lang = 'en'): string[] {
  if (!spf.overLookupLimit && !spf.overVoidLimit && !spf.includeLoop) return []
  const includes = spf.includes ?? []
  const w = WORDS[lang]
  const lines = includes.slice(0, MAX_INCLUDE_LINES).map((i) => {
    const term = `${i.kind === 'redirect' ? 'redirect=' : 'include:'}${i.domain}`
    const voids = i.voidLookups ? `, ${i.voidLookups} ${w.void}` : ''
    const via = i.via ? ` (${w.inRecord(i.via)})` : ''
    return s.dim(`    ↳ ${clip(term, 50).padEnd(50)} ${w.count(i.lookups)}${voids}${via}`)
  })
  if (includes.length > MAX_INCLUDE_LINES)
    lines.push(s.dim(`    ↳ … +${includes.length - MAX_INCLUDE_LINES}`))
  return lines
}

/** One live line (plus the SPF include lines when over a limit): mark, check, what it found, when. */
export function renderCheck(s: Style, lang: Lang, event: DnsCheckEvent): string {
  const { mark: level, text } = describeCheck(event, lang)
  const mark = level === 'ok' ? s.green('✔') : level === 'warn' ? s.yellow('▲') : s.red('✖')
  const label = LABELS[lang][event.check].padEnd(14)
  const ms = `${Math.round(event.ms)} ms`
  const line = `${mark} ${s.bold(label)} ${clip(text, 72).padEnd(72)} ${s.dim(ms.padStart(7))}`.trimEnd()
  const extra = event.check === 'spf' ? spfIncludeLines(s, event.facts, lang) : []
  return [line, ...extra].join('\n')
}

/** `--resolver 127.0.0.1:5353` (or a comma-separated list) as the probes' resolver option. */
export function resolverFromFlag(value: string | undefined, timeoutMs: number): DnsResolverOptions {
  if (value === undefined) return { timeoutMs }
  const servers = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
  if (servers.length === 0) throw new CliError('--resolver needs ip[:port]')
  return { servers, timeoutMs }
}

/** Validates one argument with its schema; a failure names it (`--ip`, `<domain>`), exit 2. */
export function parseFlag<T>(
  flag: string,
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }
  },
  value: unknown,
): T {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  const issue = r.error.issues[0]
  const where = issue?.path.length ? ` (${issue.path.map(String).join('.')})` : ''
  throw new CliError(`${flag}: ${issue?.message ?? 'invalid'}${where}`)
}

/** `--dnsbl zen.spamhaus.org,bl.spamcop.net` as a zone list. */
export function zonesFromFlag(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  const zones = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
  if (zones.length === 0) throw new CliError('--dnsbl needs at least one zone')
  return zones
}

/**
 * `smtp-doctor dns <domain>`: MX, SPF (for `--ip`), DMARC, DKIM selectors and block lists,
 * each shown as it finishes, then the diagnosis. Only `--resolver` (or the system's resolver)
 * is asked. `--json` prints `{ findings, dns }`, as `POST /v1/dns` answers.
 */
export async function dnsCommand(ctx: Context, domain: string, flags: DnsFlags): Promise<number> {
  const timeoutMs = intFlag('timeout', flags.timeout, 100, 120_000)
  const resolver = resolverFromFlag(flags.resolver, timeoutMs)
  const zones = zonesFromFlag(flags.dnsbl)
  const { DnsResolverOptions, DomainInput, FromDomain, IpInput, probeDns } = await import(
    '@smtp-doctor/core/dns'
  )
  // Everything is checked before the first line is printed or the first query is sent.
  const name = parseFlag('<domain>', DomainInput, domain)
  if (flags.ip !== undefined) parseFlag('--ip', IpInput, flags.ip)
  if (flags.from !== undefined) parseFlag('--from', FromDomain, flags.from)
  parseFlag('--resolver', DnsResolverOptions, resolver)
  if (zones) for (const zone of zones) parseFlag('--dnsbl', DomainInput, zone)
  const s = ctx.style
  if (!ctx.json) ctx.out(s.bold(LABELS[ctx.lang].checking(name, resolver.servers?.join(', ') ?? 'system')))

  const dns: DnsFacts = await probeDns({
    domain: name,
    resolver,
    ...(flags.ip !== undefined ? { ip: flags.ip } : {}),
    ...(flags.from !== undefined ? { from: flags.from } : {}),
    ...(zones ? { zones } : {}),
    ...(ctx.json ? {} : { onCheck: (event: DnsCheckEvent) => ctx.out(renderCheck(s, ctx.lang, event)) }),
  })

  const { diagnose } = await import('@smtp-doctor/rules')
  const facts: Facts = { probe: dns, tenant: { domain: name } }
  const { findings } = diagnose(facts, { lang: ctx.lang })
  if (ctx.json) process.stdout.write(`${JSON.stringify({ findings, dns }, null, 2)}\n`)
  else {
    ctx.out('')
    ctx.out(renderFindings(ctx, findings))
  }
  return hasProblem(findings) ? EXIT.problem : EXIT.ok
}
