import { expect } from 'vitest'
import type { ProbeResult } from '../src/probe/index.js'
import { Facts } from '../src/schema/index.js'

/** Asserts the result is schema-valid facts and carries none of the secrets, in any form. */
export function assertClean(result: ProbeResult, secrets: string[]): void {
  expect(() => Facts.parse(result.facts)).not.toThrow()
  const text = JSON.stringify(result)
  for (const secret of secrets) {
    expect(text).not.toContain(secret)
    expect(text).not.toContain(Buffer.from(secret).toString('base64'))
  }
}

/** The reply codes of a result as `<code> <enhanced>` for short assertions. */
export function codeOf(reply: { code: number; enhanced?: string } | undefined): string | undefined {
  return reply ? `${reply.code}${reply.enhanced ? ` ${reply.enhanced}` : ''}` : undefined
}
