import { isIPv6 } from 'node:net'
import type tls from 'node:tls'
import { z } from 'zod'
import { authReplyText, redactor } from '../redact/index.js'
import type { SmtpReply } from '../schema/common.js'
import type { Facts } from '../schema/facts.js'
import type { ProbeError, ProbeErrorCode, ProbeFacts, ProbeStage, ProbeStep } from '../schema/probe.js'
import { DeviceSettings } from '../schema/settings.js'
import { ProbeFailure } from './errors.js'
import { type ResolveOptions, resolveHost } from './resolve.js'
import { certificateOf, protocolOf, serverName, versionOptions } from './tls-info.js'
import { tlsMatrix } from './tls-matrix.js'
import { printable, Transcript } from './transcript.js'
import { connectTcp, SmtpWire, type WireLimits, type WireReply } from './wire.js'

/** Options of one probe run (besides the device settings). Validated; bad values throw a ZodError. */
export const ProbeOptions = z.object({
  /** Budget for the whole probe; every step's deadline lies inside it. Default 15000. */
  timeoutMs: z.number().int().min(50).max(300_000).optional(),
  /** Send DATA with a short test message after RCPT (off by default: the probe sends no mail). */
  sendTestMessage: z.boolean().optional(),
  /** Name given in EHLO. Default: the local address literal, e.g. `[192.0.2.7]`. */
  ehloName: z
    .string()
    .regex(/^[A-Za-z0-9.:[\]-]{1,255}$/)
    .optional(),
  /** Also measure which TLS versions the endpoint accepts (into `probe.tlsVersions`). */
  tlsMatrix: z.boolean().optional(),
})
export type ProbeOptions = z.infer<typeof ProbeOptions>

/** What `onStep` receives after every step, for live progress output. */
export type ProbeStepEvent = {
  stage: ProbeStage
  ms: number
  ok: boolean
  reply?: SmtpReply
  error?: ProbeError
}

/** Hooks and test seams that are not plain data. */
export type ProbeHooks = ResolveOptions & {
  /** Called after every step. Exceptions thrown by it are ignored. */
  onStep?: (step: ProbeStepEvent) => void
  /** Aborts the probe; the result then carries a TIMEOUT error at the running step. */
  signal?: AbortSignal
  /** Extra trusted CA certificates (PEM), e.g. the simulator's. */
  ca?: string | string[]
  /** A client certificate to present (certificate-based connectors). */
  clientCertificate?: { cert: string; key: string }
  /** Line and reply limits (defaults: 64 KiB per line, 512 lines per reply). */
  limits?: WireLimits
}

/** Input of `probe`: the device settings (with the secret), options and hooks. */
export type ProbeInput = DeviceSettings & ProbeOptions & ProbeHooks

/** The probe's answer: facts for `diagnose`, a redacted transcript and the step timings. */
export type ProbeResult = {
  facts: Facts
  transcript: string[]
  steps: { stage: ProbeStage; ms: number; ok: boolean }[]
}

const DEFAULT_TIMEOUT_MS = 15_000
const QUIT_WAIT_MS = 2_000

/** The reply as a fact; a secret a server echoes back is masked here too, control characters too. */
function toReply(r: WireReply, t: Transcript): SmtpReply {
  const out: SmtpReply = { code: r.code, text: printable(t.redact(r.text)).slice(0, 4096) }
  if (r.enhanced) out.enhanced = r.enhanced
  return out
}

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64')
}

function parseCapabilities(reply: WireReply): {
  capabilities: string[]
  starttls: boolean
  authMechanisms: string[]
  size?: number
} {
  const capabilities = reply.lines
    .slice(1)
    .map((l) => printable(l.trim()).slice(0, 512))
    .filter(Boolean)
    .slice(0, 100)
  const auth = new Set<string>()
  let size: number | undefined
  for (const cap of capabilities) {
    const [name = '', ...args] = cap.split(/[\s=]+/)
    const upper = name.toUpperCase()
    if (upper === 'AUTH') for (const a of args) if (a) auth.add(a.toUpperCase().slice(0, 64))
    if (upper === 'SIZE' && args[0] && /^\d+$/.test(args[0])) size = Number(args[0])
  }
  const out: ReturnType<typeof parseCapabilities> = {
    capabilities,
    starttls: capabilities.some((c) => c.toUpperCase() === 'STARTTLS'),
    authMechanisms: [...auth].slice(0, 50),
  }
  if (size !== undefined && Number.isSafeInteger(size)) out.size = size
  return out
}

