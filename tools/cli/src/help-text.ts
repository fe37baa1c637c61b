import type { Lang } from '@smtp-doctor/core'

/**
 * The CLI's help and error words in Czech. Descriptions are written once, in English, where the
 * commands are defined (main.ts); under `--lang cs` the help formatter looks each one up here.
 * A test checks that every description, argument and example has its Czech text.
 */
export const HELP_CS: Readonly<Record<string, string>> = {
  // program and global options
  'Why can this printer, scanner or app not send mail through Microsoft 365 — and what to change.':
    'Proč tiskárna, skener nebo aplikace nemůže odesílat poštu přes Microsoft 365 — a co změnit.',
  'print the JSON result (the same as the REST API returns)':
    'vypíše výsledek jako JSON (totéž, co vrací REST API)',
  'language of the answer': 'jazyk odpovědi',
  'output the version number': 'vypíše číslo verze',
  'display help for command': 'zobrazí nápovědu k příkazu',
  // explain, diagnose, classify
  'explain an error text: a reply, a transcript, a whole log or NDR (a file, or - for stdin)':
    'vysvětlí text chyby: odpověď serveru, přepis relace, celý protokol nebo NDR (soubor, nebo - pro stdin)',
  'the text itself, a file to read, or - to read stdin':
    'samotný text, soubor ke čtení, nebo - pro čtení ze stdin',
  'diagnose a facts JSON file (settings, tenant, observed, probe), or - for stdin':
    'diagnostikuje soubor JSON s fakty (nastavení, tenant, pozorování, test), nebo - pro stdin',
  'the facts file': 'soubor s fakty',
  'tell which sending option device settings are for, and what is off':
    'řekne, pro kterou možnost odesílání je zařízení nastavené a co v nastavení nesedí',
  'SMTP server as typed into the device (e.g. smtp.office365.com)':
    'server SMTP, jak je zadaný v zařízení (např. smtp.office365.com)',
  'TCP port (default: 25 for *.mail.protection.outlook.com / *.mx.microsoft, else 587)':
    'port TCP (výchozí: 25 pro *.mail.protection.outlook.com / *.mx.microsoft, jinak 587)',
  'TLS mode (default: implicit on 465, else starttls)':
    'režim TLS (výchozí: implicit na portu 465, jinak starttls)',
  'sign-in name, if one is entered': 'přihlašovací jméno, pokud je zadané',
  'from-address the device uses': 'adresa odesílatele, kterou zařízení používá',
  'recipient address (repeatable)': 'adresa příjemce (lze opakovat)',
  "what the tenant's inbound connector matches on, if known":
    'podle čeho příchozí konektor tenanta zařízení pozná, je-li to známo',
  'a password is entered on the device': 'v zařízení je zadané heslo',
  // advise
  'recommend a sending option for a device (asks on a terminal when no flags are given)':
    'doporučí možnost odesílání pro zařízení (bez voleb se v terminálu zeptá)',
  'mail must reach recipients outside the organisation': 'pošta musí chodit i příjemcům mimo organizaci',
  'internal recipients only': 'jen příjemci uvnitř organizace',
  'the device has username and password fields': 'zařízení má pole pro uživatelské jméno a heslo',
  'the device cannot sign in': 'zařízení se přihlásit neumí',
  'the device can sign in with OAuth 2.0 (XOAUTH2)': 'zařízení se umí přihlásit přes OAuth 2.0 (XOAUTH2)',
  'no OAuth 2.0': 'bez OAuth 2.0',
  'highest TLS version the device speaks': 'nejvyšší verze TLS, kterou zařízení umí',
  'the site has a static public IP address': 'pobočka má statickou veřejnou IP adresu',
  'no static public IP': 'bez statické veřejné IP',
  'the device sends as several from-addresses': 'zařízení odesílá jako několik adres odesílatele',
  'one from-address': 'jedna adresa odesílatele',
  'the app is hosted by a third party': 'aplikaci hostuje třetí strana',
  'hosted on site': 'hostováno na pobočce',
  'outbound port 25 is open': 'odchozí port 25 je otevřený',
  'outbound port 25 is blocked': 'odchozí port 25 je blokovaný',
  'messages per day, roughly': 'přibližný počet zpráv za den',
  'longest server name the device field accepts': 'nejdelší název serveru, který pole v zařízení přijme',
  "the organisation's domain (fills in the MX endpoint)": 'doména organizace (doplní koncový bod MX)',
  // probe
  'connect to the server as the device would (DNS, TCP, TLS, AUTH, MAIL, RCPT) and diagnose the result;\nthe password comes from SMTP_DOCTOR_PASSWORD or a hidden prompt, never a flag':
    'připojí se k serveru jako zařízení (DNS, TCP, TLS, AUTH, MAIL, RCPT) a výsledek diagnostikuje;\nheslo se bere ze SMTP_DOCTOR_PASSWORD nebo ze skrytého dotazu, nikdy z volby',
  'overall time limit in milliseconds': 'celkový časový limit v milisekundách',
  'also print the SMTP conversation (secrets shown as ****)':
    'vypíše i konverzaci SMTP (tajné údaje jako ****)',
  'also test which of TLS 1.0–1.3 the endpoint accepts (one connection per version)':
    'otestuje i to, které z TLS 1.0–1.3 koncový bod přijímá (jedno připojení na verzi)',
  'highest TLS version the device speaks (the probe offers no more)':
    'nejvyšší verze TLS, kterou zařízení umí (test nenabídne vyšší)',
  "also check the domain's DNS (MX, SPF, DMARC, DKIM) while probing":
    'během testu zkontroluje i DNS domény (MX, SPF, DMARC, DKIM)',
  'also check SPF and block lists for the public IP the device sends from':
    'zkontroluje i SPF a seznamy blokovaných adres pro veřejnou IP, ze které zařízení odesílá',
  'with --ip: block list zones to ask': 's --ip: zóny seznamů blokovaných adres, kterých se ptát',
  'DNS server for the whole run (host name, DNS checks, TLS matrix)':
    'server DNS pro celý běh (název serveru, kontroly DNS, matice TLS)',
  // dns
  "check a domain's DNS for Microsoft 365 mail: MX, SPF, DMARC, DKIM, block lists":
    'zkontroluje DNS domény pro poštu Microsoft 365: MX, SPF, DMARC, DKIM, seznamy blokovaných adres',
  "the organisation's domain, e.g. contoso.com": 'doména organizace, např. contoso.com',
  'public IP the device sends from (SPF verdict, block lists)':
    'veřejná IP, ze které zařízení odesílá (výsledek SPF, seznamy blokovaných adres)',
  'from-address the device uses (SPF, DMARC and DKIM of its domain)':
    'adresa odesílatele zařízení (SPF, DMARC a DKIM její domény)',
  'DNS server to ask (comma-separated for several); default: the system resolver':
    'server DNS, kterého se ptát (více oddělte čárkou); výchozí: systémový resolver',
  'block list zones to look the IP up in (default: zen.spamhaus.org, bl.spamcop.net, b.barracudacentral.org)':
    'zóny seznamů blokovaných adres, ve kterých IP hledat (výchozí: zen.spamhaus.org, bl.spamcop.net, b.barracudacentral.org)',
  'time limit of each check in milliseconds': 'časový limit každé kontroly v milisekundách',
  // probe --oauth and token (OAuth 2.0, XOAUTH2)
  'get an OAuth 2.0 token first and sign in with XOAUTH2':
    'nejprve získá token OAuth 2.0 a přihlásí se přes XOAUTH2',
  'with --oauth: the tenant id or one of its domains': 's --oauth: ID tenanta nebo některá z jeho domén',
  'with --oauth: the application (client) id': 's --oauth: ID aplikace (klienta)',
  'with --oauth client-credentials: the app certificate (else SMTP_DOCTOR_CLIENT_SECRET)':
    's --oauth client-credentials: certifikát aplikace (jinak SMTP_DOCTOR_CLIENT_SECRET)',
  'with --client-cert: its private key (PEM file)': 's --client-cert: jeho soukromý klíč (soubor PEM)',
  'with --oauth: the scope to request (default: the Exchange Online scope of the flow)':
    's --oauth: obor, o který žádat (výchozí: obor Exchange Online pro daný tok)',
  'look inside an OAuth access token (from SMTP_DOCTOR_TOKEN or stdin): the verdict and its claims, never the token':
    'prohlédne přístupový token OAuth (z SMTP_DOCTOR_TOKEN nebo stdin): výsledek a jeho deklarace, nikdy token samotný',
  'the mailbox the token is to sign in as (XOAUTH2 user=)':
    'schránka, za kterou se má token přihlásit (XOAUTH2 user=)',
  "the tenant id of the from-address's domain": 'ID tenanta domény adresy odesílatele',
  // sim, rules
  'run the Microsoft 365 simulator on loopback until Ctrl+C':
    'spustí simulátor Microsoft 365 na loopbacku, dokud nestisknete Ctrl+C',
  'scenario file (JSON, see @smtp-doctor/m365-sim); the demo tenant when left out':
    'soubor scénáře (JSON, viz @smtp-doctor/m365-sim); bez něj ukázkový tenant',
  'list the rules, or show one by id or error code':
    'vypíše pravidla, nebo ukáže jedno podle id či kódu chyby',
  'list the rules (as GET /v1/rules)': 'vypíše pravidla (jako GET /v1/rules)',
  'only rules about this option (and those for any)': 'jen pravidla k této možnosti (a pravidla pro všechny)',
  'only rules answering this enhanced status code (e.g. 5.7.60)':
    'jen pravidla, která odpovídají tomuto rozšířenému stavovému kódu (např. 5.7.60)',
  'show a rule by id (send-as-denied) or enhanced status code (5.7.60)':
    'ukáže pravidlo podle id (send-as-denied) nebo rozšířeného stavového kódu (5.7.60)',
  'rule id or enhanced status code': 'id pravidla nebo rozšířený stavový kód',
}

