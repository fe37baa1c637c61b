/**
 * Bytes of a log in whatever encoding the device or the editor wrote, decoded to text. The
 * encoding is picked once, from the first bytes (up to SNIFF bytes, or all of a shorter input):
 * - a byte-order mark: UTF-8 (EF BB BF), UTF-16LE (FF FE), UTF-16BE (FE FF) — what Windows
 *   PowerShell 5.1's `>` and Notepad's "Unicode" write;
 * - no mark, but NUL bytes on most odd (even) offsets of ASCII-range text: UTF-16LE (BE);
 * - valid UTF-8 (a sequence cut at the end of the sample is allowed): UTF-8;
 * - otherwise a Czech single-byte code page: windows-1250 when bytes 0x80–0x9F occur (its š, ť,
 *   ž, Š, Ť, Ž; control characters in ISO-8859-2), else ISO-8859-2.
 * Browser-safe (TextDecoder). Never throws: an encoding the runtime lacks falls back to UTF-8.
 */

type Decoder = InstanceType<typeof TextDecoder>

/** Bytes looked at before the encoding is chosen. */
const SNIFF = 4096

export type ByteDecoder = {
  /** Text for these bytes (possibly empty while the first bytes are being looked at). */
  push(bytes: Uint8Array): string
  /** The rest of the text. */
  end(): string
  /** The encoding chosen, once chosen. */
  readonly encoding: string | null
}

function decoderFor(label: string): Decoder {
  try {
    return new TextDecoder(label, { fatal: false })
  } catch {
    return new TextDecoder('utf-8', { fatal: false })
  }
}

/** Picks the encoding of a log from its first bytes (see the module comment). */
export function sniffEncoding(b: Uint8Array): string {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8'
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le'
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be'
  const n = Math.min(b.length, SNIFF) & ~1
  if (n >= 4) {
    let oddNul = 0
    let evenNul = 0
    for (let i = 0; i < n; i += 2) {
      if (b[i] === 0) evenNul++
      if (b[i + 1] === 0) oddNul++
    }
    const pairs = n / 2
    if (oddNul >= pairs * 0.4 && evenNul < pairs * 0.1) return 'utf-16le'
    if (evenNul >= pairs * 0.4 && oddNul < pairs * 0.1) return 'utf-16be'
  }
  const sample = b.length > SNIFF ? b.subarray(0, SNIFF) : b
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true })
    return 'utf-8'
  } catch {
    for (const x of sample) if (x >= 0x80 && x <= 0x9f) return 'windows-1250'
    return 'iso-8859-2'
  }
}

/** A streaming decoder that picks the encoding from the first bytes. */
export function createByteDecoder(): ByteDecoder {
  let decoder: Decoder | null = null
  let encoding: string | null = null
  let head: Uint8Array[] = []
  let headLength = 0
  const choose = (): string => {
    const all = new Uint8Array(headLength)
    let at = 0
    for (const part of head) {
      all.set(part, at)
      at += part.length
    }
    head = []
    headLength = 0
    encoding = sniffEncoding(all)
    decoder = decoderFor(encoding)
    return decoder.decode(all, { stream: true })
  }
  return {
    push(bytes) {
      if (!(bytes instanceof Uint8Array) || bytes.length === 0) return ''
      if (decoder) return decoder.decode(bytes, { stream: true })
      head.push(bytes)
      headLength += bytes.length
      return headLength >= SNIFF ? choose() : ''
    },
    end() {
      const text = decoder ? '' : choose()
      return text + decoder!.decode()
    },
    get encoding() {
      return encoding
    },
  }
}