/**
 * Settles with `work`, or rejects with TIMEOUT as soon as `signal` aborts; a result that
 * arrives after the abort is handed to `discard` (so a late socket is closed, not leaked).
 */
function abortable<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  discard?: (value: T) => void,
): Promise<T> {
  if (!signal) return work
  return new Promise<T>((resolve, reject) => {
    let aborted = false
    const onAbort = (): void => {
      aborted = true
      reject(new ProbeFailure('TIMEOUT', 'the probe was aborted'))
    }
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        if (aborted) discard?.(value)
        else resolve(value)
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(err)
      },
    )
  })
}

/** The local address as an RFC 5321 address literal, for EHLO: `[192.0.2.7]`, `[IPv6:2001:db8::7]`. */
function addressLiteral(local: string | undefined): string {
  const address = (local ?? '127.0.0.1').replace(/^::ffff:(?=\d+\.)/, '')
  return isIPv6(address) ? `[IPv6:${address}]` : `[${address}]`
}

/** Thrown inside the flow to stop it after a recorded failure. */
class Stop extends Error {}

class Run {
  readonly facts: ProbeFacts
  readonly steps: ProbeResult['steps'] = []
  wire: SmtpWire | null = null
  private lastAny: SmtpReply | undefined
  private lastFailing: SmtpReply | undefined

  constructor(
    readonly settings: DeviceSettings,
    readonly transcript: Transcript,
    readonly deadline: number,
    private readonly onStep: ProbeHooks['onStep'],
  ) {
    this.facts = { target: { host: settings.host, port: settings.port, tls: settings.tls } }
  }

  error(stage: ProbeStage, f: ProbeFailure): ProbeError {
    return { stage, code: f.code, message: this.transcript.redact(f.message).slice(0, 2048) }
  }

  record(
    stage: ProbeStage,
    step: ProbeStep,
    opts: { countsAsFailure?: boolean; final?: boolean } = {},
  ): void {
    const ms = Math.round(step.ms ?? 0)
    if (step.ms !== undefined) step.ms = Math.round(step.ms * 100) / 100
    this.steps.push({ stage, ms, ok: step.ok })
    if (step.error && opts.countsAsFailure !== false && !this.facts.error) this.facts.error = step.error
    if (step.reply && opts.final !== false) {
      this.lastAny = step.reply
      if (step.reply.code >= 400) this.lastFailing = step.reply
    }
    if (this.onStep) {
      const event: ProbeStepEvent = { stage, ms, ok: step.ok }
      if (step.reply) event.reply = step.reply
      if (step.error) event.error = step.error
      try {
        // An async callback's rejection must not become an unhandled rejection either.
        const ret: unknown = this.onStep(event)
        if (ret instanceof Promise) ret.catch(() => {})
      } catch {
        // a broken progress printer must not break the probe
      }
    }
  }

  /** Runs one SMTP exchange; a failure without a reply is recorded and stops the flow. */
  async exchange(
    stage: ProbeStage,
    ok: (code: number) => boolean,
    talk: (wire: SmtpWire) => Promise<WireReply>,
  ): Promise<{ step: ProbeStep; reply: WireReply }> {
    const wire = this.wire as SmtpWire
    const t0 = performance.now()
    try {
      const reply = await talk(wire)
      const smtp = toReply(reply, this.transcript)
      return { step: { ok: ok(reply.code), ms: performance.now() - t0, reply: smtp }, reply }
    } catch (err) {
      const f =
        err instanceof ProbeFailure ? err : new ProbeFailure('PROTOCOL_ERROR', 'unexpected probe error')
      const step: ProbeStep = { ok: false, ms: performance.now() - t0, error: this.error(stage, f) }
      this.put(stage, step)
      this.record(stage, step)
      throw new Stop()
    }
  }

