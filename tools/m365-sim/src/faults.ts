import { randomBytes } from 'node:crypto'
import net, { type AddressInfo } from 'node:net'
import type { PemPair } from './certificate.js'
import type { SimFault } from './scenario.js'
import { listen, type Running } from './smtp-endpoints.js'

const LONG_LINE_BYTES = 16 * 1024 * 1024
const DRIP_MS = 200

type Handler = (socket: net.Socket, name: string, timers: Set<NodeJS.Timeout>) => void

function every(timers: Set<NodeJS.Timeout>, ms: number, fn: () => boolean): void {
  const t = setInterval(() => {
    if (!fn()) {
      clearInterval(t)
      timers.delete(t)
    }
  }, ms)
  timers.add(t)
}

const handlers: Partial<Record<SimFault, Handler>> = {
  'silent-banner': () => {},
  'silent-mid-tls': (socket, name) => {
    socket.write(`220 ${name} Microsoft ESMTP MAIL Service ready\r\n`)
    let buf = ''
    let silent = false
    socket.on('data', (chunk: Buffer) => {
      if (silent) return
      buf += chunk.toString('latin1')
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl).trim().toUpperCase()
        buf = buf.slice(nl + 1)
        if (line.startsWith('EHLO') || line.startsWith('HELO')) {
          socket.write(`250-${name} Hello\r\n250-SIZE 37748736\r\n250 STARTTLS\r\n`)
        } else if (line === 'STARTTLS') {
          socket.write('220 2.0.0 SMTP server ready\r\n')
          silent = true
          return
        } else if (line === 'QUIT') {
          socket.end('221 2.0.0 Service closing transmission channel\r\n')
        } else {
          socket.write('500 5.3.3 Unrecognized command\r\n')
        }
        if (buf.length > 4096) socket.destroy()
      }
    })
  },
  'reset-after-banner': (socket, name, timers) => {
    socket.write(`220 ${name} Microsoft ESMTP MAIL Service ready\r\n`)
    const t = setTimeout(() => {
      timers.delete(t)
      if (!socket.destroyed) socket.resetAndDestroy()
    }, 20)
    timers.add(t)
  },
  garbage: (socket) => {
    const junk = randomBytes(512)
    junk[0] = 0xff
    socket.write(Buffer.concat([junk, Buffer.from('\r\n')]))
  },
  'long-line': (socket) => {
    const chunk = Buffer.alloc(64 * 1024, 0x41)
    let sent = 0
    const pump = (): void => {
      while (sent < LONG_LINE_BYTES && !socket.destroyed) {
        sent += chunk.length
        if (!socket.write(chunk)) {
          socket.once('drain', pump)
          return
        }
      }
    }
    pump()
  },
  'slow-drip': (socket, name, timers) => {
    const text = Buffer.from(`220 ${name} Microsoft ESMTP MAIL Service ready at a snail's pace`)
    let i = 0
    every(timers, DRIP_MS, () => {
      if (socket.destroyed) return false
      socket.write(text.subarray(i % text.length, (i % text.length) + 1))
      i++
      return true
    })
  },
}

/** Starts one fault endpoint on 127.0.0.1 and an ephemeral port. */
export async function startFault(fault: SimFault, name: string, pem: PemPair): Promise<Running> {
  if (fault === 'tls-version-mismatch' || fault === 'tls-version-mismatch-implicit') {
    return listen({
      name,
      banner: 'Microsoft ESMTP MAIL Service ready',
      key: pem.key,
      cert: pem.cert,
      secure: fault === 'tls-version-mismatch-implicit',
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1',
      ciphers: 'DEFAULT@SECLEVEL=0',
      authOptional: true,
      disableReverseLookup: true,
      hideENHANCEDSTATUSCODES: true,
      logger: false,
      closeTimeout: 200,
    })
  }
  const handler = handlers[fault] as Handler
  const sockets = new Set<net.Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => {})
    socket.on('close', () => sockets.delete(socket))
    handler(socket, name, timers)
  })
  server.on('error', () => {})
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { address, port } = server.address() as AddressInfo
  return {
    host: address,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t)
        timers.clear()
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
