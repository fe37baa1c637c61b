import type { Needs } from '@smtp-doctor/core'
import { type AdvisedOption, advise, SETTINGS_TEXT } from '@smtp-doctor/rules'
import { type Context, printJson } from '../context.js'
import { CliError, EXIT } from '../errors.js'
import type { Labels } from '../i18n.js'
import { interactive, withQuestions } from '../prompt.js'
import { inline } from '../render.js'
import { intFlag } from '../settings.js'

const TLS: Record<string, NonNullable<Needs['maxTlsVersion']>> = {
  '1.0': 'TLSv1',
  '1': 'TLSv1',
  '1.1': 'TLSv1.1',
  '1.2': 'TLSv1.2',
  '1.3': 'TLSv1.3',
  none: 'none',
}

const BOOL_FLAGS = {
  externalRecipients: 'externalRecipients',
  canAuthenticate: 'canAuthenticate',
  oauth: 'oauth',
  staticIp: 'staticIp',
  manySenders: 'sendsAsManyAddresses',
  thirdPartyHosted: 'thirdPartyHosted',
  port25Open: 'port25Open',
} as const

/** Needs from the advise flags; only what was given is set (unknown is not false). */
export function needsFromFlags(f: Record<string, unknown>): Needs {
  const needs: Needs = {}
  for (const [flag, key] of Object.entries(BOOL_FLAGS)) {
    if (typeof f[flag] === 'boolean') needs[key] = f[flag] as boolean
  }
  if (typeof f.maxTls === 'string') needs.maxTlsVersion = TLS[f.maxTls]
  if (typeof f.dailyVolume === 'string')
    needs.dailyVolume = intFlag('daily-volume', f.dailyVolume, 0, 100_000_000)
  if (typeof f.hostFieldMaxLength === 'string') {
    needs.hostFieldMaxLength = intFlag('host-field-max-length', f.hostFieldMaxLength, 1, 1024)
  }
  if (typeof f.domain === 'string') needs.domain = f.domain
  return needs
}

async function askNeeds(L: Labels): Promise<Needs> {
  return withQuestions(async (ask) => {
    const needs: Needs = {}
    process.stdout.write(`${L.adviseIntro}\n`)
    const yesNo = async (key: keyof typeof L.questions): Promise<boolean | undefined> => {
      for (let tries = 0; tries < 3; tries++) {
        const a = (await ask(`${L.questions[key]} ${L.yesNo} `))?.toLowerCase()
        if (a === undefined) return undefined
        if (L.yes.includes(a)) return true
        if (L.no.includes(a)) return false
      }
      return undefined
    }
    for (const key of ['externalRecipients', 'canAuthenticate'] as const) {
      const v = await yesNo(key)
      if (v !== undefined) needs[key] = v
    }
    if (needs.canAuthenticate !== false) {
      const v = await yesNo('oauth')
      if (v !== undefined) needs.oauth = v
    }
    const tls = await ask(`${L.questions.maxTlsVersion} `)
    if (tls && TLS[tls.toLowerCase()]) needs.maxTlsVersion = TLS[tls.toLowerCase()]
    for (const key of ['staticIp', 'sendsAsManyAddresses', 'thirdPartyHosted', 'port25Open'] as const) {
      const v = await yesNo(key)
      if (v !== undefined) needs[key] = v
    }
    const domain = await ask(`${L.questions.domain} `)
    if (domain) needs.domain = domain
    return needs
  })
}

function renderOption(ctx: Context, o: AdvisedOption, i: number): string {
  const { style: s, L, color } = ctx
  const md = (t: string) => inline(t, s, color)
  const head = !o.suitable ? s.dim(`${i + 1}. `) : i === 0 ? s.green(`★ ${L.recommended}: `) : `${i + 1}. `
  const title = o.suitable ? s.bold(md(o.title)) : `${s.dim(md(o.title))} ${s.red(`(${L.notSuitable})`)}`
  const lines = [`${head}${title}  ${s.dim(`[${o.option}]`)}`]
  for (const r of o.reasons) lines.push(`   ${r.ok ? s.green('✔') : s.red('✖')} ${md(r.text)}`)
  if (o.suitable) {
    const c = o.settings
    const row = (k: string, v: string | number | null) => {
      if (v !== null && v !== '') lines.push(`     ${k.padEnd(24)} ${s.cyan(String(v))}`)
    }
    // Field names, TLS modes and sign-in kinds in the engine's words (as the site's card).
    const t = SETTINGS_TEXT[ctx.lang]
    lines.push(`   ${s.bold(`${L.settingsCard}:`)}`)
    row(t.host, c.host)
    row(t.port, c.port)
    row(t.tls, t.tlsModes[c.tls] ?? c.tls)
    row(t.signIn, t.signInModes[c.authentication] ?? c.authentication)
    row(t.username, c.username)
    row(L.password, c.password)
    row(L.from, c.from)
    for (const n of c.notes) lines.push(`     ${s.dim('·')} ${md(n)}`)
  }
  return lines.join('\n')
}

/** `smtp-doctor advise`: the sending options ranked for the device's needs, with a settings card. */
export async function adviseCommand(ctx: Context, flags: Record<string, unknown>): Promise<number> {
  let needs = needsFromFlags(flags)
  if (Object.keys(needs).length === 0 && interactive() && !ctx.json) needs = await askNeeds(ctx.L)
  if (flags.maxTls !== undefined && needs.maxTlsVersion === undefined) throw new CliError('bad --max-tls')
  const result = await advise(needs, { lang: ctx.lang })
  if (ctx.json) printJson(result)
  else {
    ctx.out(result.options.map((o, i) => renderOption(ctx, o, i)).join('\n\n'))
  }
  return EXIT.ok
}
