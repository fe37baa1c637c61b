import { describe, expect, it } from 'vitest'
import { rules } from '../src/index.js'

const range = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i + 1}`)
/** Every item of ../shared/seed/outline.md. */
const OUTLINE = [
  ...range('O', 3),
  ...range('A', 6),
  ...range('B', 3),
  ...range('C', 4),
  ...range('E', 5),
  ...range('D', 6),
  ...range('R', 5),
  'X1',
].sort()

describe('outline coverage', () => {
  it('the rules cover exactly the outline items', () => {
    const covered = [...new Set(rules.flatMap((r) => r.outline))].sort()
    expect(covered).toEqual(OUTLINE)
  })
})
