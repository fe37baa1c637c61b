/**
 * The "Check your token" page: decodes the pasted token with core's decoder and runs the
 * engine's `diagnose` on its claims, all in the browser. No network request is made, and the
 * token is kept only in the text field (never stored, never put in the URL).
 */
import {
  decodeToken,
  diagnose,
  type Finding,
  type Lang,
  type Token,
  TokenDecodeError,
  tokenClaimRows,
} from '../lib/engine.js'
import { escapeHtml, inlineMarkdown } from '../lib/inline-md.js'
import { SEVERITY_LABELS } from '../lib/labels.js'
import { TOKEN_TEXT } from '../lib/token-text.js'

function findingsHtml(lang: Lang, findings: Finding[]): string {
  return [
    '<ol class="token-findings">',
    ...findings.map(
      (f) => `<li class="token-finding" data-rule-id="${escapeHtml(f.id)}">
  <p class="token-finding-title"><span class="sl-badge token-sev-${escapeHtml(f.severity)}">${escapeHtml(SEVERITY_LABELS[lang][f.severity] ?? f.severity)}</span>
  <a href="${escapeHtml(f.docs)}">${escapeHtml(f.title)}</a></p>
  <p>${inlineMarkdown(f.cause)}</p>
  ${f.steps.length > 0 ? `<ol>${f.steps.map((s) => `<li>${inlineMarkdown(s)}</li>`).join('')}</ol>` : ''}
</li>`,
    ),
    '</ol>',
  ].join('\n')
}

function render(out: HTMLElement, text: string, mailbox: string, tenantId: string, lang: Lang): void {
  const t = TOKEN_TEXT[lang]
  if (text.trim() === '') {
    out.innerHTML = ''
    return
  }
  let token: Token
  try {
    token = decodeToken(text)
  } catch (err) {
    const code = err instanceof TokenDecodeError ? err.code : 'NOT_A_JWT'
    out.innerHTML = `<p role="alert" class="token-error" data-code="${escapeHtml(code)}">${escapeHtml(t.errors[code])}</p>`
    return
  }
  const facts: Parameters<typeof diagnose>[0] = { token }
  if (mailbox.trim())
    facts.settings = {
      host: 'smtp.office365.com',
      port: 587,
      tls: 'starttls',
      username: mailbox.trim(),
      authMethod: 'xoauth2',
    }
  if (tenantId.trim()) facts.tenant = { tenantId: tenantId.trim() }
  let findings: Finding[]
  try {
    // Only the token's own problems: the settings here are the page's assumption, not the device's.
    findings = diagnose(facts, { lang }).findings.filter(
      (f) => f.id.startsWith('token-') || f.id.startsWith('xoauth2-'),
    )
  } catch (err) {
    out.innerHTML = `<p role="alert" class="token-error">${escapeHtml(String((err as Error).message ?? err))}</p>`
    return
  }
  const rows = tokenClaimRows(token, { none: t.none, relative: t.expires })
    .map(
      ([k, v]) =>
        `<tr data-claim="${escapeHtml(k)}"><th scope="row"><code>${escapeHtml(k)}</code></th><td>${escapeHtml(v)}</td></tr>`,
    )
    .join('')
  out.innerHTML = [
    `<h2>${escapeHtml(t.verdict)}</h2>`,
    findings.length > 0 ? findingsHtml(lang, findings) : `<p class="token-fine">${escapeHtml(t.fine)}</p>`,
    `<h2>${escapeHtml(t.claims)}</h2>`,
    `<table class="token-claims"><tbody>${rows}</tbody></table>`,
  ].join('\n')
}

function init(): void {
  const form = document.querySelector<HTMLFormElement>('#token-form')
  const input = document.querySelector<HTMLTextAreaElement>('#token-input')
  const mailbox = document.querySelector<HTMLInputElement>('#token-mailbox')
  const tenant = document.querySelector<HTMLInputElement>('#token-tenant')
  const out = document.querySelector<HTMLElement>('#token-results')
  if (!form || !input || !mailbox || !tenant || !out) return
  const lang: Lang = document.documentElement.lang === 'cs' ? 'cs' : 'en'
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = () => {
    clearTimeout(timer)
    render(out, input.value, mailbox.value, tenant.value, lang)
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    run()
  })
  for (const el of [input, mailbox, tenant])
    el.addEventListener('input', () => {
      clearTimeout(timer)
      timer = setTimeout(run, 150)
    })
  form.dataset.ready = 'true'
  if (input.value.trim() !== '') run()
}

init()
