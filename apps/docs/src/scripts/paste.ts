/**
 * The "Paste your error" page: runs the engine's `explain` in the browser on every change and
 * lists the findings, each linking to its article. No network request is made.
 */
import { explain, type Finding, type Lang } from '../lib/engine.js'
import { escapeHtml, inlineMarkdown } from '../lib/inline-md.js'
import { SEVERITY_LABELS } from '../lib/labels.js'
import { PAGE_TEXT } from '../lib/page-text.js'

const MAX_CHARS = 5_000_000

function render(results: HTMLElement, text: string, lang: Lang): void {
  const t = PAGE_TEXT[lang]
  if (text.trim() === '') {
    results.innerHTML = ''
    return
  }
  let findings: Finding[]
  try {
    findings = explain(text.slice(0, MAX_CHARS), { lang }).findings
  } catch (err) {
    results.innerHTML = `<p role="alert">${escapeHtml(String(err))}</p>`
    return
  }
  if (findings.length === 0) {
    results.innerHTML = `<p class="paste-none">${escapeHtml(t.pasteNone)}</p>`
    return
  }
  results.innerHTML = [
    `<p class="paste-count"><strong>${escapeHtml(t.pasteFound(findings.length))}</strong></p>`,
    '<ol class="paste-findings">',
    ...findings.map(
      (f) => `<li class="paste-finding" data-rule-id="${escapeHtml(f.id)}">
  <p class="paste-finding-title"><span class="sl-badge paste-sev-${escapeHtml(f.severity)}">${escapeHtml(SEVERITY_LABELS[lang][f.severity] ?? f.severity)}</span>
  <a href="${escapeHtml(f.docs)}">${escapeHtml(f.title)}</a>${f.codes.length > 0 ? ` <span class="paste-codes">${f.codes.map((c) => `<code>${escapeHtml(c)}</code>`).join(', ')}</span>` : ''}</p>
  <p>${inlineMarkdown(f.cause)}</p>
  ${f.steps.length > 0 ? `<ol class="paste-steps">${f.steps.map((st) => `<li>${inlineMarkdown(st)}</li>`).join('')}</ol>` : ''}
</li>`,
    ),
    '</ol>',
  ].join('\n')
}

function init(): void {
  const form = document.querySelector<HTMLFormElement>('#paste-form')
  const input = document.querySelector<HTMLTextAreaElement>('#paste-input')
  const results = document.querySelector<HTMLElement>('#paste-results')
  if (!form || !input || !results) return
  const lang: Lang = document.documentElement.lang === 'cs' ? 'cs' : 'en'
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = () => {
    clearTimeout(timer)
    render(results, input.value, lang)
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    run()
  })
  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(run, 150)
  })
  form.dataset.ready = 'true'
  if (input.value.trim() !== '') run()
}

init()
