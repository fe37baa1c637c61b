import net, { type AddressInfo } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProbeErrorCode } from '../src/index.js'
import { probe } from '../src/probe/index.js'
import { assertClean } from './helpers.js'

/** A raw TCP server whose behaviour each test sets: it gets the socket and the client's lines. */
type Script = (socket: net.Socket, line: string | null) => void

let script: Script = () => {}
let server: net.Server
let port: number
const sockets = new Set<net.Socket>()

const openSockets = (): number =>
  process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'TLSWrap').length
let socketsBefore = 0

beforeAll(async () => {
  socketsBefore = openSockets()
  server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => {})
    socket.on('close', () => sockets.delete(socket))
    const current = script
    let buf = ''
    socket.on('data', (d: Buffer) => {
      buf += d.toString('latin1')
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl).replace(/\r$/, '')
        buf = buf.slice(nl + 1)
        current(socket, line)
      }
    })
    current(socket, null)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
}, 60_000)

afterAll(async () => {
  for (const s of sockets) s.destroy()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  // Every socket the probes opened is gone once the servers are.
  await new Promise((r) => setTimeout(r, 50))
  expect(openSockets()).toBe(socketsBefore)
}, 60_000)

const PASSWORD = 'Wire-Test-Secret-5'

function run(s: Script, timeoutMs = 1000) {
  script = s
  return probe({
    host: '127.0.0.1',
    port,
    tls: 'none',
    username: 'u@contoso.com',
    password: PASSWORD,
    from: 'u@contoso.com',
    recipients: ['r@contoso.com'],
    timeoutMs,
  })
}

/** A plain SMTP server that says the given things after the banner and EHLO. */
function smtp(ehlo: string, rest: (socket: net.Socket, line: string) => void = () => {}): Script {
  return (socket, line) => {
    if (line === null) socket.write('220 test ESMTP\r\n')
    else if (line.startsWith('EHLO')) socket.write(ehlo)
    else if (line === 'QUIT') socket.end('221 2.0.0 bye\r\n')
    else rest(socket, line)
  }
}

