/**
 * JSON parse errors that say where, never what: V8's messages quote the start of the input
 * (`Unexpected token 'x', "…" is not valid JSON`), and a file handed to a tool may hold a secret.
 * Shared by the CLI's input reader and the simulator's scenario loader. (It lives here, not in
 * core, because core's tests depend on the simulator: core ← sim would be a workspace cycle.)
 */

/** Control and bidirectional-control characters, shown as U+FFFD in a file name (as core's printable()). */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** A JSON syntax error at a line and column (1-based), with a fixed description. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly column: number,
    readonly offset: number,
    readonly reason: string,
  ) {
    // A file name can carry escape sequences or a right-to-left override too.
    super(
      `${source.replace(UNPRINTABLE, '\uFFFD')} is not valid JSON: ${reason} at line ${line}, column ${column}`,
    )
    this.name = 'JsonSyntaxError'
  }
}

const WS = new Set([' ', '\t', '\n', '\r'])
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const STRING_CHAR = /[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y

/**
 * The offset of the first JSON syntax error in `text` and a fixed reason, or null when it is valid
 * JSON. Iterative (no recursion depth limit), linear time.
 */
export function jsonErrorAt(text: string): { offset: number; reason: string } | null {
  let i = 0
  const stack: ('{' | '[')[] = []
  const skip = (): void => {
    while (i < text.length && WS.has(text[i] as string)) i++
  }
  const fail = (reason: string) => ({ offset: i, reason })
  const string = (): string | null => {
    i++ // opening quote
    for (;;) {
      if (i >= text.length) return 'unterminated string'
      if (text[i] === '"') {
        i++
        return null
      }
      STRING_CHAR.lastIndex = i
      if (!STRING_CHAR.test(text)) return 'bad character or escape in a string'
      i = STRING_CHAR.lastIndex
    }
  }
  // expecting: a value; after a value: ',' or a closing bracket
  for (;;) {
    skip()
    if (i >= text.length) return fail('unexpected end of input')
    const c = text[i] as string
    let err: string | null = null
    if (c === '{') {
      i++
      skip()
      if (text[i] === '}') i++
      else {
        stack.push('{')
        if (text[i] !== '"') return fail('expected a property name')
        err = string()
        if (err) return fail(err)
        skip()
        if (text[i] !== ':') return fail("expected ':' after a property name")
        i++
        continue
      }
    } else if (c === '[') {
      i++
      skip()
      if (text[i] === ']') i++
      else {
        stack.push('[')
        continue
      }
    } else if (c === '"') {
      err = string()
      if (err) return fail(err)
    } else if (text.startsWith('true', i)) i += 4
    else if (text.startsWith('false', i)) i += 5
    else if (text.startsWith('null', i)) i += 4
    else {
      NUMBER.lastIndex = i
      if (!NUMBER.test(text)) return fail('unexpected character')
      i = NUMBER.lastIndex
    }
    // A value ended: close brackets or move to the next element.
    for (;;) {
      skip()
      const top = stack[stack.length - 1]
      if (top === undefined) {
        return i < text.length ? fail('unexpected data after the JSON value') : null
      }
      const d = text[i]
      if (d === ',') {
        i++
        if (top === '{') {
          skip()
          if (text[i] !== '"') return fail('expected a property name')
          err = string()
          if (err) return fail(err)
          skip()
          if (text[i] !== ':') return fail("expected ':' after a property name")
          i++
        }
        break
      }
      if ((top === '{' && d === '}') || (top === '[' && d === ']')) {
        stack.pop()
        i++
        continue
      }
      if (i >= text.length) return fail('unexpected end of input')
      return fail(top === '{' ? "expected ',' or '}'" : "expected ',' or ']'")
    }
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line++
    start = nl + 1
  }
  return { line, column: offset - start + 1 }
}

/**
 * Parses JSON; on a syntax error throws a `JsonSyntaxError` naming `source` (a file name, `stdin`)
 * and the line and column, and quoting nothing of the text.
 */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    const at = jsonErrorAt(text) ?? { offset: 0, reason: 'not valid JSON' }
    const { line, column } = lineColumn(text, at.offset)
    throw new JsonSyntaxError(source, line, column, at.offset, at.reason)
  }
}
