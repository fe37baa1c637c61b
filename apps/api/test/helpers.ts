import { promises as dns } from 'node:dns'
import net from 'node:net'
import {
  type DnsServerHandle,
  defaultDnsZone,
  demoScenario,
  type Sim,
  startDnsServer,
  startSim,
} from '@smtp-doctor/m365-sim'
import type { FastifyInstance } from 'fastify'
import { type ApiOptions, buildApp } from '../src/app.js'
import type { GuardLookup } from '../src/probe-guard.js'

/** A TCP server that only counts connections: any connection to it is an SSRF that got through. */
export type Canary = { port: number; host: string; connections: () => number; close: () => Promise<void> }

/** Starts a canary on `host` (default 127.0.0.1), port 0 unless given. */
export async function startCanary(host = '127.0.0.1', port = 0): Promise<Canary> {
  let count = 0
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    count++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.destroy()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as net.AddressInfo
  return {
    port: address.port,
    host,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

/** A guard lookup that asks a real DNS server (the simulator's) on loopback. */
export function resolverLookup(port: number): GuardLookup {
  const resolver = new dns.Resolver({ timeout: 1000, tries: 1 })
  resolver.setServers([`127.0.0.1:${port}`])
  return async (hostname) => {
    const [v4, v6] = await Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)])
    const out = [
      ...(v4.status === 'fulfilled' ? v4.value : []),
      ...(v6.status === 'fulfilled' ? v6.value : []),
    ]
    if (out.length === 0)
      throw Object.assign(new Error(`no addresses for ${hostname}`), { code: 'ENOTFOUND' })
    return out.map((address) => ({ address }))
  }
}

/** The simulator, its DNS server and an API allowed to probe it, listening on loopback. */
export type SimApi = {
  sim: Sim
  dnsServer: DnsServerHandle
  app: FastifyInstance
  base: string
  close(): Promise<void>
}

/**
 * Starts the demo simulator and its DNS server, and a listening API that resolves through that DNS
 * server and trusts the simulator's certificate. `options` adds to (or overrides) those settings;
 * `prepare` may add routes before the server listens.
 */
export async function startSimApi(
  options: (sim: Sim) => ApiOptions,
  prepare?: (app: FastifyInstance) => void,
): Promise<SimApi> {
  const sim = await startSim(demoScenario)
  const dnsServer = await startDnsServer(defaultDnsZone)
  const app = await buildApp({
    probeLookup: resolverLookup(dnsServer.port),
    probeCa: sim.certificatePem,
    rateLimit: { global: false, probe: { max: 1000, timeWindowMs: 60_000 } },
    ...options(sim),
  })
  prepare?.(app)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  return {
    sim,
    dnsServer,
    app,
    base: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close()
      await dnsServer.stop()
      await sim.stop()
    },
  }
}
