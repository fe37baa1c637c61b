/**
 * The `smtp-doctor` command. This entry holds only the argument parser: each command's code,
 * and the engine, probes or simulator it needs, is loaded by a dynamic import when that command
 * runs, so `probe` starts without the rule engine and `explain` without the socket code.
 */

import type { Lang } from '@smtp-doctor/core'
import { Command, CommanderError, Help, Option } from 'commander'
import { type Context, makeContext } from './context.js'
import { EXIT, EXIT_INTERRUPTED, Interrupted, oneLine, toCliError } from './errors.js'
import { EXAMPLES, errorText, HELP_WORDS, helpSuffixes, helpText, helpTitle } from './help-text.js'
import { langFromEnv } from './lang.js'
import type { SettingsFlags } from './settings.js'

// A command validates each input once, so zod's JIT (a validator compiled with new Function
// at the first parse of each schema) costs more than it saves: ~10 ms of a probe's diagnose.
// zod reads this global config object (`z.config()` writes the same one) when it loads.
const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } }
g.__zod_globalConfig = { ...g.__zod_globalConfig, jitless: true }

declare const __VERSION__: string | undefined
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'

type GlobalOpts = { json?: boolean; lang: Lang }

/**
 * `--json` and `--lang` as given on the command line, read before commander parses it: the help
 * page and parse errors (written while parsing) must already be in that language and form.
 */
export function globalsFromArgv(argv: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  let lang: Lang = langFromEnv(env)
  let json = false
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') break
    if (a === '--json') json = true
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined
    if (v === 'cs' || v === 'en') lang = v
  }
  return { lang, json }
}

/**
 * Reports a usage or input error: one line plus the usage line, in the chosen language; with
 * `--json`, one JSON object on stdout (`{ "error": { "message", "exitCode", "usage" } }`) instead.
 */
export function reportError(
  g: { lang: Lang; json: boolean },
  message: string,
  opts: { prefix?: string; usage?: string; exitCode?: number } = {},
): void {
  const text = oneLine(errorText(message, g.lang))
  const exitCode = opts.exitCode ?? EXIT.usage
  if (g.json) {
    const error: Record<string, unknown> = { message: text, exitCode }
    if (opts.usage) error.usage = opts.usage
    process.stdout.write(`${JSON.stringify({ error })}\n`)
    return
  }
  const usage = opts.usage ? `${helpTitle('Usage:', g.lang)} ${opts.usage}\n` : ''
  process.stderr.write(`${opts.prefix ? `${opts.prefix}: ` : ''}${text}\n${usage}`)
}

const collect = (value: string, prev: string[] = []) => [...prev, value]

function contextOf(cmd: Command): Context {
  const g = cmd.optsWithGlobals() as GlobalOpts
  return makeContext({ lang: g.lang, json: Boolean(g.json) })
}

function commandPath(cmd: Command): string {
  const names: string[] = []
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name())
  return names.join(' ')
}

function usageOf(cmd: Command): string {
  return `${commandPath(cmd)} ${cmd.usage()}`
}

function addSettingsFlags(cmd: Command, withPasswordSet: boolean): Command {
  cmd
    .option('--host <host>', 'SMTP server as typed into the device (e.g. smtp.office365.com)')
    .option(
      '--port <port>',
      'TCP port (default: 25 for *.mail.protection.outlook.com / *.mx.microsoft, else 587)',
    )
    .addOption(
      new Option('--tls <mode>', 'TLS mode (default: implicit on 465, else starttls)').choices([
        'none',
        'starttls',
        'implicit',
      ]),
    )
    .option('--user <username>', 'sign-in name, if one is entered')
    .option('--from <address>', 'from-address the device uses')
    .option('--to <address>', 'recipient address (repeatable)', collect)
    .addOption(
      new Option('--connector <kind>', "what the tenant's inbound connector matches on, if known").choices([
        'none',
        'ip',
        'certificate',
        'unknown',
      ]),
    )
  if (withPasswordSet) cmd.option('--password-set', 'a password is entered on the device')
  return cmd
}

