import { spawnSync } from 'node:child_process'
import { CLI } from './run-cli.js'

/** Builds the bundle once (the launcher does it when stale) before any test spawns the CLI. */
export default function setup(): void {
  const r = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8', timeout: 600_000 })
  if (r.status !== 0) throw new Error(`the CLI did not start: ${r.stderr}`)
}
