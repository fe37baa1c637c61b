import { generateKeyPairSync, randomBytes } from 'node:crypto'
import net, { type AddressInfo } from 'node:net'
import tls from 'node:tls'
import selfsigned from 'selfsigned'

/*
 * A hostile SMTP server on 127.0.0.1 for redaction tests: it echoes the client's credentials back
 * in every form it can think of — in replies to AUTH and to the credential lines, in EHLO, in the
 * banner, in replies to MAIL/RCPT, and (with TLS) in its certificate's subject. Shared by the core,
 * CLI and API tests.
 */

/** Turns what the client sent (a base64 credential line) into what the server says back. */
export type Echo = (line: string) => string

const decoded = (line: string): Buffer => Buffer.from(line, 'base64')

/** Every way of echoing a credential line: re-encoded, re-aligned, cut, hex, raw, escaped. */
export const ECHOES: Record<string, Echo> = {
  padded: (l) => l,
  unpadded: (l) => l.replace(/=+$/, ''),
  base64url: (l) => decoded(l).toString('base64url'),
  'shift-1': (l) => Buffer.concat([Buffer.from('x'), decoded(l)]).toString('base64'),
  'shift-2': (l) => Buffer.concat([Buffer.from('xy'), decoded(l)]).toString('base64'),
  'cut-middle': (l) => l.slice(5, 5 + Math.max(16, Math.floor(l.length / 2))),
  'cut-tail': (l) => l.replace(/=+$/, '').slice(-20),
  hex: (l) => decoded(l).toString('hex'),
  HEX: (l) => decoded(l).toString('hex').toUpperCase(),
  raw: (l) => decoded(l).toString('utf8'),
  'raw-upper-case': (l) => decoded(l).toString('utf8').toUpperCase(),
  'hex-dump': (l) => (decoded(l).toString('hex').match(/../g) ?? []).join(' '),
  'byte-repr': (l) => (decoded(l).toString('hex').match(/../g) ?? []).map((x) => `\\x${x}`).join(''),
  json: (l) => JSON.stringify(decoded(l).toString('utf8')),
  url: (l) => encodeURIComponent(decoded(l).toString('utf8')),
  'in-json-challenge': (l) =>
    Buffer.from(JSON.stringify({ status: '401', echo: decoded(l).toString('utf8') })).toString('base64'),
}

/** What the server knows up front and may repeat outside AUTH (a server that learnt the secret). */
export type HostileOptions = {
  tls: 'none' | 'starttls' | 'implicit'
  echo: Echo
  /** Echoed raw and in base64 in the banner, EHLO and MAIL/RCPT replies. */
  secret: string
  /** Server certificate (for starttls/implicit); its subject may carry the secret too. */
  cert?: { cert: string; key: string }
}

export type HostileServer = { port: number; close(): Promise<void> }