/**
 * The help formatter: descriptions, titles and commander's own words in the chosen language, and
 * the global options (`--json`, `--lang`) listed under every command.
 */
function helpConfig(lang: Lang): Partial<Help> {
  const base = Help.prototype
  return {
    showGlobalOptions: true,
    styleTitle: (str: string) => helpTitle(str, lang),
    commandDescription(cmd) {
      return helpText(base.commandDescription.call(this, cmd), lang)
    },
    subcommandDescription(cmd) {
      return helpText(base.subcommandDescription.call(this, cmd), lang)
    },
    optionDescription(option) {
      const o = Object.create(option) as typeof option
      o.description = helpText(option.description ?? '', lang)
      return helpSuffixes(base.optionDescription.call(this, o), lang)
    },
    argumentDescription(argument) {
      const a = Object.create(argument) as typeof argument
      a.description = helpText(argument.description ?? '', lang)
      return helpSuffixes(base.argumentDescription.call(this, a), lang)
    },
  }
}

/** Builds the command tree; `done` receives each action's exit code. */
export function buildProgram(
  done: (code: number) => void,
  globals: { lang: Lang; json: boolean } = globalsFromArgv(process.argv.slice(2)),
): Command {
  const program = new Command('smtp-doctor')
  program.configureHelp(helpConfig(globals.lang))
  program
    .helpOption('-h, --help', 'display help for command')
    .helpCommand('help [command]', 'display help for command')
    .description(
      'Why can this printer, scanner or app not send mail through Microsoft 365 — and what to change.',
    )
    .version(VERSION, '-V, --version')
    .option('--json', 'print the JSON result (the same as the REST API returns)')
    .addOption(
      new Option('--lang <lang>', 'language of the answer')
        .choices(['cs', 'en'])
        .default(langFromEnv(), 'from LC_ALL, LC_MESSAGES, LANG'),
    )
    .exitOverride()
    .addHelpText(
      'after',
      globals.lang === 'cs'
        ? `
Návratový kód: 0 žádný problém, 1 nalezen problém (chyba nebo varování), 2 chyba použití nebo vstupu, 130 přerušeno (Ctrl+C).

Proměnné prostředí:
  SMTP_DOCTOR_PASSWORD   heslo pro probe (jinak skrytý dotaz v terminálu; nikdy volba)
  SMTP_DOCTOR_TOKEN      přístupový token OAuth 2.0 pro probe (XOAUTH2)
  SMTP_DOCTOR_CLIENT_SECRET  tajný klíč klienta pro probe --oauth client-credentials
  SMTP_DOCTOR_AUTHORITY_HOST, SMTP_DOCTOR_AUTHORITY_CA  jiná autorita OAuth (https) a její CA (PEM), např. simulátor
  SMTP_DOCTOR_DOCS_URL   základ adres článků (bez něj odkazuje na smtp-doctor rules show <id>)
  NO_COLOR               výstup bez barev i v terminálu`
        : `
Exit status: 0 no problem found, 1 a problem found (an error or warning), 2 usage or input error, 130 interrupted (Ctrl+C).

Environment:
  SMTP_DOCTOR_PASSWORD   password for probe (else a hidden prompt on a terminal; never a flag)
  SMTP_DOCTOR_TOKEN      OAuth 2.0 access token for probe (XOAUTH2)
  SMTP_DOCTOR_CLIENT_SECRET  client secret for probe --oauth client-credentials
  SMTP_DOCTOR_AUTHORITY_HOST, SMTP_DOCTOR_AUTHORITY_CA  another OAuth authority (https) and its CA (PEM), e.g. the simulator
  SMTP_DOCTOR_DOCS_URL   base URL of the article links (without it: smtp-doctor rules show <id>)
  NO_COLOR               plain output on a terminal`,
    )

  const run =
    <A extends unknown[]>(load: (cmd: Command, ...args: A) => Promise<number>) =>
    async (...args: A) => {
      // commander passes (...arguments, options, command)
      const cmd = args[args.length - 1] as Command
      try {
        // Loaded only for Czech: zod's messages then come in Czech too (the entry stays small).
        if (globals.lang === 'cs') (await import('@smtp-doctor/core')).useValidationLanguage('cs')
        done(await load(cmd, ...args))
      } catch (err) {
        if (err instanceof Interrupted) throw err
        const cli = toCliError(err)
        if (!cli) throw err
        reportError(globals, cli.message, { prefix: commandPath(cmd), usage: usageOf(cmd) })
        done(EXIT.usage)
      }
    }

  program
    .command('explain')
    .description('explain an error text: a reply, a transcript, a whole log or NDR (a file, or - for stdin)')
    .argument('<text|file|-...>', 'the text itself, a file to read, or - to read stdin')
    .action(
      run(async (cmd, words: string[]) =>
        (await import('./commands/explain.js')).explainCommand(contextOf(cmd), words),
      ),
    )

  program
    .command('diagnose')
    .description('diagnose a facts JSON file (settings, tenant, observed, probe), or - for stdin')
    .argument('<facts.json>', 'the facts file')
    .action(
      run(async (cmd, file: string) =>
        (await import('./commands/diagnose.js')).diagnoseCommand(contextOf(cmd), file),
      ),
    )

  addSettingsFlags(
    program
      .command('classify')
      .description('tell which sending option device settings are for, and what is off'),
    true,
  ).action(
    run(async (cmd, flags: SettingsFlags) =>
      (await import('./commands/classify.js')).classifyCommand(contextOf(cmd), flags),
    ),
  )

  program
    .command('advise')
    .description('recommend a sending option for a device (asks on a terminal when no flags are given)')
    .option('--external-recipients', 'mail must reach recipients outside the organisation')
    .option('--no-external-recipients', 'internal recipients only')
    .option('--can-authenticate', 'the device has username and password fields')
    .option('--no-can-authenticate', 'the device cannot sign in')
    .option('--oauth', 'the device can sign in with OAuth 2.0 (XOAUTH2)')
    .option('--no-oauth', 'no OAuth 2.0')
    .addOption(
      new Option('--max-tls <version>', 'highest TLS version the device speaks').choices([
        '1.0',
        '1.1',
        '1.2',
        '1.3',
        'none',
      ]),
    )
    .option('--static-ip', 'the site has a static public IP address')
    .option('--no-static-ip', 'no static public IP')
    .option('--many-senders', 'the device sends as several from-addresses')
    .option('--no-many-senders', 'one from-address')
    .option('--third-party-hosted', 'the app is hosted by a third party')
    .option('--no-third-party-hosted', 'hosted on site')
    .option('--port25-open', 'outbound port 25 is open')
    .option('--no-port25-open', 'outbound port 25 is blocked')
    .option('--daily-volume <n>', 'messages per day, roughly')
    .option('--host-field-max-length <n>', 'longest server name the device field accepts')
    .option('--domain <domain>', "the organisation's domain (fills in the MX endpoint)")
    .action(
      run(async (cmd, flags: Record<string, unknown>) =>
        (await import('./commands/advise.js')).adviseCommand(contextOf(cmd), flags),
      ),
    )

  addSettingsFlags(
    program
      .command('probe')
      .description(
        'connect to the server as the device would (DNS, TCP, TLS, AUTH, MAIL, RCPT) and diagnose the result;\n' +
          'the password comes from SMTP_DOCTOR_PASSWORD or a hidden prompt, never a flag',
      ),
    false,
  )
    // core's DEFAULT_PROBE_TIMEOUT_MS, written out: this entry loads no package (a test keeps them equal).
    .option('--timeout <ms>', 'overall time limit in milliseconds', '15000')
    .option('--transcript', 'also print the SMTP conversation (secrets shown as ****)')
    .option(
      '--tls-matrix',
      'also test which of TLS 1.0–1.3 the endpoint accepts (one connection per version)',
    )
    .addOption(
      new Option(
        '--device-max-tls <version>',
        'highest TLS version the device speaks (the probe offers no more)',
      ).choices(['1.0', '1.1', '1.2', '1.3']),
    )
    .option('--domain <domain>', "also check the domain's DNS (MX, SPF, DMARC, DKIM) while probing")
    .option('--ip <address>', 'also check SPF and block lists for the public IP the device sends from')
    .option('--dnsbl <zone,...>', 'with --ip: block list zones to ask')
    .option('--resolver <ip[:port]>', 'DNS server for the whole run (host name, DNS checks, TLS matrix)')
    // Only to answer it plainly: a password in argv shows in `ps` and the shell history.
    .addOption(new Option('--password <password>').hideHelp())
    .addOption(
      new Option('--oauth <flow>', 'get an OAuth 2.0 token first and sign in with XOAUTH2').choices([
        'client-credentials',
        'device-code',
      ]),
    )
    .option('--tenant <id|domain>', 'with --oauth: the tenant id or one of its domains')
    .option('--client-id <id>', 'with --oauth: the application (client) id')
    .option(
      '--client-cert <pem>',
      'with --oauth client-credentials: the app certificate (else SMTP_DOCTOR_CLIENT_SECRET)',
    )
    .option('--client-key <pem>', 'with --client-cert: its private key (PEM file)')
    .option(
      '--scope <scope>',
      'with --oauth: the scope to request (default: the Exchange Online scope of the flow)',
    )
    .addOption(new Option('--client-secret <secret>').hideHelp())
    .action(
      run(async (cmd, flags: SettingsFlags & { timeout: string; password?: string }) =>
        (await import('./commands/probe.js')).probeCommand(contextOf(cmd), flags),
      ),
    )

  program
    .command('dns')
    .description("check a domain's DNS for Microsoft 365 mail: MX, SPF, DMARC, DKIM, block lists")
    .argument('<domain>', "the organisation's domain, e.g. contoso.com")
    .option('--ip <address>', 'public IP the device sends from (SPF verdict, block lists)')
    .option('--from <address>', 'from-address the device uses (SPF, DMARC and DKIM of its domain)')
    .option(
      '--resolver <ip[:port]>',
      'DNS server to ask (comma-separated for several); default: the system resolver',
    )
    .option(
      '--dnsbl <zone,...>',
      'block list zones to look the IP up in (default: zen.spamhaus.org, bl.spamcop.net, b.barracudacentral.org)',
    )
    .option('--timeout <ms>', 'time limit of each check in milliseconds', '5000')
    .action(
      run(async (cmd, domain: string, flags: import('./commands/dns.js').DnsFlags) =>
        (await import('./commands/dns.js')).dnsCommand(contextOf(cmd), domain, flags),
      ),
    )

  program
    .command('token')
    .description(
      'look inside an OAuth access token (from SMTP_DOCTOR_TOKEN or stdin): the verdict and its claims, never the token',
    )
    .option('--user <mailbox>', 'the mailbox the token is to sign in as (XOAUTH2 user=)')
    .option('--tenant-id <id>', "the tenant id of the from-address's domain")
    // Only to answer it plainly: a token in argv shows in `ps` and the shell history.
    .addOption(new Option('--token <token>').hideHelp())
    .action(
      run(async (cmd, flags: { user?: string; tenantId?: string; token?: string }) =>
        (await import('./commands/token.js')).tokenCommand(contextOf(cmd), flags),
      ),
    )

  program
    .command('sim')
    .description('run the Microsoft 365 simulator on loopback until Ctrl+C')
    .argument('[scenario]', 'scenario file (JSON, see @smtp-doctor/m365-sim); the demo tenant when left out')
    .action(
      run(async (cmd, scenario: string | undefined) =>
        (await import('./commands/sim.js')).simCommand(contextOf(cmd), scenario),
      ),
    )

  const rulesCmd = program.command('rules').description('list the rules, or show one by id or error code')
  rulesCmd
    .command('list', { isDefault: true })
    .description('list the rules (as GET /v1/rules)')
    .addOption(
      new Option('--option <option>', 'only rules about this option (and those for any)').choices([
        'smtp-auth',
        'direct-send',
        'relay',
        'any',
      ]),
    )
    .option('--code <code>', 'only rules answering this enhanced status code (e.g. 5.7.60)')
    .action(
      run(async (cmd, filter: { option?: string; code?: string }) =>
        (await import('./commands/rules.js')).rulesListCommand(contextOf(cmd), filter),
      ),
    )
  rulesCmd
    .command('show')
    .description('show a rule by id (send-as-denied) or enhanced status code (5.7.60)')
    .argument('<id|code>', 'rule id or enhanced status code')
    .action(
      run(async (cmd, query: string) =>
        (await import('./commands/rules.js')).rulesShowCommand(contextOf(cmd), query),
      ),
    )

  const seen = new Set<Command>()
  const decorate = (cmd: Command) => {
    if (seen.has(cmd)) return
    seen.add(cmd)
    // One line of usage after a parse error, instead of the whole help. Computed only then:
    // commander's usage() formats every option, too slow to do for each command at start.
    cmd.configureOutput({
      // `--pasword=…` typed by mistake: commander quotes the whole word, value and all.
      outputError: (str) =>
        reportError(globals, str.trim().replace(/(unknown option '[^'=]*)=[^']*'/, "$1=…'"), {
          usage: usageOf(cmd),
        }),
    })
    const examples = EXAMPLES[commandPath(cmd)]
    if (examples) {
      const w = HELP_WORDS[globals.lang]
      cmd.addHelpText(
        'after',
        `\n${examples.length === 1 ? w.example : w.examples}:\n${examples.map((e) => `  ${e}`).join('\n')}`,
      )
    }
    for (const sub of cmd.commands) decorate(sub)
  }
  decorate(program)
  return program
}