  /** Stores a failed step under its stage's key (for stages whose facts carry no extras). */
  put(stage: ProbeStage, step: ProbeStep): void {
    const f = this.facts
    switch (stage) {
      case 'banner':
        f.banner = step
        break
      case 'ehlo':
        f.ehlo = step
        break
      case 'starttls':
        f.starttls = step
        break
      case 'tls':
        f.tls = step
        break
      case 'ehlo-tls':
        f.ehloTls = step
        break
      case 'auth':
        f.auth = { ...step, attempted: true, ...(f.auth?.mechanism ? { mechanism: f.auth.mechanism } : {}) }
        break
      case 'mail':
        f.mailFrom = { ...step, ...(f.mailFrom?.address ? { address: f.mailFrom.address } : {}) }
        break
      case 'data':
        f.data = step
        break
      default:
        break
    }
  }

  final(): SmtpReply | undefined {
    return this.lastFailing ?? this.lastAny
  }
}

async function handshake(run: Run, hooks: ProbeHooks): Promise<void> {
  const s = run.settings
  const opts: tls.ConnectionOptions = {
    ...serverName(s.host),
    rejectUnauthorized: false,
    ...(s.maxTlsVersion ? versionOptions('TLSv1', s.maxTlsVersion) : {}),
  }
  if (hooks.ca) opts.ca = hooks.ca
  if (hooks.clientCertificate) {
    opts.cert = hooks.clientCertificate.cert
    opts.key = hooks.clientCertificate.key
  }
  const t0 = performance.now()
  try {
    const socket = await (run.wire as SmtpWire).startTls(opts, run.deadline)
    const ms = performance.now() - t0
    const tlsFacts: NonNullable<ProbeFacts['tls']> = { ok: true, ms }
    const protocol = protocolOf(socket)
    if (protocol) tlsFacts.protocol = protocol
    const cipher = socket.getCipher()?.name
    if (cipher) tlsFacts.cipher = cipher.slice(0, 128)
    const certificate = certificateOf(socket, s.host)
    if (certificate) tlsFacts.certificate = certificate
    run.facts.tls = tlsFacts
    run.transcript.note(`TLS ${protocol ?? '?'} ${cipher ?? ''}`.trim())
    run.record('tls', tlsFacts)
  } catch (err) {
    const f =
      err instanceof ProbeFailure ? err : new ProbeFailure('TLS_HANDSHAKE_FAILED', 'TLS handshake failed')
    const step: ProbeStep = { ok: false, ms: performance.now() - t0, error: run.error('tls', f) }
    run.facts.tls = step
    run.transcript.note(`TLS failed: ${f.code}`)
    run.record('tls', step)
    throw new Stop()
  }
}

async function ehlo(
  run: Run,
  stage: 'ehlo' | 'ehlo-tls',
  name: string,
): Promise<ReturnType<typeof parseCapabilities>> {
  const { step, reply } = await run.exchange(
    stage,
    (c) => c === 250,
    (w) => w.command(`EHLO ${name}`, run.deadline),
  )
  // Redacted before parsing cuts the lines: a secret across a cut would leave its first characters.
  const caps = parseCapabilities({ ...reply, lines: reply.lines.map((l) => run.transcript.redact(l)) })
  if (stage === 'ehlo') run.facts.ehlo = { ...step, ...caps }
  else run.facts.ehloTls = { ...step, capabilities: caps.capabilities, authMechanisms: caps.authMechanisms }
  run.record(stage, step)
  if (!step.ok) throw new Stop()
  return caps
}

type Mechanism = 'PLAIN' | 'LOGIN' | 'XOAUTH2'

function chooseMechanism(s: DeviceSettings, offered: string[]): Mechanism | ProbeErrorCode {
  if (offered.length === 0) return 'AUTH_NOT_OFFERED'
  const method = s.authMethod ?? 'auto'
  const want: Mechanism[] =
    method === 'auto'
      ? s.accessToken
        ? ['XOAUTH2']
        : ['PLAIN', 'LOGIN']
      : [method.toUpperCase() as Mechanism]
  return want.find((m) => offered.includes(m)) ?? 'AUTH_MECHANISM_NOT_OFFERED'
}

