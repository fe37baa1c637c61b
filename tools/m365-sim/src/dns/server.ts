import type { AddressInfo, Socket } from 'node:net'
import { Packet, TCPServer, UDPServer } from 'dns2'
import { defaultDnsZone } from './default-zone.js'
import { type DnsFault, type DnsNameEntry, DnsZone, type DnsZoneInput } from './zone.js'

/** One query the server received. */
export type DnsQueryLogEntry = { name: string; type: string; transport: 'udp' | 'tcp' }

/** A running DNS server; UDP and TCP share the port, as resolvers expect when they retry over TCP. */
export type DnsServerHandle = {
  host: '127.0.0.1'
  port: number
  /** `host:port`, ready for `Resolver#setServers` or a probe's `servers` option. */
  address: string
  /** The queries received so far, oldest first (the last 10 000). */
  queries(): DnsQueryLogEntry[]
  /** Forgets the logged queries. */
  clearQueries(): void
  /** Closes both sockets and any open TCP connection; unanswered queries are dropped. */
  stop(): Promise<void>
}

const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3 } as const
const TYPE_NAMES: Record<number, string> = { 1: 'A', 5: 'CNAME', 28: 'AAAA', 15: 'MX', 16: 'TXT', 255: 'ANY' }
const MAX_CNAME_CHAIN = 8
const MAX_LOG = 10_000
const MAX_BIND_ATTEMPTS = 10

type Answer = { rcode: number; answers: Record<string, unknown>[] } | 'drop'

const norm = (name: string): string => name.toLowerCase().replace(/\.$/, '')

function txtStrings(value: string | string[]): string[] {
  if (Array.isArray(value)) return value
  const out: string[] = []
  for (let i = 0; i < value.length; i += 255) out.push(value.slice(i, i + 255))
  return out.length > 0 ? out : ['']
}

/**
 * Works out the answer to one question from the zone; pure, so it is easy to reason about.
 * A CNAME is answered and, for other types, followed inside the zone.
 */
function lookup(
  zone: DnsZone,
  names: Map<string, DnsNameEntry>,
  qname: string,
  qtype: number,
  depth = 0,
): Answer {
  const name = norm(qname)
  let fault: DnsFault | undefined
  for (let cut = name; cut !== ''; cut = cut.includes('.') ? cut.slice(cut.indexOf('.') + 1) : '') {
    fault = names.get(cut)?.fault
    if (fault) break
  }
  if (fault === 'timeout') return 'drop'
  if (fault === 'servfail') return { rcode: RCODE.SERVFAIL, answers: [] }
  if (fault === 'nxdomain') return { rcode: RCODE.NXDOMAIN, answers: [] }

  const entry = names.get(name)
  if (!entry) {
    const suffix = `.${name}`
    const hasChildren = [...names.keys()].some((n) => n.endsWith(suffix))
    return { rcode: hasChildren ? RCODE.NOERROR : RCODE.NXDOMAIN, answers: [] }
  }
  const base = { name: qname, ttl: zone.ttl, class: Packet.CLASS.IN }
  if (entry.CNAME) {
    const alias = { ...base, type: Packet.TYPE.CNAME, domain: norm(entry.CNAME) }
    if (qtype === Packet.TYPE.CNAME || qtype === Packet.TYPE.ANY || depth >= MAX_CNAME_CHAIN)
      return { rcode: RCODE.NOERROR, answers: [alias] }
    const next = lookup(zone, names, norm(entry.CNAME), qtype, depth + 1)
    if (next === 'drop') return 'drop'
    return { rcode: next.rcode, answers: [alias, ...next.answers] }
  }
  const answers: Record<string, unknown>[] = []
  const any = qtype === Packet.TYPE.ANY
  if (any || qtype === Packet.TYPE.A)
    for (const address of entry.A ?? []) answers.push({ ...base, type: Packet.TYPE.A, address })
  if (any || qtype === Packet.TYPE.AAAA)
    for (const address of entry.AAAA ?? []) answers.push({ ...base, type: Packet.TYPE.AAAA, address })
  if (any || qtype === Packet.TYPE.MX)
    for (const mx of entry.MX ?? [])
      answers.push({ ...base, type: Packet.TYPE.MX, exchange: mx.exchange, priority: mx.priority })
  if (any || qtype === Packet.TYPE.TXT)
    for (const txt of entry.TXT ?? []) answers.push({ ...base, type: Packet.TYPE.TXT, data: txtStrings(txt) })
  return { rcode: RCODE.NOERROR, answers }
}

