/**
 * @smtp-doctor/core/probe — Node-only probes (net, tls, dns). They measure an endpoint and
 * yield facts for `diagnose`; they never decide a fix.
 */

export * from './dns/index.js'
export { ProbeFailure } from './errors.js'
export {
  type ProbeHooks,
  type ProbeInput,
  ProbeOptions,
  type ProbeResult,
  type ProbeStepEvent,
  probe,
} from './probe.js'
export type { LookupFn, ResolveOptions, ResolverLike } from './resolve.js'
export { type TlsMatrix, type TlsMatrixEvent, TlsMatrixInput, tlsMatrix } from './tls-matrix.js'
