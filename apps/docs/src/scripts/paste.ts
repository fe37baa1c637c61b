/**
 * The "Paste your error" page: runs the engine's `explain` in the browser on every change and
 * lists the findings, each linking to its article, with its PowerShell commands (filled by the
 * engine) and copy buttons; the whole result copies as a Markdown ticket, and a link to it keeps
 * the text in the URL fragment (after #), which browsers never send to a server. No network
 * request is made.
 */
import { CODE_ONLY_TEXT, codeOnlyNote, explain, type Finding, type Lang } from '../lib/engine.js'
import { escapeHtml, inlineMarkdown } from '../lib/inline-md.js'
import { SEVERITY_LABELS } from '../lib/labels.js'
import { PAGE_TEXT } from '../lib/page-text.js'
import { PASTE_TOOLS } from '../lib/paste-text.js'
import { ticketMarkdown } from '../lib/ticket.js'

const MAX_CHARS = 5_000_000
/** Longest text put into a share link (browsers and chat tools cut very long URLs). */
export const MAX_LINK_CHARS = 16_000
const FRAGMENT_KEY = 'text'

/** The text a `#text=…` fragment carries, or null. */
function textFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  return params.get(FRAGMENT_KEY)
}

function fragmentFor(text: string): string {
  return `#${new URLSearchParams({ [FRAGMENT_KEY]: text }).toString()}`
}

function commandsHtml(f: Finding, lang: Lang, index: number): string {
  if (f.commands.length === 0) return ''
  const t = PASTE_TOOLS[lang]
  const rows = f.commands
    .map(
      (
        c,
        j,
      ) => `<li class="paste-command"><pre tabindex="0"><code id="cmd-${index}-${j}">${escapeHtml(c)}</code></pre>
  <button type="button" class="paste-copy" data-copy-target="cmd-${index}-${j}">${escapeHtml(t.copy)}</button></li>`,
    )
    .join('\n')
  return `<div class="paste-commands"><p><strong>${escapeHtml(t.commands)}</strong>
  <button type="button" class="paste-copy" data-copy-all="${index}">${escapeHtml(t.copyAll)}</button></p>
  <ol class="paste-command-list" data-commands="${index}">${rows}</ol></div>`
}

function codeOnlyHtml(findings: readonly Finding[], lang: Lang): string {
  const note = codeOnlyNote(findings, lang)
  return note ? `<p class="paste-code-only" role="note">${escapeHtml(note)}</p>` : ''
}

function render(results: HTMLElement, text: string, lang: Lang): Finding[] {
  const t = PAGE_TEXT[lang]
  const tools = PASTE_TOOLS[lang]
  if (text.trim() === '') {
    results.innerHTML = ''
    return []
  }
  let findings: Finding[]
  try {
    findings = explain(text.slice(0, MAX_CHARS), { lang }).findings
  } catch (err) {
    results.innerHTML = `<p role="alert">${escapeHtml(String(err))}</p>`
    return []
  }
  if (findings.length === 0) {
    results.innerHTML = `<p class="paste-none">${escapeHtml(t.pasteNone)}</p>`
    return []
  }
  results.innerHTML = [
    `<p class="paste-count"><strong>${escapeHtml(t.pasteFound(findings.length))}</strong></p>`,
    `<p class="paste-actions"><button type="button" id="paste-ticket">${escapeHtml(tools.ticket)}</button>
  <button type="button" id="paste-share">${escapeHtml(tools.share)}</button>
  <span id="paste-status" class="paste-status" role="status" aria-live="polite"></span></p>`,
    `<p class="paste-share-note">${escapeHtml(tools.shareNote)}</p>`,
    `<details class="paste-ticket-preview"><summary>${escapeHtml(tools.ticketPreview)}</summary><pre id="paste-ticket-text" tabindex="0">${escapeHtml(ticketMarkdown(text, findings, lang, location.origin))}</pre></details>`,
    codeOnlyHtml(findings, lang),
    '<ol class="paste-findings">',
    ...findings.map(
      (
        f,
        i,
      ) => `<li class="paste-finding" data-rule-id="${escapeHtml(f.id)}"${f.match ? ` data-match="${escapeHtml(f.match)}"` : ''}>
  <p class="paste-finding-title"><span class="sl-badge paste-sev-${escapeHtml(f.severity)}">${escapeHtml(SEVERITY_LABELS[lang][f.severity] ?? f.severity)}</span>
  <a href="${escapeHtml(f.docs)}">${escapeHtml(f.title)}</a>${f.codes.length > 0 ? ` <span class="paste-codes">${f.codes.map((c) => `<code>${escapeHtml(c)}</code>`).join(', ')}</span>` : ''}</p>
  ${f.match === 'code' ? `<p class="paste-tells-apart"><strong>${escapeHtml(CODE_ONLY_TEXT[lang].tellsApart)}:</strong> ${inlineMarkdown(f.symptom)}</p>` : ''}
  <p>${inlineMarkdown(f.cause)}</p>
  ${f.steps.length > 0 ? `<ol class="paste-steps">${f.steps.map((st) => `<li>${inlineMarkdown(st)}</li>`).join('')}</ol>` : ''}
  ${commandsHtml(f, lang, i)}
</li>`,
    ),
    '</ol>',
  ].join('\n')
  return findings
}

/** Copies text: the async Clipboard API, else a hidden textarea and execCommand. */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.append(area)
    area.select()
    const ok = document.execCommand('copy')
    area.remove()
    return ok
  }
}

function init(): void {
  const form = document.querySelector<HTMLFormElement>('#paste-form')
  const input = document.querySelector<HTMLTextAreaElement>('#paste-input')
  const results = document.querySelector<HTMLElement>('#paste-results')
  if (!form || !input || !results) return
  const lang: Lang = document.documentElement.lang === 'cs' ? 'cs' : 'en'
  const tools = PASTE_TOOLS[lang]
  let findings: Finding[] = []
  let shown = ''
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = () => {
    clearTimeout(timer)
    shown = input.value
    findings = render(results, shown, lang)
  }
  const say = (message: string) => {
    const status = results.querySelector<HTMLElement>('#paste-status')
    if (status) status.textContent = message
  }
  const copied = async (button: HTMLElement, text: string) => {
    const ok = await copy(text)
    button.dataset.copied = ok ? 'true' : 'false'
    say(ok ? tools.copied : tools.copyFailed)
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault()
    run()
  })
  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(run, 150)
  })
  results.addEventListener('click', (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button')
    if (!button) return
    if (button.dataset.copyTarget) {
      const code = document.getElementById(button.dataset.copyTarget)
      if (code) void copied(button, code.textContent ?? '')
    } else if (button.dataset.copyAll !== undefined) {
      const f = findings[Number(button.dataset.copyAll)]
      if (f) void copied(button, f.commands.join('\n'))
    } else if (button.id === 'paste-ticket') {
      void copied(button, ticketMarkdown(shown, findings, lang, location.origin))
    } else if (button.id === 'paste-share') {
      if (shown.length > MAX_LINK_CHARS) {
        say(tools.tooLong)
        return
      }
      // The fragment stays in the browser: it is not part of any request the page makes.
      history.replaceState(null, '', fragmentFor(shown))
      void copied(button, location.href)
    }
  })
  const fromLink = () => {
    const text = textFromFragment(location.hash)
    if (text !== null && text !== input.value) {
      input.value = text
      run()
    }
  }
  window.addEventListener('hashchange', fromLink)
  fromLink()
  form.dataset.ready = 'true'
  if (input.value.trim() !== '' && shown !== input.value) run()
}

init()