async function authenticate(run: Run, offered: string[]): Promise<void> {
  const s = run.settings
  const user = s.username ?? ''
  const password = typeof s.password === 'string' ? s.password : ''
  const chosen = chooseMechanism(s, offered)
  if (chosen === 'AUTH_NOT_OFFERED' || chosen === 'AUTH_MECHANISM_NOT_OFFERED') {
    const message =
      chosen === 'AUTH_NOT_OFFERED'
        ? 'the server offers no AUTH mechanism here'
        : `the server offers ${offered.join(', ')}, not the mechanism needed`
    const step: ProbeStep = { ok: false, ms: 0, error: run.error('auth', new ProbeFailure(chosen, message)) }
    run.facts.auth = { ...step, attempted: false }
    run.record('auth', step)
    // Devices often go on without AUTH; what the server then says at MAIL FROM is worth seeing.
    return
  }
  run.facts.auth = { ok: false, attempted: true, mechanism: chosen }
  const ok = (c: number): boolean => c === 235
  // Replies to AUTH and to the credential lines keep their wording, never what looks like an echo.
  run.transcript.authPhase = true
  const { step } = await run.exchange('auth', ok, async (w) => {
    const d = run.deadline
    if (chosen === 'PLAIN') {
      let r = await w.command(`AUTH PLAIN ${b64(`\0${user}\0${password}`)}`, d, 'AUTH PLAIN ****')
      if (r.code === 334) r = await w.command(b64(`\0${user}\0${password}`), d, '****')
      return r
    }
    if (chosen === 'LOGIN') {
      let r = await w.command('AUTH LOGIN', d)
      if (r.code !== 334) return r
      r = await w.command(b64(user), d, '****')
      if (r.code !== 334) return r
      return w.command(b64(password), d, '****')
    }
    const blob = b64(`user=${user}\x01auth=Bearer ${s.accessToken ?? ''}\x01\x01`)
    let r = await w.command(`AUTH XOAUTH2 ${blob}`, d, 'AUTH XOAUTH2 ****')
    // RFC 7628: a failure comes as a 334 challenge with a JSON error; an empty line ends it.
    if (r.code === 334) r = await w.command('', d)
    return r
  })
  // (After a failure without a reply the flag stays on: only QUIT's reply follows, filtered too.)
  run.transcript.authPhase = false
  if (step.reply) step.reply.text = authReplyText(step.reply.text)
  run.facts.auth = { ...step, attempted: true, mechanism: chosen }
  run.record('auth', step)
  if (!step.ok) throw new Stop()
}

function testMessage(from: string, to: string[]): string {
  const lines = [
    `From: <${from}>`,
    `To: ${to.map((t) => `<${t}>`).join(', ')}`,
    'Subject: smtp-doctor test message',
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}@smtp-doctor.invalid>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'This is a test message sent by smtp-doctor to check the device settings.',
  ]
  return `${lines.join('\r\n')}\r\n.`
}

