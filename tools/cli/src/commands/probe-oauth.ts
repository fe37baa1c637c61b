/**
 * The `--oauth` part of `smtp-doctor probe`: get a token (shown as a live step with its timing),
 * read its claims (the next step), and hand the token to the SMTP probe for AUTH XOAUTH2. A
 * refusal of the token service becomes facts (its AADSTS text) and the engine's findings.
 */
import type { DeviceSettings, Facts, Token } from '@smtp-doctor/core'
import type { Context } from '../context.js'
import { CliError, EXIT } from '../errors.js'
import { readTextFile } from '../input.js'
import { renderFindings } from '../render.js'
import type { Style } from '../style.js'
import {
  APP_SCOPE,
  acquireToken,
  authorityHostOf,
  checkIds,
  DELEGATED_SCOPE,
  type OAuthFlow,
  type TokenServiceError,
} from './oauth.js'

/** The `--oauth` flags of `probe`. */
export type OAuthFlags = {
  oauth?: string
  tenant?: string
  clientId?: string
  clientCert?: string
  clientKey?: string
  clientSecret?: string
  scope?: string
}

/** One OAuth step as the JSON answer reports it. */
export type OAuthStep = { stage: 'token' | 'claims'; ok: boolean; ms: number; error?: TokenServiceError }

/** What the OAuth part hands back to the probe. */
export type OAuthOutcome =
  | { ok: true; accessToken: string; token: Token; steps: OAuthStep[]; flow: OAuthFlow }
  | { ok: false; exit: number }

/** A progress line in the probe's layout: mark, stage, what happened, how long it took. */
function line(s: Style, ok: boolean, stage: string, detail: string, ms: number): string {
  const one = detail.replace(/\s+/g, ' ').trim()
  const shown = one.length > 60 ? `${one.slice(0, 59)}…` : one
  const t = `${Math.round(ms)} ms`
  return `${ok ? s.green('✔') : s.red('✖')} ${s.bold(stage.padEnd(10))} ${shown.padEnd(60)} ${s.dim(t.padStart(7))}`.trimEnd()
}

function claimSummary(t: Token): string {
  const perms = t.roles?.length
    ? `roles ${t.roles.join(' ')}`
    : t.scp?.length
      ? `scp ${t.scp.join(' ')}`
      : 'no roles, no scp'
  const left =
    t.exp !== undefined && t.checkedAt !== undefined
      ? ` · exp ${Math.round((t.exp - t.checkedAt) / 60)} min`
      : ''
  return `aud ${t.aud ?? '?'} · ${perms}${left}`
}

/** Settings as the token's sign-in shows them to the engine: XOAUTH2 with the given mailbox. */
function oauthSettings(settings: DeviceSettings): DeviceSettings {
  return { ...settings, authMethod: 'xoauth2' }
}

/**
 * Runs the token request and the claims step. Prints each step (unless `--json`); on a refusal
 * prints (or answers in JSON) the engine's findings for it and returns the exit code.
 */
export async function oauthForProbe(
  ctx: Context,
  flags: OAuthFlags,
  settings: DeviceSettings,
  timeoutMs: number,
  out: (text: string) => void,
): Promise<OAuthOutcome> {
  if (flags.clientSecret !== undefined)
    throw new CliError(
      'the client secret is never a flag (other users can see it): set SMTP_DOCTOR_CLIENT_SECRET',
    )
  const flow = flags.oauth as OAuthFlow
  if (flow !== 'client-credentials' && flow !== 'device-code')
    throw new CliError('--oauth is client-credentials or device-code')
  const { tenant, clientId } = checkIds(flags.tenant, flags.clientId)
  if (!settings.username)
    throw new CliError('--oauth needs --user <mailbox> (the XOAUTH2 user the token signs in as)')
  if (Boolean(flags.clientCert) !== Boolean(flags.clientKey))
    throw new CliError('--client-cert and --client-key go together')
  if (flow === 'device-code' && (flags.clientCert || process.env.SMTP_DOCTOR_CLIENT_SECRET))
    throw new CliError('--oauth device-code signs in a user: it takes no client secret or certificate')
  const certificate =
    flags.clientCert && flags.clientKey
      ? { cert: await readTextFile(flags.clientCert), key: await readTextFile(flags.clientKey) }
      : undefined
  const clientSecret = process.env.SMTP_DOCTOR_CLIENT_SECRET || undefined
  const caFile = process.env.SMTP_DOCTOR_AUTHORITY_CA
  const ca = caFile ? await readTextFile(caFile) : undefined
  const scope = flags.scope?.trim() || (flow === 'client-credentials' ? APP_SCOPE : DELEGATED_SCOPE)
  if (!/^\S{1,512}$/.test(scope))
    throw new CliError('--scope is one scope, e.g. https://outlook.office365.com/.default')

  const result = await acquireToken({
    flow,
    tenant,
    clientId,
    scopes: [scope],
    ...(clientSecret && !certificate ? { clientSecret } : {}),
    ...(certificate ? { certificate } : {}),
    authorityHost: authorityHostOf(process.env.SMTP_DOCTOR_AUTHORITY_HOST),
    ...(ca ? { ca } : {}),
    timeoutMs,
    onDeviceCode: (message) => ctx.err(message),
  })
  const { diagnose } = await import('@smtp-doctor/rules')
  if (!result.ok) {
    const e = result.error
    if (!ctx.json)
      out(line(ctx.style, false, 'token', `${e.aadsts ? `AADSTS${e.aadsts} ` : ''}${e.error}`, result.ms))
    // The service's own words are the evidence: the rules recognise AADSTS codes in text.
    const facts: Facts = { settings: oauthSettings(settings), observed: { errorText: e.description } }
    const diagnosis = await diagnose(facts, { lang: ctx.lang })
    const step: OAuthStep = { stage: 'token', ok: false, ms: result.ms, error: e }
    if (ctx.json) out(JSON.stringify({ ...diagnosis, oauth: { flow, steps: [step] } }, null, 2))
    else {
      out(`  ${ctx.style.dim('token service:')} ${e.description}`)
      out('')
      out(renderFindings(ctx, diagnosis.findings))
    }
    return { ok: false, exit: EXIT.problem }
  }
  if (!ctx.json) out(line(ctx.style, true, 'token', `${flow} · ${scope}`, result.ms))
  const started = performance.now()
  const { decodeToken } = await import('@smtp-doctor/core')
  let token: Token
  try {
    token = decodeToken(result.accessToken)
  } catch (err) {
    throw new CliError(
      `the token service answered with a token that cannot be read: ${(err as Error).message}`,
    )
  }
  const ms = performance.now() - started
  if (!ctx.json) out(line(ctx.style, true, 'claims', claimSummary(token), ms))
  return {
    ok: true,
    flow,
    accessToken: result.accessToken,
    token,
    steps: [
      { stage: 'token', ok: true, ms: result.ms },
      { stage: 'claims', ok: true, ms },
    ],
  }
}
