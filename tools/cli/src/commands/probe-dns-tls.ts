import type { Resolver } from 'node:dns/promises'
import type { DeviceSettings, Lang, ProbeFacts, TlsVersion } from '@smtp-doctor/core'
import type { DnsCheckEvent, DnsFacts } from '@smtp-doctor/core/dns'
import type { TlsMatrix, TlsMatrixEvent } from '@smtp-doctor/core/tls-matrix'
import { CliError } from '../errors.js'
import type { Style } from '../style.js'
import { parseFlag, renderCheck, resolverFromFlag, zonesFromFlag } from './dns.js'

/** The `probe` flags of the DNS checks and the TLS matrix. */
export type ProbeDnsTlsFlags = {
  tlsMatrix?: boolean
  deviceMaxTls?: string
  domain?: string
  ip?: string
  resolver?: string
  dnsbl?: string
}

const DEVICE_TLS: Record<string, TlsVersion> = {
  '1.0': 'TLSv1',
  '1.1': 'TLSv1.1',
  '1.2': 'TLSv1.2',
  '1.3': 'TLSv1.3',
}

const VERSION_LABEL: Record<TlsVersion, string> = {
  TLSv1: 'TLS 1.0',
  'TLSv1.1': 'TLS 1.1',
  'TLSv1.2': 'TLS 1.2',
  'TLSv1.3': 'TLS 1.3',
}

const WORDS: Record<Lang, Record<'accepted' | 'refused' | 'unknown' | 'device', string>> = {
  en: {
    accepted: 'accepted by the endpoint',
    refused: 'refused by the endpoint',
    unknown: 'could not tell',
    device: 'device ✓',
  },
  cs: {
    accepted: 'koncový bod přijímá',
    refused: 'koncový bod odmítá',
    unknown: 'nelze určit',
    device: 'zařízení ✓',
  },
}

/** `--device-max-tls 1.1` as the settings' `maxTlsVersion`. */
export function deviceMaxTls(value: string | undefined): TlsVersion | undefined {
  if (value === undefined) return undefined
  const v = DEVICE_TLS[value.trim()]
  if (!v) throw new CliError(`--device-max-tls must be 1.0, 1.1, 1.2 or 1.3, got "${value}"`)
  return v
}

/** One live line of the TLS matrix: the version, what the endpoint did, and when. */
export function renderTlsVersion(
  s: Style,
  lang: Lang,
  event: TlsMatrixEvent,
  deviceMax?: TlsVersion,
): string {
  const mark = event.accepted === true ? s.green('✔') : event.accepted === false ? s.yellow('✖') : s.dim('?')
  const word =
    WORDS[lang][event.accepted === true ? 'accepted' : event.accepted === false ? 'refused' : 'unknown']
  const order = Object.keys(VERSION_LABEL)
  const device =
    deviceMax === undefined
      ? ''
      : order.indexOf(event.version) <= order.indexOf(deviceMax)
        ? ` · ${WORDS[lang].device}`
        : ''
  const ms = `${Math.round(event.ms)} ms`
  return `${mark} ${s.bold(VERSION_LABEL[event.version].padEnd(10))} ${`${word}${device}`.padEnd(60)} ${s.dim(ms.padStart(7))}`
}

/** What ran next to the SMTP conversation. */
export type ProbeDnsTlsResult = { tlsVersions?: TlsMatrix; dns?: DnsFacts }

/** What `start` returns: the results to wait for, and the resolver the SMTP probe should use. */
export type ProbeDnsTlsRun = { finish: () => Promise<ProbeDnsTlsResult>; hostResolver?: Resolver }

/**
 * Validates the flags (before anything is printed or sent) and returns `start`, which launches
 * the TLS matrix and the DNS checks the flags ask for, in parallel with the probe the caller
 * runs next; each result is printed live through `out` (unless `json`). The DNS checks ask only
 * `--resolver` (else the system's resolver); the matrix dials the probe's own target.
 */
