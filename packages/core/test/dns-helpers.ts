import { type DnsServerHandle, defaultDnsZone, startDnsServer } from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, expect } from 'vitest'
import type { DnsResolverOptions } from '../src/probe/index.js'

/** Deadline for the DNS tests: short, so the timeout cases stay quick. */
export const DNS_TIMEOUT_MS = 600

/**
 * Starts the simulator's DNS server (default Microsoft 365 zone) for the file, watches for
 * unhandled rejections, and hands out resolver options pointing at it.
 */
export function useSimDns(): { server: () => DnsServerHandle; resolver: () => DnsResolverOptions } {
  let server: DnsServerHandle | undefined
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason)
  }
  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled)
    server = await startDnsServer(defaultDnsZone)
  })
  afterAll(async () => {
    await server?.stop()
    // Let cancelled queries settle before checking nothing leaked.
    await new Promise((resolve) => setTimeout(resolve, 50))
    process.off('unhandledRejection', onUnhandled)
    expect(unhandled).toEqual([])
  })
  const get = (): DnsServerHandle => {
    if (!server) throw new Error('DNS server not started')
    return server
  }
  return { server: get, resolver: () => ({ servers: [get().address], timeoutMs: DNS_TIMEOUT_MS }) }
}

/**
 * The deadline was kept: waited for it, and then stopped (+10 %). The extra second is not a
 * speed claim: it absorbs timer delay when two test workers share the 2-core CI machine, and
 * still tells a kept deadline from a hang.
 */
export function expectWithinDeadline(ms: number, deadline = DNS_TIMEOUT_MS): void {
  expect(ms).toBeGreaterThanOrEqual(deadline * 0.9)
  expect(ms).toBeLessThanOrEqual(deadline * 1.1 + 1000)
}