describe('reply parsing on the wire', () => {
  it('multi-line replies with enhanced codes on every line, bare LF line ends', async () => {
    const r = await run(
      smtp('250-test Hello\n250-SIZE 1000\n250-AUTH PLAIN LOGIN\n250 8BITMIME\n', (socket, line) => {
        if (line.startsWith('AUTH PLAIN')) socket.write('235 2.7.0 ok\r\n')
        else if (line.startsWith('MAIL')) socket.write('250-2.1.0 first\r\n250 2.1.0 Sender OK\r\n')
        else if (line.startsWith('RCPT')) socket.write('550 5.7.54 SMTP; Unable to relay\r\n')
      }),
    )
    const p = r.facts.probe
    expect(p?.ehlo).toMatchObject({ ok: true, authMechanisms: ['PLAIN', 'LOGIN'], size: 1000 })
    expect(p?.auth).toMatchObject({ ok: true, mechanism: 'PLAIN' })
    expect(p?.mailFrom?.reply).toEqual({ code: 250, enhanced: '2.1.0', text: 'first Sender OK' })
    expect(p?.rcpt?.[0]?.reply).toEqual({ code: 550, enhanced: '5.7.54', text: 'SMTP; Unable to relay' })
    expect(r.transcript).toContain('C: AUTH PLAIN ****')
    assertClean(r, [PASSWORD])
  })

  it('a multi-line reply that changes its code → PROTOCOL_ERROR', async () => {
    const r = await run(smtp('250-test Hello\r\n251 oops\r\n'))
    expect(r.facts.probe?.error).toMatchObject({ stage: 'ehlo', code: 'PROTOCOL_ERROR' })
  })

  it('an endless multi-line reply → PROTOCOL_ERROR, not unbounded memory', async () => {
    const r = await run(smtp(`${'250-x\r\n'.repeat(600)}250 end\r\n`))
    expect(r.facts.probe?.error).toMatchObject({ stage: 'ehlo', code: 'PROTOCOL_ERROR' })
  })

  it('a line just over 64 KiB, with CRLF → LINE_TOO_LONG', async () => {
    const r = await run(smtp(`250 ${'x'.repeat(64 * 1024)}\r\n`))
    expect(r.facts.probe?.error).toMatchObject({ stage: 'ehlo', code: 'LINE_TOO_LONG' })
  })

  it('the server hangs up instead of answering → CONNECTION_CLOSED at that step', async () => {
    const r = await run(smtp('250-test\r\n250 AUTH PLAIN\r\n', (socket) => socket.end()))
    expect(r.facts.probe?.error).toMatchObject({ stage: 'auth', code: 'CONNECTION_CLOSED' })
  })

  it('AUTH LOGIN after a plain EHLO: both credential lines are ****', async () => {
    const r = await run(
      smtp('250-test\r\n250 AUTH LOGIN\r\n', (socket, line) => {
        if (line === 'AUTH LOGIN') socket.write('334 VXNlcm5hbWU6\r\n')
        else if (line.startsWith('MAIL')) socket.write('250 ok\r\n')
        else if (line.startsWith('RCPT')) socket.write('250 ok\r\n')
        else if (Buffer.from(line, 'base64').toString() === PASSWORD)
          socket.write(`535 5.7.3 bad ${PASSWORD}\r\n`)
        else socket.write('334 UGFzc3dvcmQ6\r\n')
      }),
    )
    expect(r.transcript.filter((l) => l === 'C: ****')).toHaveLength(2)
    // Even a server that echoes the password back does not get it into the result.
    expect(r.facts.probe?.auth?.reply?.text).toBe('bad ****')
    assertClean(r, [PASSWORD])
  })

  it('a password echoed in a non-SMTP line across the 60-character quote limit leaks no part of it', async () => {
    const r = await run(
      smtp('250-test\r\n250 AUTH LOGIN\r\n', (socket, line) => {
        if (line === 'AUTH LOGIN') socket.write('334 VXNlcm5hbWU6\r\n')
        else if (Buffer.from(line, 'base64').toString() === PASSWORD)
          socket.write(`${'x'.repeat(52)}${PASSWORD}\r\n`)
        else socket.write('334 UGFzc3dvcmQ6\r\n')
      }),
    )
    expect(r.facts.probe?.error).toMatchObject({ stage: 'auth', code: 'PROTOCOL_ERROR' })
    expect(JSON.stringify(r)).not.toContain(PASSWORD.slice(0, 6))
    assertClean(r, [PASSWORD])
  })

  it('control characters from the server (terminal escapes) never reach the facts or the transcript', async () => {
    const r = await run((socket, line) => {
      if (line === null) socket.write('220 hi \u001b]0;PWNED\u0007\r\n')
      else if (line.startsWith('EHLO')) socket.write('250-hi\u001b[31m\r\n250 AUTH PLAIN\u001b[2J\r\n')
      else if (line.startsWith('AUTH')) socket.write('535 5.7.3 bad \u009b2J\u001b]52;c;ZXZpbA==\u0007\r\n')
      else if (line === 'QUIT') socket.end('221 bye\r\n')
      else socket.write('250 ok\r\n')
    })
    const strings: string[] = []
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v)
      else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x)
    }
    walk(r)
    expect(strings.filter((s) => /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(s))).toEqual([])
    expect(r.facts.probe?.ehlo?.authMechanisms).toEqual(['PLAIN\uFFFD[2J'])
    expect(r.facts.probe?.banner?.reply?.text).toBe('hi \uFFFD]0;PWNED\uFFFD')
  })

  it('CR/LF in the from-address, a recipient or the user name is refused before connecting (no SMTP injection)', async () => {
    const seen: string[] = []
    script = (socket, line) => {
      if (line !== null) seen.push(line)
      smtp('250 test\r\n', (sock) => sock.write('250 ok\r\n'))(socket, line)
    }
    const injected =
      'a@contoso.com>\r\nRCPT TO:<victim@contoso.com>\r\nDATA\r\n\r\nspam\r\n.\r\nMAIL FROM:<a@contoso.com'
    const base = { host: '127.0.0.1', port, tls: 'none' as const, timeoutMs: 1000 }
    for (const bad of [
      { from: injected },
      { recipients: ['r@contoso.com', injected] },
      { username: injected },
    ]) {
      const err = await probe({ ...base, ...bad }).catch((e: unknown) => e)
      expect(err).toMatchObject({ name: 'ZodError' })
      expect(String(err)).toMatch(/control characters/)
    }
    expect(seen).toEqual([])
  })

  it('STARTTLS asked for but not offered → STARTTLS_NOT_OFFERED, then QUIT', async () => {
    script = smtp('250-test\r\n250 SIZE 10\r\n')
    const r = await probe({ host: '127.0.0.1', port, tls: 'starttls', timeoutMs: 1000 })
    expect(r.facts.probe?.starttls).toMatchObject({ ok: false, offered: false })
    expect(r.facts.probe?.error).toMatchObject({ stage: 'starttls', code: 'STARTTLS_NOT_OFFERED' })
    expect(r.transcript.at(-2)).toBe('C: QUIT')
  })

  it('a refusing banner (554) is a reply, not an error: recorded, then QUIT', async () => {
    const r = await run((socket, line) => {
      if (line === null) socket.write('554 5.7.1 Service unavailable; Client host [1.2.3.4] blocked\r\n')
      else if (line === 'QUIT') socket.end('221 bye\r\n')
    })
    const p = r.facts.probe
    expect(p?.banner).toMatchObject({ ok: false, reply: { code: 554, enhanced: '5.7.1' } })
    expect(p?.error).toBeUndefined()
    expect(p?.lastReply?.code).toBe(554)
    expect(r.steps.map((x) => x.stage)).toEqual(['dns', 'tcp', 'banner', 'quit'])
  })

  it('any bytes from the server end in facts with a known code, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.boolean(), async (bytes, close) => {
        const r = await run((socket, line) => {
          if (line !== null) return
          socket.write(Buffer.from(bytes))
          if (close) socket.end()
        }, 150)
        const p = r.facts.probe
        if (p?.error) expect(ProbeErrorCode.options).toContain(p.error.code)
        assertClean(r, [PASSWORD])
      }),
      { numRuns: 40 },
    )
  })
})
