import type { ProbeFacts } from '@smtp-doctor/core'
import type { ProbeStepEvent } from '@smtp-doctor/core/probe'
import { Redactor } from '@smtp-doctor/core/redact'
import type { Context } from '../context.js'
import { CliError, EXIT } from '../errors.js'
import { interactive, promptHidden } from '../prompt.js'
import { hasProblem, probeFailureReason, renderProbeOutcome } from '../render.js'
import { intFlag, type SettingsFlags, settingsFromFlags } from '../settings.js'
import type { Style } from '../style.js'
import { deviceMaxTls, mergeProbeFacts, type ProbeDnsTlsFlags, prepareProbeDnsTls } from './probe-dns-tls.js'
import { type OAuthFlags, oauthForProbe } from './probe-oauth.js'

const STAGE_LABEL: Record<string, string> = {
  dns: 'DNS',
  tcp: 'TCP',
  banner: 'banner',
  ehlo: 'EHLO',
  starttls: 'STARTTLS',
  tls: 'TLS',
  'ehlo-tls': 'EHLO (TLS)',
  auth: 'AUTH',
  mail: 'MAIL FROM',
  rcpt: 'RCPT TO',
  data: 'DATA',
  quit: 'QUIT',
}

type StepReport = Pick<ProbeStepEvent, 'stage' | 'ok' | 'reply' | 'error'> & { ms?: number }

function clip(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim()
  return one.length > max ? `${one.slice(0, max - 1)}…` : one
}

const AUTH_MECHS = /\bAUTH[ =]((?:(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER|CRAM-MD5|DIGEST-MD5|NTLM|GSSAPI)\b ?)+)/i

function detailOf(step: StepReport): string {
  if (step.error) return `${step.error.code}: ${step.error.message}`
  if (!step.reply) return ''
  const { code, enhanced, text } = step.reply
  if ((step.stage === 'ehlo' || step.stage === 'ehlo-tls') && step.ok) {
    // What matters in an EHLO answer is what it offers, not the greeting.
    const offers = [/\bSTARTTLS\b/i.test(text) ? 'STARTTLS' : '', AUTH_MECHS.exec(text)?.[0]?.trim() ?? '']
    const shown = offers.filter(Boolean)
    const none = step.stage === 'ehlo' ? 'no STARTTLS, no AUTH offered' : 'no AUTH offered'
    return `${code} ${shown.length ? shown.join(' · ') : none}`
  }
  return [code, enhanced, text].filter(Boolean).join(' ')
}

/** What the progress lines cannot show live: addresses, TLS session and certificate. */
function summaryOf(ctx: Context, p: ProbeFacts | undefined): string[] {
  const s = ctx.style
  const lines: string[] = []
  if (p?.dns?.addresses?.length) lines.push(`  ${s.dim('DNS:')} ${p.dns.addresses.join(', ')}`)
  if (p?.tls?.protocol) {
    const cert = p.tls.certificate
    const trust = cert?.trusted === false ? s.yellow(` (${cert.authorizationError ?? 'untrusted'})`) : ''
    lines.push(
      `  ${s.dim('TLS:')} ${p.tls.protocol} ${p.tls.cipher ?? ''}${cert?.subject ? ` · ${cert.subject}` : ''}${trust}`,
    )
  }
  const mechs = p?.ehloTls?.authMechanisms ?? p?.ehlo?.authMechanisms
  if (mechs?.length)
    lines.push(`  ${s.dim('AUTH:')} ${mechs.join(' ')}${p?.auth?.mechanism ? ` → ${p.auth.mechanism}` : ''}`)
  return lines
}

/** One live progress line: mark, stage, what happened, and how long it took. */
export function renderStep(s: Style, step: StepReport): string {
  const mark = step.ok ? s.green('✔') : s.red('✖')
  const label = (STAGE_LABEL[step.stage] ?? step.stage).padEnd(10)
  const ms = step.ms === undefined ? '' : `${Math.round(step.ms)} ms`
  const detail = clip(detailOf(step), 60)
  return `${mark} ${s.bold(label)} ${detail.padEnd(60)} ${s.dim(ms.padStart(7))}`.trimEnd()
}

/**
 * `smtp-doctor probe`: connects as the device would, showing each step live, then diagnoses
 * what it measured. The password comes from SMTP_DOCTOR_PASSWORD or a hidden prompt, the
 * token from SMTP_DOCTOR_TOKEN; neither is a flag, and neither is ever printed.
 */
