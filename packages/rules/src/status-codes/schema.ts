/**
 * The schema of `catalogue.yaml`: RFC 3463 class / subject / detail meanings and the Exchange
 * Online codes Microsoft documents, in English and Czech. Validated once by the bundle build.
 */
import { FAILURE_KINDS } from '@smtp-doctor/core'
import { z } from 'zod'

/** The sentences the generic findings are built from. */
export const TEMPLATE_KEYS = [
  'replyTitle',
  'replySymptom',
  'codeSymptom',
  'replyOthers',
  'replyCause',
  'replyMeaning',
  'replyMicrosoft',
  'replyPage',
  'basicOnly',
  'connectionTitle',
  'connectionSymptom',
  'connectionWhere',
  'providerTitle',
] as const
export type TemplateKey = (typeof TEMPLATE_KEYS)[number]

const text = z.string().trim().min(1)
/** One meaning in both languages; a missing language fails the build, not a reader. */
export const Meaning = z.object({ en: text, cs: text }).strict()
export type Meaning = z.infer<typeof Meaning>

export const EnhancedCode = z
  .string()
  .regex(/^[245]\.\d{1,3}\.\d{1,3}$/, 'RFC 3463 enhanced status code like 5.7.60')
/** An inclusive range within one class.subject, e.g. `5.7.606-5.7.649`. */
export const CodeRange = z
  .string()
  .regex(/^([245]\.\d{1,3})\.(\d{1,3})-\1\.(\d{1,3})$/, 'a range like 5.7.606-5.7.649 (same class.subject)')

const Source = z.object({ title: text, url: z.url(), date: z.iso.date() }).strict()

/** A Microsoft code (or range of codes) with its meaning and, where Microsoft has one, its page. */
export const MicrosoftCode = z
  .object({
    codes: z.array(EnhancedCode).min(1).optional(),
    range: CodeRange.optional(),
    en: text,
    cs: text,
    page: z.url().optional(),
  })
  .strict()
  .refine((m) => (m.codes === undefined) !== (m.range === undefined), 'exactly one of codes or range')

export const StatusCatalogue = z
  .object({
    sources: z.object({ rfc: Source, registry: Source, microsoft: Source }).strict(),
    classes: z.record(z.enum(['2', '4', '5']), Meaning),
    subjects: z.record(z.string().regex(/^[0-7]$/), Meaning),
    details: z.record(z.string().regex(/^[0-7]\.\d{1,3}$/), Meaning),
    microsoft: z.array(MicrosoftCode),
    /** Display names of the providers other-provider-reply recognises. */
    providers: z.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), Meaning),
    /** Basic reply codes (RFC 5321), for replies without an enhanced code. */
    basic: z.record(z.string().regex(/^[245]\d\d$/), Meaning),
    /** Meaning of each connection failure kind (core's FAILURE_KINDS). */
    failures: z.record(z.enum(FAILURE_KINDS), Meaning),
    /** Sentences of the generic findings, with `{placeholders}`. */
    templates: z.record(z.enum(TEMPLATE_KEYS), Meaning),
  })
  .strict()
  .refine((c) => FAILURE_KINDS.every((k) => k in c.failures), 'every failure kind needs a meaning')
  .refine((c) => TEMPLATE_KEYS.every((k) => k in c.templates), 'every template is needed')
export type StatusCatalogue = z.infer<typeof StatusCatalogue>

/** The compiled form in the bundle: exact codes in a map, ranges as numbers, for O(1)/O(ranges) look-up. */
export type CompiledStatusCodes = {
  sources: StatusCatalogue['sources']
  classes: Record<string, Meaning>
  subjects: Record<string, Meaning>
  details: Record<string, Meaning>
  /** Exact Microsoft codes → index into `entries`. */
  exact: Record<string, number>
  /** Microsoft ranges: `prefix` is class.subject, `from`/`to` the detail bounds, `entry` an index. */
  ranges: { prefix: string; from: number; to: number; entry: number }[]
  entries: { en: string; cs: string; page?: string }[]
  basic: Record<string, Meaning>
  providers: Record<string, Meaning>
  failures: Record<string, Meaning>
  templates: Record<TemplateKey, Meaning>
}
