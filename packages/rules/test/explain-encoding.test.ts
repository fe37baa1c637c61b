import { sniffEncoding } from '@smtp-doctor/core'
import { describe, expect, it } from 'vitest'
import { createExplainer } from '../src/index.js'

const TEXT =
  '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.\r\n'

const utf16le = (s: string, bom: boolean) => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2)
  let at = 0
  if (bom) {
    out[at++] = 0xff
    out[at++] = 0xfe
  }
  for (let i = 0; i < s.length; i++) {
    out[at++] = s.charCodeAt(i) & 0xff
    out[at++] = s.charCodeAt(i) >> 8
  }
  return out
}
const swap = (b: Uint8Array) => {
  const out = new Uint8Array(b.length)
  for (let i = 0; i + 1 < b.length; i += 2) {
    out[i] = b[i + 1]!
    out[i + 1] = b[i]!
  }
  return out
}
/** Bytes pushed in pieces of `size`, to cross every boundary. */
const explainBytes = (bytes: Uint8Array, size = 7) => {
  const ex = createExplainer({ lang: 'en' })
  for (let i = 0; i < bytes.length; i += size) ex.push(bytes.subarray(i, i + size))
  return ex.end().findings.map((f) => f.id)
}

describe('explain of bytes in the encoding the log was written in', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(TEXT), 'utf-8'],
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]), 'utf-8'],
    ['UTF-16LE with a BOM (PowerShell 5.1 >, Notepad "Unicode")', utf16le(TEXT, true), 'utf-16le'],
    ['UTF-16LE without a BOM', utf16le(TEXT, false), 'utf-16le'],
    ['UTF-16BE with a BOM', swap(utf16le(TEXT, true)), 'utf-16be'],
  ])('%s', (_name, bytes, encoding) => {
    expect(sniffEncoding(bytes)).toBe(encoding)
    expect(explainBytes(bytes)[0]).toBe('smtp-auth-disabled-tenant')
    expect(explainBytes(bytes, 1)[0]).toBe('smtp-auth-disabled-tenant')
  })

  it('a Czech printer log in windows-1250 or ISO-8859-2 reads as Czech', () => {
    // "Ověření nebylo úspěšné": ě EC, ř F8, í ED, ú FA, é E9 in both; š is 9A in windows-1250, B9 in ISO-8859-2.
    const head = [
      0x35, 0x33, 0x35, 0x20, 0x35, 0x2e, 0x37, 0x2e, 0x33, 0x20, 0x4f, 0x76, 0xec, 0xf8, 0x65, 0x6e, 0xed,
    ]
    const tail = (s: number) => [
      0x20,
      0x6e,
      0x65,
      0x62,
      0x79,
      0x6c,
      0x6f,
      0x20,
      0xfa,
      0x73,
      0x70,
      0xec,
      s,
      0x6e,
      0xe9,
    ]
    const cp1250 = new Uint8Array([...head, ...tail(0x9a)])
    const iso = new Uint8Array([...head, ...tail(0xb9)])
    expect(sniffEncoding(cp1250)).toBe('windows-1250')
    expect(sniffEncoding(iso)).toBe('iso-8859-2')
    for (const bytes of [cp1250, iso]) expect(explainBytes(bytes)[0]).toBe('authentication-unsuccessful')
  })

  it('a few bytes, or none, still end cleanly', () => {
    expect(explainBytes(new Uint8Array([0x35]))).toEqual([])
    expect(explainBytes(new Uint8Array(0))).toEqual([])
  })
})
