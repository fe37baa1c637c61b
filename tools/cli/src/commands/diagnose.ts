import { diagnose } from '@smtp-doctor/rules'
import { type Context, printJson } from '../context.js'
import { EXIT } from '../errors.js'
import { readJsonArg } from '../input.js'
import { hasProblem, renderFindings } from '../render.js'

/** `smtp-doctor diagnose <facts.json>`: findings for facts (settings, tenant, observed, probe). */
export async function diagnoseCommand(ctx: Context, file: string): Promise<number> {
  const facts = await readJsonArg(file)
  // The engine validates the facts and throws a ValidationError with zod issues (exit 2).
  const result = await diagnose(facts as Parameters<typeof diagnose>[0], { lang: ctx.lang })
  if (ctx.json) printJson(result)
  else ctx.out(renderFindings(ctx, result.findings))
  return hasProblem(result.findings) ? EXIT.problem : EXIT.ok
}
