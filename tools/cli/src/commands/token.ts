import { type Facts, type Token, tokenClaimRows } from '@smtp-doctor/core'
import type { Context } from '../context.js'
import { CliError, EXIT } from '../errors.js'
import { readStdin } from '../input.js'
import { hasProblem, renderFindings } from '../render.js'

const TEXT = {
  en: {
    claims: 'Token claims',
    none: '(none)',
    expiresIn: (m: number) => (m >= 0 ? `in ${m} min` : `${-m} min ago`),
    noToken:
      'no token: set SMTP_DOCTOR_TOKEN or pipe the token on stdin (never a flag: other users can see argv)',
    flagToken:
      'the token is never a flag (other users can see it): set SMTP_DOCTOR_TOKEN or pipe it on stdin',
  },
  cs: {
    claims: 'Deklarace (claims) tokenu',
    none: '(žádné)',
    expiresIn: (m: number) => (m >= 0 ? `za ${m} min` : `před ${-m} min`),
    noToken:
      'chybí token: nastavte SMTP_DOCTOR_TOKEN nebo token pošlete na standardní vstup (nikdy jako přepínač: argumenty vidí i jiní uživatelé)',
    flagToken:
      'token se nikdy nezadává přepínačem (vidí ho i jiní uživatelé): nastavte SMTP_DOCTOR_TOKEN nebo ho pošlete na standardní vstup',
  },
} as const

/** The claims block for the terminal. */
export function renderClaims(ctx: Context, t: Token): string {
  const s = ctx.style
  const lines = [s.bold(`${TEXT[ctx.lang].claims}:`)]
  const L = TEXT[ctx.lang]
  for (const [k, v] of tokenClaimRows(t, { none: L.none, relative: L.expiresIn }))
    lines.push(`  ${s.dim(k.padEnd(6))} ${v}`)
  return lines.join('\n')
}

/**
 * `smtp-doctor token`: reads an access token from SMTP_DOCTOR_TOKEN or stdin, decodes its
 * claims locally (no network, no signature check), and prints the engine's verdict on them and
 * the claims. The token's text is never printed.
 */
export async function tokenCommand(
  ctx: Context,
  flags: { user?: string; tenantId?: string; token?: string },
): Promise<number> {
  const L = TEXT[ctx.lang]
  if (flags.token !== undefined) throw new CliError(L.flagToken)
  let text = process.env.SMTP_DOCTOR_TOKEN ?? ''
  if (!text.trim() && !process.stdin.isTTY) text = await readStdin()
  if (!text.trim()) throw new CliError(L.noToken)
  const { decodeToken, TokenDecodeError } = await import('@smtp-doctor/core')
  let token: Token
  try {
    token = decodeToken(text)
  } catch (err) {
    if (err instanceof TokenDecodeError) throw new CliError(err.message)
    throw err
  }
  const facts: Facts = { token }
  if (flags.user)
    facts.settings = {
      host: 'smtp.office365.com',
      port: 587,
      tls: 'starttls',
      username: flags.user,
      authMethod: 'xoauth2',
    }
  if (flags.tenantId) facts.tenant = { tenantId: flags.tenantId }
  const { diagnose } = await import('@smtp-doctor/rules')
  const diagnosis = await diagnose(facts, { lang: ctx.lang })
  if (ctx.json) {
    process.stdout.write(`${JSON.stringify({ ...diagnosis, token }, null, 2)}\n`)
  } else {
    ctx.out(renderClaims(ctx, token))
    ctx.out('')
    ctx.out(renderFindings(ctx, diagnosis.findings))
  }
  return hasProblem(diagnosis.findings) ? EXIT.problem : EXIT.ok
}