/** Starts a hostile server; each connection runs one SMTP session. */
export async function startHostile(options: HostileOptions): Promise<HostileServer> {
  const sockets = new Set<net.Socket>()
  const leak = `${options.secret} ${Buffer.from(options.secret).toString('base64').replace(/=+$/, '')}`
  const server = net.createServer((plain) => {
    sockets.add(plain)
    plain.on('error', () => {})
    plain.on('close', () => sockets.delete(plain))
    let socket: net.Socket = plain
    let state: 'cmd' | 'plain-blob' | 'login-user' | 'login-pass' | 'xoauth2-end' = 'cmd'
    let buf = ''
    const send = (text: string): void => {
      socket.write(`${text}\r\n`)
    }
    const onLine = (line: string) => {
      const echo = (l: string): string => options.echo(l)
      if (state === 'plain-blob') {
        state = 'cmd'
        return send(`535 5.7.8 Authentication unsuccessful ${echo(line)}`)
      }
      if (state === 'login-user') {
        state = 'login-pass'
        return send(`334 ${echo(line)}`)
      }
      if (state === 'login-pass') {
        state = 'cmd'
        return send(`535 5.7.3 Authentication unsuccessful ${echo(line)}`)
      }
      if (state === 'xoauth2-end') {
        state = 'cmd'
        return send('535 5.7.3 Authentication unsuccessful')
      }
      const [verb = '', ...args] = line.split(' ')
      switch (verb.toUpperCase()) {
        case 'EHLO':
          send(`250-hostile.test Hello ${leak}`)
          send(`250-X-ECHO ${leak}`)
          if (options.tls === 'starttls' && socket === plain) send('250-STARTTLS')
          return send('250 AUTH PLAIN LOGIN XOAUTH2')
        case 'STARTTLS': {
          send('220 2.0.0 Ready to start TLS')
          plain.removeAllListeners('data')
          const secure = new tls.TLSSocket(plain, { isServer: true, ...(options.cert ?? {}) })
          secure.on('error', () => {})
          socket = secure
          buf = ''
          secure.on('data', onData)
          return
        }
        case 'AUTH': {
          const mech = (args[0] ?? '').toUpperCase()
          if (mech === 'PLAIN') {
            if (args[1]) return send(`535 5.7.8 Authentication unsuccessful ${echo(args[1])}`)
            state = 'plain-blob'
            return send('334 ')
          }
          if (mech === 'LOGIN') {
            state = 'login-user'
            return send('334 VXNlcm5hbWU6')
          }
          if (mech === 'XOAUTH2') {
            state = 'xoauth2-end'
            return send(`334 ${echo(args[1] ?? '')}`)
          }
          return send('504 5.5.4 Unrecognized authentication type')
        }
        case 'MAIL':
          return send(`250 2.1.0 Sender OK ${leak}`)
        case 'RCPT':
          return send(`550 5.1.1 Recipient rejected ${leak}`)
        case 'QUIT':
          send(`221 2.0.0 Bye ${leak}`)
          return void socket.end()
        default:
          return send(`500 5.5.2 Unknown command ${leak}`)
      }
    }
    const onData = (d: Buffer): void => {
      buf += d.toString('latin1')
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl).replace(/\r$/, '')
        buf = buf.slice(nl + 1)
        onLine(line)
      }
    }
    const greet = (): void => send(`220 hostile.test ESMTP ready ${leak}`)
    if (options.tls === 'implicit') {
      const secure = new tls.TLSSocket(plain, { isServer: true, ...(options.cert ?? {}) })
      secure.on('error', () => {})
      socket = secure
      secure.on('data', onData)
      secure.once('secure', greet)
    } else {
      plain.on('data', onData)
      greet()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

/** A random secret made by the test (never a fixture), with characters that need escaping. */
export function makeSecret(len = 24): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'
  const body = [...randomBytes(len)].map((b) => alphabet[b % alphabet.length]).join('')
  return `${body.slice(0, len / 2)}"/+${body.slice(len / 2)}`
}

/**
 * The forms in which 6 or more consecutive bytes of `secret` can still be read back from `text`:
 * as is, JSON-unescaped, URL-decoded, from any base64/base64url run at any character offset, and
 * from any hex run at either nibble offset. Empty when nothing decodable is left.
 */
export function leaks(text: string, secret: string): string[] {
  const pieces: string[] = []
  const sb = Buffer.from(secret)
  for (let i = 0; i + 6 <= sb.length; i++) pieces.push(sb.subarray(i, i + 6).toString('latin1'))
  const found = new Set<string>()
  const check = (how: string, data: Buffer | string): void => {
    const s = typeof data === 'string' ? Buffer.from(data).toString('latin1') : data.toString('latin1')
    if (pieces.some((p) => s.includes(p))) found.add(how)
  }
  const texts = [text]
  try {
    // Every string inside a JSON document, unescaped.
    JSON.parse(text, (_k, v) => {
      if (typeof v === 'string') texts.push(v)
      return v
    })
  } catch {
    // not JSON: the text as is
  }
  for (const t of texts) {
    check('raw', t)
    const lower = pieces.map((p) => p.toLowerCase())
    if (lower.some((p) => Buffer.from(t.toLowerCase()).toString('latin1').includes(p)))
      found.add('raw, case changed')
    for (const run of t.match(/(?:(?:\\x)?[0-9a-fA-F]{2}[ :]?){6,}/g) ?? []) {
      check('hex dump', Buffer.from(run.replace(/\\x|[ :]/g, ''), 'hex'))
    }
    for (const run of t.match(/(?:%[0-9A-Fa-f]{2}|[^%\s])+/g) ?? []) {
      try {
        check('url', decodeURIComponent(run))
      } catch {
        // not URL-encoded
      }
    }
    for (const run of t.match(/[A-Za-z0-9+/_-]{8,}={0,2}/g) ?? []) {
      for (let shift = 0; shift < 4; shift++) {
        const r = run.slice(shift).replace(/=+$/, '')
        check('base64', Buffer.from(r.replace(/-/g, '+').replace(/_/g, '/'), 'base64'))
      }
    }
    for (const run of t.match(/[0-9a-fA-F]{12,}/g) ?? []) {
      check('hex', Buffer.from(run, 'hex'))
      check('hex', Buffer.from(run.slice(1), 'hex'))
    }
  }
  return [...found]
}

/** A self-signed certificate whose subject CN (a UTF-8 string) is `commonName`; made in memory. */
export function certificateWithSubject(commonName: string): { cert: string; key: string } {
  const keyPair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  // valueTagClass 12 = UTF8String, so non-ASCII (bidi controls) reach the client as sent.
  const attrs = [{ name: 'commonName', value: commonName, valueTagClass: 12 }]
  const options = { keyPair, days: 1, algorithm: 'sha256' }
  const pems = selfsigned.generate(attrs as Parameters<typeof selfsigned.generate>[0], options as never)
  return { cert: pems.cert, key: pems.private }
}