/** Runs the CLI and resolves to the exit code. */
export async function main(argv: string[] = process.argv): Promise<number> {
  let code: number = EXIT.ok
  const globals = globalsFromArgv(argv.slice(2))
  const program = buildProgram((c) => {
    code = c
  }, globals)
  try {
    await program.parseAsync(argv)
    return code
  } catch (err) {
    if (err instanceof Interrupted) return EXIT_INTERRUPTED
    if (err instanceof CommanderError) {
      // help, `help <command>`, --help and --version all end with exit code 0.
      if (err.exitCode === 0) return EXIT.ok
      return EXIT.usage
    }
    const cli = toCliError(err)
    reportError(globals, cli ? cli.message : `unexpected error: ${(err as Error)?.message ?? err}`, {
      prefix: 'smtp-doctor',
    })
    if (!cli && process.env.SMTP_DOCTOR_DEBUG) process.stderr.write(`${(err as Error)?.stack}\n`)
    return EXIT.usage
  }
}

/**
 * Ctrl+C: exit 130, with no error report. A command that stops on SIGINT itself (the simulator)
 * has its own listener and ends in its own time.
 */
function onInterrupt(): void {
  if (process.listenerCount('SIGINT') > 1) return
  process.stderr.write('\n')
  process.exit(EXIT_INTERRUPTED)
}
process.on('SIGINT', onInterrupt)

/** Exits once stdout has flushed (pipes are asynchronous on some platforms). */
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code))
}

// `smtp-doctor rules | head`: the reader has what it wanted; a closed pipe is no error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(EXIT.ok)
  throw err
})

// Exit explicitly: a half-closed socket or a stray timer must not keep a finished command alive.
main().then(exit, () => exit(EXIT.usage))
