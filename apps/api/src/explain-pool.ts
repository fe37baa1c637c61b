import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { type DiagnoseResult, explain } from '@smtp-doctor/rules'
import { ApiError } from './errors.js'

/** Texts at least this long (UTF-16 code units) are explained in a worker, not on the event loop. */
export const OFF_THREAD_CHARS = 64 * 1024

type Pending = { resolve: (r: DiagnoseResult) => void; reject: (e: Error) => void }
type Slot = { worker: Worker; busy: number }

/** An error from the worker, rebuilt with its name and issues so the problem mapping still applies. */
class WorkerError extends Error {
  constructor(
    override readonly name: string,
    readonly issues?: unknown,
  ) {
    super('explain failed in a worker')
  }
}

/**
 * The worker thread. Under tsx or vitest (tests, benchmarks) this module is the .ts source, and a
 * worker does not inherit the loader: it registers tsx itself before importing the .ts worker.
 */
function startWorker(): Worker {
  const ts = import.meta.url.endsWith('.ts')
  const url = new URL(`./explain-worker.${ts ? 'ts' : 'js'}`, import.meta.url)
  if (!ts) return new Worker(url)
  // require.resolve picks the package's CommonJS entry; its ESM twin sits beside it.
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs')
  const tsx = pathToFileURL(api).href
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}) })`
  return new Worker(boot, { eval: true })
}

/**
 * A small pool of worker threads for big `explain` texts, so `/healthz` and small requests keep
 * their latency while megabyte logs are analysed (node:worker_threads, no extra dependency).
 * Workers start on first use; a queue longer than `maxQueue` answers 503 rather than piling up.
 */
export class ExplainPool {
  private readonly slots: Slot[] = []
  private readonly pending = new Map<number, Pending & { slot: Slot }>()
  private nextId = 1
  private closed = false

  constructor(
    readonly size = Math.max(1, Math.min(4, availableParallelism() - 1)),
    readonly maxQueue = 64,
  ) {}

  private spawn(): Slot {
    const worker = startWorker()
    const slot: Slot = { worker, busy: 0 }
    worker.unref()
    worker.on(
      'message',
      (m: { id: number; result?: DiagnoseResult; error?: { name: string; issues?: unknown } }) => {
        const p = this.pending.get(m.id)
        if (!p) return
        this.pending.delete(m.id)
        p.slot.busy--
        if (m.error) p.reject(new WorkerError(m.error.name, m.error.issues))
        else p.resolve(m.result as DiagnoseResult)
      },
    )
    const fail = (): void => {
      // A dead worker fails its jobs and leaves the pool; the next job starts a new one.
      const i = this.slots.indexOf(slot)
      if (i >= 0) this.slots.splice(i, 1)
      for (const [id, p] of this.pending) {
        if (p.slot !== slot) continue
        this.pending.delete(id)
        p.reject(new Error('explain worker exited'))
      }
    }
    worker.on('error', fail)
    worker.on('exit', fail)
    this.slots.push(slot)
    return slot
  }

  /** Explains `text` in the least busy worker. */
  run(text: string, lang: 'cs' | 'en'): Promise<DiagnoseResult> {
    if (this.closed) return Promise.reject(new ApiError('SD_API_OVERLOADED', 'The server is shutting down.'))
    if (this.pending.size >= this.maxQueue) {
      return Promise.reject(
        new ApiError('SD_API_OVERLOADED', 'Too many large texts are being explained; retry later.'),
      )
    }
    let slot = this.slots.reduce<Slot | undefined>(
      (best, s) => (!best || s.busy < best.busy ? s : best),
      undefined,
    )
    if (!slot || (slot.busy > 0 && this.slots.length < this.size)) slot = this.spawn()
    const id = this.nextId++
    slot.busy++
    const chosen = slot
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot: chosen })
      chosen.worker.postMessage({ id, text, lang })
    })
  }

  /**
   * Explains small texts inline and big ones in the pool. A worker that died (it could not start,
   * or crashed) does not fail the request: the text is then explained inline.
   */
  explain(text: string, lang: 'cs' | 'en'): Promise<DiagnoseResult> | DiagnoseResult {
    if (text.length < OFF_THREAD_CHARS) return explain(text, { lang })
    return this.run(text, lang).catch((err: unknown) => {
      if (err instanceof WorkerError || err instanceof ApiError) throw err
      return explain(text, { lang })
    })
  }

  /** Stops every worker; pending jobs fail. */
  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.slots.map((s) => s.worker.terminate()))
  }
}