/** An example for every command, by its path; shown under the command's help. */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  'smtp-doctor': [
    'smtp-doctor explain "535 5.7.139 Authentication unsuccessful"',
    'smtp-doctor help classify',
  ],
  'smtp-doctor explain': [
    'smtp-doctor explain "550 5.7.60 SMTP; Client does not have permissions to send as this sender"',
    'smtp-doctor --lang cs explain - < printer.log',
  ],
  'smtp-doctor diagnose': ['smtp-doctor --json diagnose facts.json'],
  'smtp-doctor classify': [
    'smtp-doctor classify --host smtp.office365.com --port 587 --user scanner@contoso.com --password-set',
  ],
  'smtp-doctor advise': [
    'smtp-doctor advise --external-recipients --no-can-authenticate --static-ip --domain contoso.com',
  ],
  'smtp-doctor probe': [
    'SMTP_DOCTOR_PASSWORD=… smtp-doctor probe --host smtp.office365.com --user scanner@contoso.com \\\n    --from scanner@contoso.com --to someone@contoso.com',
    'SMTP_DOCTOR_CLIENT_SECRET=… smtp-doctor probe --host smtp.office365.com --user scanner@contoso.com \\\n    --oauth client-credentials --tenant contoso.com --client-id <application-id>',
  ],
  'smtp-doctor token': [
    'SMTP_DOCTOR_TOKEN=… smtp-doctor token --user scanner@contoso.com',
    'pbpaste | smtp-doctor --json token',
  ],
  'smtp-doctor dns': [
    'smtp-doctor dns contoso.com --ip 203.0.113.10',
    'smtp-doctor --json dns contoso.com --ip 203.0.113.10 --from scanner@contoso.com --resolver 192.0.2.53',
  ],
  'smtp-doctor sim': ['smtp-doctor sim', 'smtp-doctor sim scenario.json'],
  'smtp-doctor rules': ['smtp-doctor rules --code 5.7.139'],
  'smtp-doctor rules list': ['smtp-doctor rules list --option smtp-auth'],
  'smtp-doctor rules show': ['smtp-doctor rules show 5.7.60', 'smtp-doctor --json rules show send-as-denied'],
  'smtp-doctor help': ['smtp-doctor help probe'],
}

