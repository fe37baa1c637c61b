import { performance } from 'node:perf_hooks'
import { z } from 'zod'
import { TlsMode, type TlsVersion } from '../schema/common.js'
import { ProbeFailure } from './errors.js'
import { type ResolveOptions, resolveHost } from './resolve.js'
import { serverName, TLS_VERSIONS, versionOptions } from './tls-info.js'
import { Transcript } from './transcript.js'
import { connectTcp, SmtpWire } from './wire.js'

/** Input of `tlsMatrix`. */
export const TlsMatrixInput = z.object({
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  /** `starttls` (and `none`) do banner/EHLO/STARTTLS first; `implicit` handshakes at once. */
  tls: TlsMode,
  /** Budget for the whole matrix (the versions run in parallel). Default 10000. */
  timeoutMs: z.number().int().min(50).max(300_000).optional(),
  /** SNI name and certificate name when `host` is an address. */
  servername: z.string().max(253).optional(),
  ehloName: z.string().max(255).optional(),
})
export type TlsMatrixInput = z.infer<typeof TlsMatrixInput>

/** Per version: accepted (true), refused (false), or could not tell (null: connect/STARTTLS failed, timeout). */
export type TlsMatrix = Record<TlsVersion, boolean | null>

async function tryVersion(
  address: string,
  input: TlsMatrixInput,
  version: TlsVersion,
  deadline: number,
): Promise<boolean | null> {
  let wire: SmtpWire | null = null
  try {
    const socket = await connectTcp(address, input.port, deadline)
    wire = new SmtpWire(socket, new Transcript([]))
    if (input.tls !== 'implicit') {
      const banner = await wire.readReply(deadline)
      if (banner.code !== 220) return null
      const ehlo = await wire.command(`EHLO ${input.ehloName ?? 'smtp-doctor.invalid'}`, deadline)
      if (ehlo.code !== 250) return null
      const st = await wire.command('STARTTLS', deadline)
      if (st.code !== 220) return null
    }
    await wire.startTls(
      {
        ...serverName(input.servername ?? input.host),
        rejectUnauthorized: false,
        ...versionOptions(version, version),
      },
      deadline,
    )
    return true
  } catch (err) {
    if (!(err instanceof ProbeFailure)) return null
    // Only a failed handshake says "refused"; a dead connection or a timeout says nothing.
    return err.code === 'TLS_VERSION_MISMATCH' || err.code === 'TLS_HANDSHAKE_FAILED' ? false : null
  } finally {
    wire?.destroy()
  }
}

/** One version's outcome as `onVersion` reports it, with the time since the matrix started. */
export type TlsMatrixEvent = { version: TlsVersion; accepted: boolean | null; ms: number }

/**
 * Which TLS versions an endpoint accepts: one connection per version, all in parallel, each
 * offering exactly that version (for STARTTLS ports after banner, EHLO and STARTTLS).
 * `onVersion` hears each version as it finishes (for live progress). Never rejects except for
 * invalid input.
 */
export async function tlsMatrix(
  input: TlsMatrixInput & ResolveOptions & { onVersion?: (event: TlsMatrixEvent) => void },
): Promise<TlsMatrix> {
  const parsed = TlsMatrixInput.parse(input)
  const started = performance.now()
  const deadline = Date.now() + (parsed.timeoutMs ?? 10_000)
  const report = (version: TlsVersion, accepted: boolean | null) =>
    input.onVersion?.({ version, accepted, ms: Math.round((performance.now() - started) * 10) / 10 })
  const none: TlsMatrix = { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null }
  let address: string
  try {
    const resolve: ResolveOptions = {}
    if (input.lookup) resolve.lookup = input.lookup
    if (input.resolver) resolve.resolver = input.resolver
    address = (await resolveHost(parsed.host, resolve, deadline))[0] as string
  } catch {
    for (const v of TLS_VERSIONS) report(v, null)
    return none
  }
  const results = await Promise.all(
    TLS_VERSIONS.map((v) =>
      tryVersion(address, parsed, v, deadline).then((accepted) => {
        report(v, accepted)
        return accepted
      }),
    ),
  )
  const out = { ...none }
  TLS_VERSIONS.forEach((v, i) => {
    out[v] = results[i] ?? null
  })
  return out
}