/**
 * Starts a real DNS server on 127.0.0.1 (UDP and TCP on one ephemeral port) that answers
 * from `zone` authoritatively. Faults in the zone make names answer SERVFAIL or NXDOMAIN
 * or never answer. The zone is validated first; a bad zone rejects with the zod issues.
 * Without a zone it serves `defaultDnsZone`.
 */
export async function startDnsServer(
  zoneInput: DnsZoneInput | DnsZone = defaultDnsZone,
): Promise<DnsServerHandle> {
  const zone = DnsZone.parse(zoneInput)
  const names = new Map<string, DnsNameEntry>()
  for (const [name, entry] of Object.entries(zone.names)) names.set(norm(name), entry)

  let log: DnsQueryLogEntry[] = []
  const timers = new Set<NodeJS.Timeout>()
  const sockets = new Set<Socket>()
  let stopped = false

  const handle = (transport: 'udp' | 'tcp') => (request: Packet, send: (res: Packet) => unknown) => {
    const response = Packet.createResponseFromRequest(request)
    response.header.aa = 1
    const question = request.questions[0]
    if (!question || request.questions.length !== 1) {
      response.header.rcode = RCODE.FORMERR
      void Promise.resolve()
        .then(() => send(response))
        .catch(() => {})
      return
    }
    log.push({
      name: norm(question.name),
      type: TYPE_NAMES[question.type] ?? String(question.type),
      transport,
    })
    if (log.length > MAX_LOG) log = log.slice(-MAX_LOG)
    const answer = lookup(zone, names, question.name, question.type)
    if (answer === 'drop') return
    response.header.rcode = answer.rcode
    response.answers = answer.answers as unknown as Packet['answers']
    // A send can fail if the client went away; that is the client's business, not a crash.
    const reply = () => {
      if (stopped) return
      void Promise.resolve()
        .then(() => send(response))
        .catch(() => {})
    }
    const delay = names.get(norm(question.name))?.delayMs ?? 0
    if (delay > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer)
        reply()
      }, delay)
      timers.add(timer)
    } else reply()
  }

  for (let attempt = 1; ; attempt++) {
    const udp = new UDPServer({ type: 'udp4' })
    const tcp = new TCPServer()
    udp.on('request', handle('udp'))
    tcp.on('request', handle('tcp'))
    udp.on('error', () => {})
    tcp.on('connection', (socket: Socket) => {
      sockets.add(socket)
      socket.once('close', () => sockets.delete(socket))
    })
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject)
      udp.bind(0, '127.0.0.1', () => resolve())
    })
    const port = udp.address().port
    const listened = await new Promise<boolean>((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => {
        if (err.code === 'EADDRINUSE' && attempt < MAX_BIND_ATTEMPTS) resolve(false)
        else reject(err)
      }
      tcp.once('error', onError)
      tcp.listen(port, '127.0.0.1', () => {
        tcp.off('error', onError)
        resolve(true)
      })
    }).catch((err: unknown) => {
      udp.close()
      throw err
    })
    if (!listened) {
      udp.close()
      continue
    }
    tcp.on('error', () => {})
    const tcpPort = (tcp.address() as AddressInfo).port
    return {
      host: '127.0.0.1',
      port: tcpPort,
      address: `127.0.0.1:${tcpPort}`,
      queries: () => [...log],
      clearQueries: () => {
        log = []
      },
      stop: async () => {
        if (stopped) return
        stopped = true
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        for (const socket of sockets) socket.destroy()
        await Promise.all([
          new Promise<void>((resolve) => udp.close(() => resolve())),
          new Promise<void>((resolve) => tcp.close(() => resolve())),
        ])
      },
    }
  }
}
