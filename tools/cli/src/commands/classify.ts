import { classify } from '@smtp-doctor/rules'
import { type Context, printJson } from '../context.js'
import { EXIT } from '../errors.js'
import { hasProblem, renderFindings } from '../render.js'
import { type SettingsFlags, settingsFromFlags } from '../settings.js'

/** `smtp-doctor classify --host … --port …`: which option the settings are for, and what is off. */
export async function classifyCommand(ctx: Context, flags: SettingsFlags): Promise<number> {
  const settings = { ...settingsFromFlags(flags), password: flags.passwordSet === true }
  const result = await classify(settings, { lang: ctx.lang })
  if (ctx.json) printJson(result)
  else {
    // The header is the engine's description of what it classified (port, TLS mode, sign-in).
    ctx.out(`${ctx.style.bold(`${ctx.L.option}:`)} ${result.description.text}\n`)
    ctx.out(renderFindings(ctx, result.findings))
  }
  return hasProblem(result.findings) ? EXIT.problem : EXIT.ok
}