export async function probeCommand(
  ctx: Context,
  flags: SettingsFlags & { timeout: string; password?: string; transcript?: boolean } & OAuthFlags &
    ProbeDnsTlsFlags,
): Promise<number> {
  if (flags.password !== undefined) {
    throw new CliError(
      'the password is never a flag (other users can see it): set SMTP_DOCTOR_PASSWORD, or run on a terminal to be asked',
    )
  }
  const settings = settingsFromFlags(flags)
  const timeoutMs = intFlag('timeout', flags.timeout, 100, 300_000)
  const clientSecret = process.env.SMTP_DOCTOR_CLIENT_SECRET || undefined
  const early = new Redactor({ secrets: [clientSecret] })
  // --oauth: the token comes from the token service (its steps shown live), not from the environment.
  const oauth = flags.oauth
    ? await oauthForProbe(ctx, flags, settings, timeoutMs, (t) => ctx.out(early.redact(t)))
    : undefined
  if (oauth && !oauth.ok) return oauth.exit
  const token = oauth?.accessToken ?? (process.env.SMTP_DOCTOR_TOKEN || undefined)
  let password = oauth ? undefined : process.env.SMTP_DOCTOR_PASSWORD || undefined
  if (settings.username && !password && !token && interactive()) {
    password = await promptHidden(ctx.L.passwordPrompt(settings.username))
  }
  if (settings.username && !password && !token) ctx.err(ctx.L.noPassword)
  // Belt and braces: whatever a server echoes back, no form of a secret reaches the terminal
  // (core's redaction module: raw, escaped, hex, base64 at every alignment, the AUTH blobs).
  const redactor = new Redactor({ username: settings.username, secrets: [password, token, clientSecret] })
  const redact = (text: string) => redactor.redact(text)
  const out = (text: string) => ctx.out(redact(text))

  const { probe } = await import('@smtp-doctor/core/probe')
  // --tls-matrix / --domain / --ip: validated first, then run beside the conversation (probe-dns-tls.ts).
  const maxTls = deviceMaxTls(flags.deviceMaxTls)
  if (maxTls) settings.maxTlsVersion = maxTls
  const wantsExtras =
    flags.tlsMatrix || flags.domain !== undefined || flags.ip !== undefined || flags.resolver
  const prepared = wantsExtras ? await prepareProbeDnsTls(flags, settings, timeoutMs) : undefined
  if (!ctx.json) out(ctx.style.bold(ctx.L.probing(`${settings.host}:${settings.port} (${settings.tls})`)))
  const extras = prepared?.start({ lang: ctx.lang, json: ctx.json, style: ctx.style, out })
  let live = false
  const result = await probe({
    ...settings,
    ...(password ? { password } : {}),
    ...(token ? { accessToken: token } : {}),
    ...(extras?.hostResolver ? { resolver: extras.hostResolver } : {}),
    timeoutMs,
    onStep: ctx.json
      ? undefined
      : (step: ProbeStepEvent) => {
          live = true
          out(renderStep(ctx.style, step))
        },
  })
  if (extras) result.facts.probe = mergeProbeFacts(result.facts.probe, await extras.finish())
  if (!ctx.json) {
    if (!live) for (const step of result.steps) out(renderStep(ctx.style, step))
    for (const line of summaryOf(ctx, result.facts.probe)) out(line)
    if (flags.transcript) {
      out(`\n${ctx.style.bold(`${ctx.L.transcript}:`)}`)
      for (const line of result.transcript) out(`  ${ctx.style.dim(line)}`)
    }
  }

  // The engine is loaded only now: the probe above ran without it.
  const { diagnose } = await import('@smtp-doctor/rules')
  // A token from SMTP_DOCTOR_TOKEN is judged too: its claims (never the token) join the facts.
  const claims = oauth?.ok
    ? oauth.token
    : token
      ? (await import('@smtp-doctor/core')).tokenClaimsOf(token)
      : undefined
  const facts = claims ? { ...result.facts, token: claims } : result.facts
  const diagnosis = await diagnose(facts, { lang: ctx.lang })
  // A step that failed (no reply, or a refusal) is the verdict: named, never "No problem found".
  const failure = probeFailureReason(
    ctx,
    result.steps,
    result.facts.probe,
    settings,
    (stage) => STAGE_LABEL[stage] ?? stage,
  )
  const failed = Boolean(result.facts.probe?.error) || failure !== undefined
  if (ctx.json) {
    // The API's POST /v1/probe answer: findings, the probe facts, the redacted transcript, step timings.
    const answer = {
      ...diagnosis,
      probe: result.facts.probe,
      transcript: result.transcript,
      steps: result.steps,
      ...(oauth?.ok ? { oauth: { flow: oauth.flow, steps: oauth.steps, token: oauth.token } } : {}),
    }
    const json = JSON.stringify(answer, null, 2)
    process.stdout.write(`${redact(json)}\n`)
  } else {
    out('')
    out(renderProbeOutcome(ctx, diagnosis.findings, failure))
  }
  return hasProblem(diagnosis.findings) || failed ? EXIT.problem : EXIT.ok
}