async function flow(run: Run, hooks: ProbeHooks, opts: ProbeOptions): Promise<void> {
  const s = run.settings
  // DNS
  const t0 = performance.now()
  let addresses: string[]
  try {
    addresses = await abortable(resolveHost(s.host, hooks, run.deadline), hooks.signal)
  } catch (err) {
    const f = err instanceof ProbeFailure ? err : new ProbeFailure('DNS_SERVFAIL', 'DNS lookup failed')
    run.facts.dns = { ok: false, ms: performance.now() - t0, error: run.error('dns', f) }
    run.record('dns', run.facts.dns)
    return
  }
  run.facts.dns = { ok: true, ms: performance.now() - t0, addresses }
  run.record('dns', run.facts.dns)
  const address = addresses[0] as string

  const matrix =
    opts.tlsMatrix && s.tls !== 'none'
      ? tlsMatrix({
          host: address,
          servername: s.host,
          port: s.port,
          tls: s.tls,
          timeoutMs: Math.max(50, run.deadline - Date.now()),
          ...(opts.ehloName ? { ehloName: opts.ehloName } : {}),
        })
      : null
  matrix?.catch(() => {})

  try {
    // TCP
    const t1 = performance.now()
    try {
      const socket = await abortable(connectTcp(address, s.port, run.deadline), hooks.signal, (sock) =>
        sock.destroy(),
      )
      run.wire = new SmtpWire(socket, run.transcript, hooks.limits)
      run.facts.tcp = { ok: true, ms: performance.now() - t1, address }
      run.transcript.note(`connected to ${address}:${s.port}`)
      run.record('tcp', run.facts.tcp)
    } catch (err) {
      const f = err instanceof ProbeFailure ? err : new ProbeFailure('TCP_UNREACHABLE', 'connect failed')
      run.facts.tcp = { ok: false, ms: performance.now() - t1, address, error: run.error('tcp', f) }
      run.record('tcp', run.facts.tcp)
      return
    }
    const wire = run.wire
    const name = opts.ehloName ?? addressLiteral(wire.current.localAddress)

    try {
      if (s.tls === 'implicit') await handshake(run, hooks)
      const banner = await run.exchange(
        'banner',
        (c) => c === 220,
        (w) => w.readReply(run.deadline),
      )
      run.facts.banner = banner.step
      run.record('banner', banner.step)
      if (!banner.step.ok) return await quit(run)

      let caps = await ehlo(run, 'ehlo', name)
      if (s.tls === 'starttls') {
        if (!caps.starttls) {
          const step: ProbeStep = {
            ok: false,
            ms: 0,
            error: run.error(
              'starttls',
              new ProbeFailure('STARTTLS_NOT_OFFERED', 'EHLO does not offer STARTTLS'),
            ),
          }
          run.facts.starttls = { ...step, offered: false }
          run.record('starttls', step)
          return await quit(run)
        }
        const st = await run.exchange(
          'starttls',
          (c) => c === 220,
          (w) => w.command('STARTTLS', run.deadline),
        )
        run.facts.starttls = { ...st.step, offered: true }
        run.record('starttls', st.step)
        if (!st.step.ok) return await quit(run)
        await handshake(run, hooks)
        caps = await ehlo(run, 'ehlo-tls', name)
      }

      const password = typeof s.password === 'string' && s.password.length > 0
      if (s.username && (password || s.accessToken)) await authenticate(run, caps.authMechanisms)

      const from = s.from ?? (s.username?.includes('@') ? s.username : undefined)
      if (from === undefined) return await quit(run)
      run.facts.mailFrom = { ok: false, address: from }
      const mail = await run.exchange(
        'mail',
        (c) => c === 250,
        (w) => w.command(`MAIL FROM:<${from}>`, run.deadline),
      )
      run.facts.mailFrom = { ...mail.step, address: from }
      run.record('mail', mail.step)
      if (!mail.step.ok) return await quit(run)

      const accepted: string[] = []
      for (const to of (s.recipients ?? []).slice(0, 100)) {
        const t2 = performance.now()
        try {
          const r = await wire.command(`RCPT TO:<${to}>`, run.deadline)
          const step = {
            ok: r.code === 250 || r.code === 251,
            ms: performance.now() - t2,
            reply: toReply(r, run.transcript),
          }
          run.facts.rcpt = [...(run.facts.rcpt ?? []), { ...step, address: to }]
          run.record('rcpt', step)
          if (step.ok) accepted.push(to)
        } catch (err) {
          const f =
            err instanceof ProbeFailure ? err : new ProbeFailure('PROTOCOL_ERROR', 'unexpected probe error')
          const step: ProbeStep = { ok: false, ms: performance.now() - t2, error: run.error('rcpt', f) }
          run.facts.rcpt = [...(run.facts.rcpt ?? []), { ...step, address: to }]
          run.record('rcpt', step)
          return
        }
      }

      if (opts.sendTestMessage && accepted.length > 0) {
        const data = await run.exchange(
          'data',
          (c) => c === 250,
          async (w) => {
            const r = await w.command('DATA', run.deadline)
            if (r.code !== 354) return r
            return w.command(testMessage(from, accepted), run.deadline, '(test message, 9 lines)\r\n.')
          },
        )
        run.facts.data = data.step
        run.record('data', data.step)
      }
      await quit(run)
    } catch (err) {
      if (!(err instanceof Stop)) throw err
      // A refused step still ends the session politely; quit() skips a dead connection.
      await quit(run)
    }
  } finally {
    run.wire?.destroy()
    if (matrix) {
      const versions = await matrix.catch(() => null)
      if (versions) run.facts.tlsVersions = versions
    }
  }
}

