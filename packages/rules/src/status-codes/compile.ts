/**
 * Build step: validates the parsed `catalogue.yaml` with the zod schema and compiles it into the
 * form the engine looks codes up in. scripts/build-bundle.ts reads and parses the file and calls
 * this; it is pure (no file or Node access), so it can also run in tests.
 */
import { type CompiledStatusCodes, StatusCatalogue } from './schema.js'

/** Where the catalogue lives, relative to the package (for the build and for messages). */
export const STATUS_CATALOGUE_PATH = 'src/status-codes/catalogue.yaml'
const REL = STATUS_CATALOGUE_PATH

/**
 * Validates and compiles the parsed catalogue; problems name the file and path, and then no data
 * is returned.
 */
export function compileStatusCodes(raw: unknown): {
  data: CompiledStatusCodes | null
  problems: string[]
} {
  const parsed = StatusCatalogue.safeParse(raw)
  if (!parsed.success)
    return {
      data: null,
      problems: parsed.error.issues.map((i) => `${REL}: ${i.path.join('.') || '(root)'}: ${i.message}`),
    }
  const cat = parsed.data
  const problems: string[] = []
  const exact: Record<string, number> = {}
  const ranges: CompiledStatusCodes['ranges'] = []
  const entries: CompiledStatusCodes['entries'] = []
  cat.microsoft.forEach((m, i) => {
    const entry = entries.length
    entries.push(m.page === undefined ? { en: m.en, cs: m.cs } : { en: m.en, cs: m.cs, page: m.page })
    for (const c of m.codes ?? []) {
      if (c in exact) problems.push(`${REL}: microsoft.${i}: code ${c} is listed twice`)
      exact[c] = entry
    }
    if (m.range) {
      const [lo, hi] = m.range.split('-') as [string, string]
      const prefix = lo.slice(0, lo.lastIndexOf('.'))
      const from = Number(lo.slice(lo.lastIndexOf('.') + 1))
      const to = Number(hi.slice(hi.lastIndexOf('.') + 1))
      if (from > to) problems.push(`${REL}: microsoft.${i}: range ${m.range} is empty`)
      for (const r of ranges)
        if (r.prefix === prefix && from <= r.to && r.from <= to)
          problems.push(`${REL}: microsoft.${i}: range ${m.range} overlaps another range`)
      ranges.push({ prefix, from, to, entry })
    }
  })
  for (const s of Object.keys(cat.details)) {
    const subject = s.slice(0, s.indexOf('.'))
    if (!(subject in cat.subjects)) problems.push(`${REL}: details.${s}: subject ${subject} is not defined`)
  }
  if (problems.length > 0) return { data: null, problems }
  return {
    data: {
      sources: cat.sources,
      classes: cat.classes,
      subjects: cat.subjects,
      details: cat.details,
      exact,
      ranges,
      entries,
      basic: cat.basic,
      providers: cat.providers,
      failures: cat.failures,
      templates: cat.templates as CompiledStatusCodes['templates'],
    },
    problems,
  }
}
