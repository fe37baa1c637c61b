import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Context, printJson } from '../context.js'
import { CliError, EXIT, EXIT_INTERRUPTED, toCliError } from '../errors.js'

type SimModule = typeof import('@smtp-doctor/m365-sim')
declare const __smtpDoctorImport: ((specifier: string) => Promise<unknown>) | undefined

/** The simulator stays outside the bundle; the launcher lends its import() to load it. */
async function importSim(): Promise<SimModule> {
  if (typeof __smtpDoctorImport === 'function')
    return (await __smtpDoctorImport('@smtp-doctor/m365-sim')) as SimModule
  return import('@smtp-doctor/m365-sim')
}

/**
 * `smtp-doctor sim [scenario.json]`: runs the Microsoft 365 simulator on loopback (the demo
 * tenant when no file is given) and prints its endpoints, until SIGINT or SIGTERM.
 */
export async function simCommand(ctx: Context, scenarioFile: string | undefined): Promise<number> {
  const sim = await importSim()
  let scenario: Parameters<typeof sim.startSim>[0]
  try {
    scenario = scenarioFile ? await sim.loadScenario(scenarioFile) : sim.demoScenario
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new CliError(`cannot read ${scenarioFile}: no such file`)
    throw toCliError(err) ?? new CliError((err as Error).message)
  }
  // Ctrl+C is how the simulator is stopped: 130 as for any interrupted command; SIGTERM is 0.
  // Listening before anything starts or is printed: whoever reads the endpoints may signal at once.
  const stopped = new Promise<'SIGINT' | 'SIGTERM'>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'))
    process.once('SIGTERM', () => resolve('SIGTERM'))
  })
  const running = await sim.startSim(scenario)
  // The demo DNS zone beside it, so `smtp-doctor dns … --resolver` and `probe --resolver` work offline.
  const dnsServer = await sim.startDnsServer()
  // A probe --oauth in another process trusts the authority through SMTP_DOCTOR_AUTHORITY_CA: the
  // simulator's certificate (public, made at start) in a file of its own, removed on stop.
  const caDir = running.endpoints.authority ? await mkdtemp(join(tmpdir(), 'smtp-doctor-sim-')) : undefined
  const caFile = caDir ? join(caDir, 'authority-ca.pem') : undefined
  if (caFile) await writeFile(caFile, running.certificatePem, { mode: 0o644 })
  const oauth = caFile ? sim.oauthSettings(running, caFile) : undefined
  if (ctx.json) {
    printJson({
      name: running.scenario.name,
      endpoints: running.endpoints,
      dns: dnsServer.address,
      accounts: running.scenario.accounts.map((a) => a.username),
      ...(oauth ? { oauth } : {}),
    })
  } else {
    for (const line of sim.formatEndpoints(running, ctx.lang)) ctx.out(line)
    if (caFile) for (const line of sim.formatOAuth(running, caFile, ctx.lang)) ctx.out(line)
    const zone = ctx.lang === 'cs' ? 'ukázková zóna' : 'the demo zone'
    ctx.out(
      `dns        ${dnsServer.address}  (UDP + TCP, ${zone}: smtp-doctor dns ${sim.SIM_DNS.tenantDomain} --ip ${sim.SIM_DNS.relayIp} --resolver ${dnsServer.address})`,
    )
    ctx.out(ctx.style.dim(ctx.L.simStarted))
  }
  const signal = await stopped
  await Promise.all([
    running.stop(),
    dnsServer.stop(),
    caDir ? rm(caDir, { recursive: true, force: true }) : undefined,
  ])
  if (!ctx.json) ctx.err(ctx.L.simStopped)
  return signal === 'SIGINT' ? EXIT_INTERRUPTED : EXIT.ok
}