async function quit(run: Run): Promise<void> {
  const wire = run.wire
  if (!wire || wire.failed) return
  const t0 = performance.now()
  try {
    const r = await wire.command('QUIT', Math.min(run.deadline, Date.now() + QUIT_WAIT_MS))
    run.record(
      'quit',
      { ok: r.code === 221, ms: performance.now() - t0, reply: toReply(r, run.transcript) },
      { final: false },
    )
  } catch (err) {
    // A server that hangs up instead of answering QUIT has still done its job.
    const f = err instanceof ProbeFailure ? err : new ProbeFailure('CONNECTION_CLOSED', 'closed')
    run.record(
      'quit',
      { ok: f.code === 'CONNECTION_CLOSED', ms: performance.now() - t0, error: run.error('quit', f) },
      { countsAsFailure: false },
    )
  }
}

/**
 * Probes an SMTP endpoint as the device would use it: DNS → TCP → banner → EHLO → STARTTLS or
 * implicit TLS (version, cipher, certificate; an untrusted certificate is recorded, never
 * fatal) → EHLO → AUTH (PLAIN, LOGIN or XOAUTH2) → MAIL FROM → RCPT TO → (DATA only with
 * `sendTestMessage`) → QUIT. Every step has a deadline inside `timeoutMs`. Resolves with facts
 * for `diagnose`, never rejects except for invalid input (ZodError). Secrets never appear in
 * the result: the transcript shows `AUTH PLAIN ****`, and `facts.settings.password` is a boolean.
 */
export async function probe(input: ProbeInput): Promise<ProbeResult> {
  const settings = DeviceSettings.parse(input)
  const opts = ProbeOptions.parse({
    timeoutMs: input.timeoutMs,
    sendTestMessage: input.sendTestMessage,
    ehloName: input.ehloName,
    tlsMatrix: input.tlsMatrix,
  })
  const hooks: ProbeHooks = {}
  if (typeof input.lookup === 'function') hooks.lookup = input.lookup
  if (input.resolver) hooks.resolver = input.resolver
  if (typeof input.onStep === 'function') hooks.onStep = input.onStep
  if (input.signal) hooks.signal = input.signal
  if (input.ca) hooks.ca = input.ca
  if (input.clientCertificate) hooks.clientCertificate = input.clientCertificate
  if (input.limits) hooks.limits = input.limits

  // Every form of the password and the token (and of the AUTH blobs around them) is masked.
  const transcript = new Transcript(
    redactor({ username: settings.username, secrets: [settings.password, settings.accessToken] }),
  )

  const deadline = Date.now() + (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  const run = new Run(settings, transcript, deadline, hooks.onStep)
  const signal = input.signal
  const onAbort = (): void => run.wire?.fail(new ProbeFailure('TIMEOUT', 'the probe was aborted'))
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    await flow(run, hooks, opts)
  } finally {
    signal?.removeEventListener('abort', onAbort)
    run.wire?.destroy()
  }
  const final = run.final()
  if (final) run.facts.lastReply = final

  const { password: secret, accessToken: _token, ...rest } = settings
  const shown: DeviceSettings = { ...rest }
  if (secret !== undefined) shown.password = typeof secret === 'string' ? secret.length > 0 : secret
  // A last pass over everything returned: certificate fields, capabilities and errors included.
  return transcript.redactDeep({
    facts: { settings: shown, probe: run.facts },
    transcript: transcript.done(),
    steps: run.steps,
  })
}