export async function prepareProbeDnsTls(
  flags: ProbeDnsTlsFlags,
  settings: DeviceSettings,
  timeoutMs: number,
): Promise<{
  start: (opts: { lang: Lang; json: boolean; style: Style; out: (line: string) => void }) => ProbeDnsTlsRun
}> {
  const wantDns = flags.domain !== undefined || flags.ip !== undefined
  const zones = zonesFromFlag(flags.dnsbl)
  const resolverOptions = resolverFromFlag(flags.resolver, Math.min(timeoutMs, 120_000))
  const core = await import('@smtp-doctor/core/dns')
  // The same checks, and the same messages naming the flag, as `smtp-doctor dns`.
  parseFlag('--resolver', core.DnsResolverOptions, resolverOptions)
  const domain =
    flags.domain !== undefined
      ? parseFlag('--domain', core.DomainInput, flags.domain)
      : wantDns && settings.from
        ? parseFlag('--from', core.FromDomain, settings.from)
        : undefined
  if (flags.ip !== undefined) parseFlag('--ip', core.IpInput, flags.ip)
  for (const zone of zones ?? []) parseFlag('--dnsbl', core.DomainInput, zone)
  const tls = flags.tlsMatrix ? await import('@smtp-doctor/core/tls-matrix') : undefined
  // `localhost` is never asked of a DNS server (RFC 6761 §6.3): `--host localhost --resolver …`
  // (the simulator's endpoints with its DNS zone) dials loopback and asks the resolver the rest.
  const hostViaResolver = resolverOptions.servers !== undefined && !isLocalhostName(settings.host)

  const start = (opts: {
    lang: Lang
    json: boolean
    style: Style
    out: (line: string) => void
  }): ProbeDnsTlsRun => {
    const live = (line: string) => {
      if (!opts.json) opts.out(line)
    }
    const matrix = tls?.tlsMatrix({
      host: settings.host,
      port: settings.port,
      tls: settings.tls,
      timeoutMs,
      // The matrix resolves the host through the same resolver as everything else in the run.
      ...(hostViaResolver ? { resolver: core.createDnsResolver(resolverOptions) } : {}),
      onVersion: (e) => live(renderTlsVersion(opts.style, opts.lang, e, settings.maxTlsVersion)),
    })
    const dns = wantDns
      ? core.probeDns({
          resolver: resolverOptions,
          ...(domain !== undefined ? { domain } : {}),
          ...(settings.from ? { from: settings.from } : {}),
          ...(flags.ip !== undefined ? { ip: flags.ip } : {}),
          ...(zones?.length ? { zones } : {}),
          onCheck: (e: DnsCheckEvent) => live(renderCheck(opts.style, opts.lang, e)),
        })
      : undefined
    // Neither may surface as an unhandled rejection while the SMTP probe runs.
    matrix?.catch(() => {})
    dns?.catch(() => {})
    const finish = async () => {
      const out: ProbeDnsTlsResult = {}
      if (matrix) out.tlsVersions = await matrix
      if (dns) out.dns = await dns
      return out
    }
    // With --resolver the SMTP probe resolves the host there too: one DNS server for the whole run.
    return hostViaResolver ? { finish, hostResolver: core.createDnsResolver(resolverOptions) } : { finish }
  }
  return { start }
}

/** `localhost`, `localhost.` or a name under `.localhost` (RFC 6761 §6.3). */
export function isLocalhostName(host: string): boolean {
  return /^(?:[^.]+\.)*localhost\.?$/i.test(host.trim())
}

/** The probe facts with what ran beside the conversation merged in. */
export function mergeProbeFacts(
  probe: ProbeFacts | undefined,
  extra: ProbeDnsTlsResult,
): ProbeFacts | undefined {
  if (!extra.tlsVersions && !extra.dns) return probe
  return {
    ...(probe ?? {}),
    ...(extra.tlsVersions ? { tlsVersions: extra.tlsVersions } : {}),
    ...(extra.dns ?? {}),
  }
}
