/**
 * What an enhanced status code means, from the compiled catalogue in the bundle: the class
 * (retry or not), the subject, the standard detail and — when Microsoft documents the code — its
 * Exchange Online meaning and page. Browser-safe; a look-up is a map access plus a short range scan.
 */
import type { Lang } from '@smtp-doctor/core'
import type { CompiledStatusCodes } from './schema.js'

/** One code explained in one language. Fields are absent when the catalogue has nothing for them. */
export type CodeDescription = {
  code: string
  /** e.g. "permanent failure — …" */
  class?: string
  /** e.g. "security or policy (…)" */
  subject?: string
  /** The standard meaning of subject.detail (RFC 3463 and later registrations). */
  detail?: string
  /** What the code means when Microsoft 365 / Outlook.com sends it. */
  microsoft?: string
  /** Microsoft's page for the code. */
  page?: string
}

const CODE = /^([245])\.(\d{1,3})\.(\d{1,3})$/

/** The catalogue entry index for a Microsoft code (exact first, then ranges), or -1. */
export function microsoftEntry(cat: CompiledStatusCodes, code: string): number {
  const exact = cat.exact[code]
  if (exact !== undefined) return exact
  const m = CODE.exec(code)
  if (!m) return -1
  const prefix = `${m[1]}.${m[2]}`
  const detail = Number(m[3])
  for (const r of cat.ranges) if (r.prefix === prefix && detail >= r.from && detail <= r.to) return r.entry
  return -1
}

/**
 * Describes an enhanced status code, e.g. `5.7.139`. Codes that are not well formed get only
 * `code` back; never throws.
 * @example describeCode(cat, '5.7.57', 'en').page // the Microsoft page for 5.7.57
 */
export function describeCode(cat: CompiledStatusCodes, code: string, lang: Lang): CodeDescription {
  const m = CODE.exec(code)
  if (!m) return { code }
  const out: CodeDescription = { code: `${m[1]}.${Number(m[2])}.${Number(m[3])}` }
  const cls = cat.classes[m[1]!]
  if (cls) out.class = cls[lang]
  const subject = cat.subjects[String(Number(m[2]))]
  if (subject) out.subject = subject[lang]
  const detail = cat.details[`${Number(m[2])}.${Number(m[3])}`]
  if (detail) out.detail = detail[lang]
  const i = microsoftEntry(cat, out.code)
  const e = i >= 0 ? cat.entries[i] : undefined
  if (e) {
    out.microsoft = e[lang]
    if (e.page) out.page = e.page
  }
  return out
}
