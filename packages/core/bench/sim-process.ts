/**
 * Runs the simulator in its own process for the benchmarks, so its TLS work does not share the
 * probe's event loop (as a remote server would not). argv[2]: scenario JSON. Prints one line of
 * JSON (the endpoints) when ready; exits when stdin closes.
 */
import { startSim } from '@smtp-doctor/m365-sim'

const sim = await startSim(JSON.parse(process.argv[2] ?? '{}'))
process.stdout.write(`${JSON.stringify(sim.endpoints)}\n`)
process.stdin.resume()
process.stdin.on('end', () => {
  void sim.stop().then(() => process.exit(0))
})
