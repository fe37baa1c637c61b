import net from 'node:net'
import tls from 'node:tls'
import { ProbeFailure, socketFailure, tlsFailure } from './errors.js'
import type { Transcript } from './transcript.js'

/** One complete SMTP reply as read from the wire. */
export type WireReply = {
  code: number
  /** RFC 3463 enhanced status code of the first line, when present. */
  enhanced?: string
  /** The text of all lines (enhanced code stripped), joined by a space. */
  text: string
  /** The text of each line (enhanced code stripped). */
  lines: string[]
}

/** Limits that keep a hostile server from growing the probe's memory. */
export type WireLimits = {
  /** Longest line accepted, in bytes, before LINE_TOO_LONG (default 64 KiB). */
  maxLineBytes?: number
  /** Most lines in one multi-line reply (default 512). */
  maxReplyLines?: number
}

const REPLY_LINE = /^([2-5]\d\d)(?:([ -])(.*))?$/s
const ENHANCED = /^([245]\.\d{1,3}\.\d{1,3})(?:\s+|$)/
const MAX_QUEUED = 32
/** One reply, all lines together; EHLO answers are a few hundred characters. */
const MAX_REPLY_CHARS = 256 * 1024
const noop = (): void => {}

type Waiter = { resolve: (r: WireReply) => void; reject: (e: ProbeFailure) => void; timer: NodeJS.Timeout }

/**
 * An SMTP client connection over a raw socket: reads CRLF lines with a length cap, assembles
 * multi-line replies, rejects anything that is not an SMTP reply, and upgrades to TLS in place.
 * The first failure (timeout, reset, close, garbage) is sticky and destroys every socket, so
 * nothing keeps reading or buffering after it.
 */
export class SmtpWire {
  private socket: net.Socket
  private readonly sockets: net.Socket[] = []
  private buf: Buffer | null = null
  private partial: string[] = []
  private partialCode = 0
  private partialBytes = 0
  private queue: WireReply[] = []
  private failure: ProbeFailure | null = null
  private waiter: Waiter | null = null
  private readonly maxLine: number
  private readonly maxReplyLines: number

  private readonly onData = (chunk: Buffer): void => this.ingest(chunk)
  private readonly onError = (err: Error): void => this.fail(socketFailure(err, 'session'))
  private readonly onClose = (): void =>
    this.fail(new ProbeFailure('CONNECTION_CLOSED', 'the server closed the connection'))

  constructor(
    socket: net.Socket,
    private readonly transcript: Transcript,
    limits: WireLimits = {},
  ) {
    this.maxLine = limits.maxLineBytes ?? 64 * 1024
    this.maxReplyLines = limits.maxReplyLines ?? 512
    this.socket = socket
    this.attach(socket)
  }

  /** The socket currently carrying the session (TLS after an upgrade). */
  get current(): net.Socket {
    return this.socket
  }

  /** The sticky failure, if the connection is already dead. */
  get failed(): ProbeFailure | null {
    return this.failure
  }

  private attach(s: net.Socket): void {
    this.sockets.push(s)
    s.on('data', this.onData)
    s.on('error', this.onError)
    s.on('close', this.onClose)
    s.on('end', this.onClose)
  }

  private detach(s: net.Socket): void {
    s.off('data', this.onData)
    s.off('error', this.onError)
    s.off('close', this.onClose)
    s.off('end', this.onClose)
    s.on('error', noop)
  }

  /** Ends the session with a failure: rejects the pending read and destroys every socket. */
  fail(failure: ProbeFailure, deferDestroy = false): void {
    if (this.failure) return
    this.failure = failure
    this.buf = null
    this.partial = []
    this.queue = []
    const w = this.waiter
    this.waiter = null
    if (w) {
      clearTimeout(w.timer)
      w.reject(failure)
    }
    if (deferDestroy) setImmediate(() => this.destroy())
    else this.destroy()
  }

  /** Destroys every socket this session used. Safe to call more than once. */
  destroy(): void {
    // Newest first: a TLS socket goes before the socket under it. Destroying the plain socket
    // under a live TLS socket crashes Node 20 (segfault in the TLS wrap).
    for (const s of [...this.sockets].reverse()) {
      s.on('error', noop)
      s.destroy()
    }
    if (this.waiter) {
      const w = this.waiter
      this.waiter = null
      clearTimeout(w.timer)
      w.reject(this.failure ?? new ProbeFailure('CONNECTION_CLOSED', 'the probe closed the connection'))
    }
  }

  private ingest(chunk: Buffer): void {
    if (this.failure) return
    let buf = this.buf ? Buffer.concat([this.buf, chunk]) : chunk
    for (;;) {
      const nl = buf.indexOf(10)
      if (nl < 0) {
        if (buf.length > this.maxLine) {
          this.fail(
            new ProbeFailure(
              'LINE_TOO_LONG',
              `the server sent more than ${this.maxLine} bytes without a line end`,
            ),
          )
          return
        }
        break
      }
      if (nl > this.maxLine) {
        this.fail(
          new ProbeFailure('LINE_TOO_LONG', `the server sent a line longer than ${this.maxLine} bytes`),
        )
        return
      }
      const end = nl > 0 && buf[nl - 1] === 13 ? nl - 1 : nl
      const line = buf.toString('utf8', 0, end)
      buf = buf.subarray(nl + 1)
      this.line(line)
      if (this.failure) return
    }
    this.buf = buf.length > 0 ? buf : null
  }

