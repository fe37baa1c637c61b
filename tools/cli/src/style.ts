/** ANSI styles the output uses; every one is the identity when colour is off. */
export type Style = Record<
  'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'cyan' | 'blue',
  (s: string) => string
>

const CODES: Record<keyof Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
  blue: [34, 39],
}

/**
 * Colour only on a terminal, never with NO_COLOR (any non-empty value, per no-color.org) or
 * TERM=dumb; FORCE_COLOR turns it on when piped. Raw ANSI keeps the CLI free of colour deps.
 */
export function useColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true
  return Boolean(stream.isTTY) && env.TERM !== 'dumb'
}

/** The style set: ANSI escapes when `color`, plain text otherwise. */
export function makeStyle(color: boolean): Style {
  const out = {} as Style
  for (const [name, [open, close]] of Object.entries(CODES) as [keyof Style, [number, number]][]) {
    out[name] = color ? (s) => `\x1b[${open}m${s}\x1b[${close}m` : (s) => s
  }
  return out
}
