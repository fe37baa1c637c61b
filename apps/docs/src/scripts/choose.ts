/** The "Which option should I use?" form: runs the engine's `advise` in the browser. */
import { needsFromForm } from '../lib/choose-questions.js'
import { advise, type Lang } from '../lib/engine.js'
import { escapeHtml } from '../lib/inline-md.js'
import { adviceHtml } from '../lib/render-advice.js'

function init(): void {
  const form = document.querySelector<HTMLFormElement>('#choose-form')
  const results = document.querySelector<HTMLElement>('#choose-results')
  if (!form || !results) return
  const lang: Lang = document.documentElement.lang === 'cs' ? 'cs' : 'en'
  const run = () => {
    try {
      results.innerHTML = adviceHtml(advise(needsFromForm(new FormData(form)), { lang }).options, lang)
    } catch (err) {
      // The engine's ValidationError lists each bad field; show it rather than failing silently.
      const issues = (err as { issues?: { path: string; message: string }[] }).issues ?? []
      const text = issues.length > 0 ? issues.map((i) => `${i.path}: ${i.message}`).join('; ') : String(err)
      results.innerHTML = `<p role="alert">${escapeHtml(text)}</p>`
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    run()
  })
  form.addEventListener('change', run)
  form.dataset.ready = 'true'
}

init()
