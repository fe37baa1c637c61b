import { z } from 'zod'

/**
 * Names people carry over from elsewhere, mapped to the field they mean: the CLI's flag names
 * (`--to`, `--user`, `--password-set`, `--timeout`) and common synonyms. A suggestion is only
 * made when the target is a key of the object in question.
 */
export const KEY_ALIASES: Readonly<Record<string, string>> = {
  to: 'recipients',
  rcpt: 'recipients',
  recipient: 'recipients',
  user: 'username',
  login: 'username',
  'password-set': 'password',
  passwordSet: 'password',
  pass: 'password',
  token: 'accessToken',
  server: 'host',
  hostname: 'host',
  smarthost: 'host',
  sender: 'from',
  'max-tls': 'maxTlsVersion',
  maxTls: 'maxTlsVersion',
  ip: 'sourceIp',
  timeout: 'timeoutMs',
  language: 'lang',
  error: 'errorText',
  'external-recipients': 'externalRecipients',
  'can-authenticate': 'canAuthenticate',
  'static-ip': 'staticIp',
  'many-senders': 'sendsAsManyAddresses',
  'third-party-hosted': 'thirdPartyHosted',
  'port25-open': 'port25Open',
  'daily-volume': 'dailyVolume',
  'host-field-max-length': 'hostFieldMaxLength',
}

/** Edit distance (insert, delete, substitute, swap two neighbours), case-insensitive, capped at `max + 1`. */
function distance(a: string, b: string, max: number): number {
  const s = a.toLowerCase()
  const t = b.toLowerCase()
  if (Math.abs(s.length - t.length) > max) return max + 1
  let before: number[] = []
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const cur = [i]
    let best = i
    for (let j = 1; j <= t.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        v = Math.min(v, before[j - 2]! + 1)
      cur.push(v)
      if (v < best) best = v
    }
    if (best > max) return max + 1
    before = prev
    prev = cur
  }
  return prev[t.length]!
}

/**
 * The known key a mistyped or borrowed key most likely means: an alias (`to` → `recipients`),
 * else the closest key by edit distance (at most 2, and less than half the key's length), else
 * undefined. Ties go to the earlier key in `known`.
 * @example closestKey('usrname', ['host', 'username']) // 'username'
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const alias = KEY_ALIASES[key] ?? KEY_ALIASES[key.toLowerCase()]
  if (alias && known.includes(alias)) return alias
  const max = Math.min(2, Math.floor((key.length - 1) / 2))
  let best: string | undefined
  let bestD = max + 1
  for (const k of known) {
    const d = distance(key, k, max)
    if (d < bestD) {
      best = k
      bestD = d
    }
  }
  return best
}

/** Printable key for a message: quoted, clipped, control characters escaped (it is user input). */
function shown(key: string): string {
  const clipped = key.length > 64 ? `${key.slice(0, 63)}…` : key
  return JSON.stringify(clipped)
}

const WORDS = {
  en: {
    meant: (hint: string) => `did you mean ${hint}?`,
    more: (n: number) => ` and ${n} more`,
    head: (n: number) => (n === 1 ? 'unknown key' : 'unknown keys'),
    known: 'known keys',
  },
  cs: {
    meant: (hint: string) => `nemysleli jste ${hint}?`,
    more: (n: number) => ` a ${n} dalších`,
    head: (n: number) => (n === 1 ? 'neznámý klíč' : 'neznámé klíče'),
    known: 'známé klíče',
  },
}
let wordsLang: keyof typeof WORDS = 'en'

/** The language of unknown-key messages from now on (set with zod's, by `useValidationLanguage`). */
export function setUnknownKeyLanguage(lang: keyof typeof WORDS): void {
  wordsLang = lang
}

/** The message of an unknown-key issue: each key, and the key it probably means. */
export function unknownKeysMessage(keys: readonly string[], known: readonly string[]): string {
  const w = WORDS[wordsLang]
  const parts = keys.slice(0, 5).map((k) => {
    const hint = closestKey(k, known)
    return hint ? `${shown(k)} (${w.meant(shown(hint))})` : shown(k)
  })
  const more = keys.length > 5 ? w.more(keys.length - 5) : ''
  return `${w.head(keys.length)} ${parts.join(', ')}${more}; ${w.known}: ${known.join(', ')}`
}

type AnyDef = { type: string } & Record<string, unknown>
type Schema = z.ZodType & { _zod: { def: AnyDef }; clone(def: AnyDef): z.ZodType }

const unknownKeyError = (iss: { code?: string; keys?: string[]; inst?: unknown }) => {
  if (iss.code !== 'unrecognized_keys' || !iss.keys) return undefined
  const shape = (iss.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } })?._zod?.def?.shape
  return unknownKeysMessage(iss.keys, Object.keys(shape ?? {}))
}

const memo = new WeakMap<z.ZodType, z.ZodType>()

function walk(schema: z.ZodType): z.ZodType {
  const done = memo.get(schema)
  if (done) return done
  const s = schema as Schema
  const def = s._zod.def
  let out: z.ZodType
  switch (def.type) {
    case 'object': {
      const shape: Record<string, z.ZodType> = {}
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) shape[k] = walk(v)
      out = s.clone({ ...def, shape, catchall: z.never(), error: unknownKeyError })
      break
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      out = s.clone({ ...def, innerType: walk(def.innerType as z.ZodType) })
      break
    case 'array':
      out = s.clone({ ...def, element: walk(def.element as z.ZodType) })
      break
    case 'record':
      out = s.clone({ ...def, valueType: walk(def.valueType as z.ZodType) })
      break
    case 'union':
      out = s.clone({ ...def, options: (def.options as z.ZodType[]).map(walk) })
      break
    default:
      out = schema
  }
  if (out !== schema) {
    // Descriptions and examples live in the registry, keyed by schema instance: carry them over.
    const meta = z.globalRegistry.get(schema)
    if (meta) z.globalRegistry.add(out, meta)
  }
  memo.set(schema, out)
  return out
}

/**
 * The same schema with every object in it — nested ones, in arrays, records, unions and
 * optionals — refusing unknown keys. The issue names each unknown key and, where one is close,
 * the key meant (`to` → `recipients`, `usrname` → `username`). Types, checks and descriptions
 * are unchanged. Used at the contracts (the facts `diagnose` takes, the API bodies); the
 * building blocks stay as they are so code that passes extra members internally keeps working.
 * @example strictDeep(DeviceSettings).safeParse({ host: 'h', port: 25, tls: 'none', to: [] }).success // false
 */
export function strictDeep<T extends z.ZodType>(schema: T): T {
  return walk(schema) as T
}