  private line(line: string): void {
    this.transcript.server(line)
    const m = REPLY_LINE.exec(line)
    if (!m) {
      // Redact before cutting: a secret across the cut would otherwise leave its first characters.
      const shown = JSON.stringify(
        this.transcript
          .redact(line)
          .slice(0, 60)
          .replace(/[^\x20-\x7e]/g, '.'),
      )
      this.fail(
        new ProbeFailure('PROTOCOL_ERROR', `the server sent something that is not an SMTP reply: ${shown}`),
      )
      return
    }
    const code = Number(m[1])
    if (this.partial.length > 0 && code !== this.partialCode) {
      this.fail(
        new ProbeFailure(
          'PROTOCOL_ERROR',
          `a multi-line reply changed its code (${this.partialCode} → ${code})`,
        ),
      )
      return
    }
    this.partialCode = code
    this.partial.push(m[3] ?? '')
    this.partialBytes += line.length
    if (this.partialBytes > MAX_REPLY_CHARS) {
      this.fail(new ProbeFailure('PROTOCOL_ERROR', `a reply longer than ${MAX_REPLY_CHARS} characters`))
      return
    }
    if (this.partial.length > this.maxReplyLines) {
      this.fail(new ProbeFailure('PROTOCOL_ERROR', `a reply longer than ${this.maxReplyLines} lines`))
      return
    }
    if (m[2] === '-') return
    const raw = this.partial
    this.partial = []
    this.partialBytes = 0
    let enhanced: string | undefined
    const lines = raw.map((l) => {
      const e = ENHANCED.exec(l)
      if (!e) return l
      enhanced ??= e[1]
      return l.slice(e[0].length)
    })
    const reply: WireReply = { code, text: lines.join(' ').trim(), lines }
    if (enhanced) reply.enhanced = enhanced
    this.queue.push(reply)
    if (this.queue.length > MAX_QUEUED) {
      this.fail(new ProbeFailure('PROTOCOL_ERROR', 'the server sent many replies nobody asked for'))
      return
    }
    this.deliver()
  }

  private deliver(): void {
    const w = this.waiter
    if (!w || this.queue.length === 0) return
    this.waiter = null
    clearTimeout(w.timer)
    w.resolve(this.queue.shift() as WireReply)
  }

  /** Waits for the next complete reply until `deadline` (epoch ms). */
  readReply(deadline: number): Promise<WireReply> {
    const queued = this.queue.shift()
    if (queued) return Promise.resolve(queued)
    if (this.failure) return Promise.reject(this.failure)
    if (this.waiter) return Promise.reject(new ProbeFailure('PROTOCOL_ERROR', 'two reads at once'))
    const wait = Math.max(0, deadline - Date.now())
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail(new ProbeFailure('TIMEOUT', `no complete reply within ${wait} ms`)),
        wait,
      )
      this.waiter = { resolve, reject, timer }
    })
  }

  /** Sends one command line; `shown` is what the transcript records instead (redaction). */
  write(line: string, shown = line): void {
    this.transcript.client(shown)
    if (this.failure) return
    this.socket.write(`${line}\r\n`)
  }

  /** Sends a command and waits for its reply. */
  command(line: string, deadline: number, shown = line): Promise<WireReply> {
    this.write(line, shown)
    return this.readReply(deadline)
  }

  /** Runs a TLS handshake over the current socket (STARTTLS or implicit TLS). */
  startTls(options: tls.ConnectionOptions, deadline: number): Promise<tls.TLSSocket> {
    if (this.failure) return Promise.reject(this.failure)
    const plain = this.socket
    this.detach(plain)
    // Bytes the server sent after its STARTTLS reply are dropped, not replayed into TLS.
    this.buf = null
    this.partial = []
    this.queue = []
    return new Promise((resolve, reject) => {
      let settled = false
      const t = tls.connect({ ...options, socket: plain })
      this.sockets.push(t)
      const finish = (failure: ProbeFailure | null): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        t.off('secureConnect', onSecure)
        t.off('error', onErr)
        t.off('close', onClosed)
        if (failure) {
          // Tearing the sockets down inside the TLS socket's own error event crashes Node 20's
          // TLS wrap (segfault), so it waits for the next turn of the loop.
          this.fail(failure, true)
          reject(failure)
          return
        }
        this.socket = t
        this.attach(t)
        resolve(t)
      }
      const onSecure = (): void => finish(null)
      const onErr = (err: Error): void => finish(tlsFailure(err))
      const onClosed = (): void =>
        finish(
          new ProbeFailure(
            'TLS_HANDSHAKE_FAILED',
            'the server closed the connection during the TLS handshake',
          ),
        )
      const wait = Math.max(0, deadline - Date.now())
      const timer = setTimeout(
        () => finish(new ProbeFailure('TIMEOUT', `the TLS handshake did not finish within ${wait} ms`)),
        wait,
      )
      t.on('error', noop)
      t.once('secureConnect', onSecure)
      t.once('error', onErr)
      t.once('close', onClosed)
    })
  }
}

/** Opens a TCP connection until `deadline`; failures are mapped to TCP_* codes. */
export function connectTcp(host: string, port: number, deadline: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host, port })
    const wait = Math.max(0, deadline - Date.now())
    const done = (err: ProbeFailure | null): void => {
      clearTimeout(timer)
      s.off('connect', onConnect)
      s.off('error', onErr)
      if (err) {
        s.on('error', noop)
        s.destroy()
        reject(err)
      } else {
        // Errors between now and the session taking over the socket must not go unhandled.
        s.on('error', noop)
        resolve(s)
      }
    }
    const onConnect = (): void => done(null)
    const onErr = (err: Error): void => done(socketFailure(err, 'connect'))
    const timer = setTimeout(
      () => done(new ProbeFailure('TCP_TIMEOUT', `no TCP connection within ${wait} ms`)),
      wait,
    )
    s.setNoDelay(true)
    s.once('connect', onConnect)
    s.once('error', onErr)
  })
}
