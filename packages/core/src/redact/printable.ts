/**
 * C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional controls (embeddings,
 * overrides and isolates U+202A–202E, U+2066–2069, the marks U+200E/U+200F and U+061C) that make
 * a terminal or a page show text in another order than it is stored.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/**
 * Replaces control and bidirectional-control characters with U+FFFD, so text from a server (a
 * reply, a certificate subject) can neither send escape sequences to a terminal nor reorder what
 * the reader sees.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '\uFFFD')
}
