import { setPriority } from 'node:os'
import { parentPort } from 'node:worker_threads'
import { explain } from '@smtp-doctor/rules'

/*
 * One worker of the explain pool: runs the engine's explain on texts too big for the main event
 * loop. Messages are `{ id, text, lang }`; answers `{ id, result }` or `{ id, error }` with the
 * error's name and issues only (never its message, which could quote the text).
 */

type Job = { id: number; text: string; lang: 'cs' | 'en' }

// Big explains yield the CPU to the main thread's short requests: on Linux the nice value set
// here applies to this thread only. (Not permitted or not supported: run at normal priority.)
try {
  setPriority(10)
} catch {
  // keep the default priority
}

parentPort?.on('message', async (job: Job) => {
  try {
    const result = await explain(job.text, { lang: job.lang })
    parentPort?.postMessage({ id: job.id, result })
  } catch (err) {
    const e = err as { name?: string; issues?: unknown }
    parentPort?.postMessage({ id: job.id, error: { name: String(e?.name ?? 'Error'), issues: e?.issues } })
  }
})