const TITLES_CS: Record<string, string> = {
  'Usage:': 'Použití:',
  'Options:': 'Volby:',
  'Arguments:': 'Argumenty:',
  'Commands:': 'Příkazy:',
  'Global Options:': 'Globální volby:',
}

/** Section words of the help page. */
export const HELP_WORDS = {
  en: { example: 'Example', examples: 'Examples' },
  cs: { example: 'Příklad', examples: 'Příklady' },
} as const satisfies Record<Lang, unknown>

/** A description in the help page's language (English when there is no Czech text). */
export function helpText(text: string, lang: Lang): string {
  if (lang !== 'cs') return text
  return HELP_CS[text] ?? text
}

/** A help section title (`Usage:`, `Options:` …) in the page's language. */
export function helpTitle(title: string, lang: Lang): string {
  return lang === 'cs' ? (TITLES_CS[title] ?? title) : title
}

/** commander's `(choices: …)` / `(default: …)` suffixes. */
export function helpSuffixes(text: string, lang: Lang): string {
  if (lang !== 'cs') return text
  return text
    .replace(/\(choices: /g, '(možnosti: ')
    .replace(/\(default: /g, '(výchozí: ')
    .replace(/, default: /g, ', výchozí: ')
    .replace('from LC_ALL, LC_MESSAGES, LANG', 'podle LC_ALL, LC_MESSAGES, LANG')
}

/**
 * Error lines in Czech: commander's parse errors and the CLI's own messages, by pattern. The
 * variable parts (option names, values, paths) are carried over as they are.
 */
const ERRORS_CS: [RegExp, string][] = [
  [
    /^error: unknown option '([^']*)'\s*\(Did you mean (.*)\?\)$/,
    "chyba: neznámá volba '$1' (neměli jste na mysli $2?)",
  ],
  [/^error: unknown option '([^']*)'$/, "chyba: neznámá volba '$1'"],
  [/^error: unknown command '([^']*)'/, "chyba: neznámý příkaz '$1'"],
  [/^error: missing required argument '([^']*)'$/, "chyba: chybí povinný argument '$1'"],
  [/^error: option '([^']*)' argument missing$/, "chyba: u volby '$1' chybí hodnota"],
  [
    /^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/,
    "chyba: hodnota '$2' volby '$1' není platná; povolené hodnoty: $3",
  ],
  [/^error: too many arguments(?: for '([^']*)')?\..*$/, 'chyba: příliš mnoho argumentů $1'],
  [/^--([\w-]+) is required$/, 'volba --$1 je povinná'],
  [/^--([\w-]+) must be a whole number, got (.*)$/, '--$1 musí být celé číslo, zadáno $2'],
  [/^--([\w-]+) must be between (\d+) and (\d+), got (.*)$/, '--$1 musí být mezi $2 a $3, zadáno $4'],
  [/^no text to explain$/, 'chybí text k vysvětlení'],
  [/^(.*) is empty: no text to explain$/, '$1 je prázdný: chybí text k vysvětlení'],
  [
    /^no such file: (.*?) \(.*\)$/,
    'soubor neexistuje: $1 (text samotný dejte do uvozovek s mezerou, nebo ho pošlete přes stdin: … | smtp-doctor explain -)',
  ],
  [/^cannot read (.*): no such file$/, 'nelze číst $1: soubor neexistuje'],
  [/^cannot read (.*): (.*)$/, 'nelze číst $1: $2'],
  [/^(.*) is not valid JSON: (.*)$/, '$1 není platný JSON: $2'],
  [/^(.*) is a directory$/, '$1 je adresář'],
  [/^invalid input: (.*)$/, 'neplatný vstup: $1'],
  [/^cancelled$/, 'zrušeno'],
  [/^interrupted$/, 'přerušeno'],
  [
    /^the password is never a flag.*$/,
    'heslo se nikdy nezadává volbou (ostatní uživatelé by ho viděli): nastavte SMTP_DOCTOR_PASSWORD, nebo spusťte v terminálu a budete dotázáni',
  ],
  [/^unexpected error: (.*)$/, 'neočekávaná chyba: $1'],
]

/** An error message in the chosen language (unchanged in English, or when no pattern knows it). */
export function errorText(message: string, lang: Lang): string {
  if (lang !== 'cs') return message
  for (const [re, cs] of ERRORS_CS) if (re.test(message)) return message.replace(re, cs)
  return message
}
