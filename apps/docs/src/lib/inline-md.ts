/**
 * A tiny, safe renderer for the inline markdown that rule text uses (`code`, **bold**,
 * [links](…)), for findings shown in the browser. Everything is HTML-escaped first; links
 * are kept only for http(s) and site-relative targets.
 */

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c] ?? c)
}

/** Renders one paragraph of inline markdown to HTML. */
export function inlineMarkdown(md: string): string {
  const codes: string[] = []
  // Code spans first, so nothing inside them is treated as markup.
  let s = md.replace(/`([^`]+)`/g, (_, code: string) => {
    codes.push(`<code>${escapeHtml(code)}</code>`)
    return `\u0000${codes.length - 1}\u0000`
  })
  s = escapeHtml(s)
  s = s.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, text: string, url: string) =>
    /^(https?:\/\/|\/)/.test(url) ? `<a href="${url}">${text}</a>` : whole,
  )
  return s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => codes[Number(i)] ?? '')
}
