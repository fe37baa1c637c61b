/**
 * The DNS checks and the TLS matrix, explained for the "Check my domain" page and the option
 * pages, in both languages. The site never queries DNS itself: it shows the commands that do.
 */
import type { Lang } from './engine.js'
import type { OptionId } from './labels.js'

/** The checks `smtp-doctor dns` / `POST /v1/dns` run, plus the TLS matrix of `probe`. */
export const CHECK_IDS = ['mx', 'spf', 'dmarc', 'dkim', 'dnsbl', 'tls'] as const
export type CheckId = (typeof CHECK_IDS)[number]

type Check = { title: string; what: string; why: string }

/** The findings each check can lead to (rule ids; the page links those that exist), in both languages. */
export const CHECK_RULES: Record<CheckId, string[]> = {
  mx: ['dns-mx-not-found', 'mx-not-microsoft-365'],
  spf: [
    'spf-fail-sending-ip',
    'spf-permerror',
    'dns-spf-void-lookups',
    'dns-spf-temperror',
    'dns-spf-missing-microsoft-365',
  ],
  dmarc: ['dns-dmarc-reject-direct-send'],
  dkim: ['dns-dkim-selectors-missing'],
  dnsbl: ['sending-ip-blocklisted'],
  tls: ['device-tls-below-1-2', 'tls-legacy-rejected'],
}

/** Which checks matter most for each option, in the order the option page lists them. */
export const CHECKS_FOR_OPTION: Record<OptionId, CheckId[]> = {
  'smtp-auth': ['tls', 'spf', 'dkim', 'dmarc'],
  'direct-send': ['mx', 'spf', 'dmarc', 'dnsbl'],
  relay: ['mx', 'spf', 'dnsbl', 'dkim', 'tls'],
}

export const DNS_TEXT = {
  en: {
    title: 'Check my domain',
    description:
      "What smtp-doctor's DNS checks and TLS test look at, what each result means, and the commands that run them.",
    intro:
      'Many direct send and relay problems are in DNS, not on the device: the tenant endpoint, an SPF record that does not list the site, a DMARC policy that refuses unsigned mail, a block-listed IP address. The command-line tool and the API check them from where you run them. This site stays static and queries nothing — copy a command below.',
    checksHeading: 'What is checked',
    cliHeading: 'From the command line',
    cliIntro:
      'Replace the domain, the public IP address of the site and the from-address with yours. `--resolver` picks the DNS server to ask; without it the system resolver is used, and no other server is asked.',
    probeHeading: 'Together with a probe',
    probeIntro:
      '`probe` runs the same checks next to the SMTP conversation, and `--tls-matrix` tries TLS 1.0, 1.1, 1.2 and 1.3 one by one. With `--device-max-tls` the probe offers no more than the device can, so "the device cannot do TLS 1.2" is measured, not guessed.',
    apiHeading: 'From the API',
    apiIntro:
      'The server asks only the resolver it is configured with (`SMTP_DOCTOR_RESOLVER`); the answer is `{ findings, dns }`, the same as `--json` prints.',
    rulesLabel: 'Findings it can lead to',
    optionHeading: 'DNS checks for this option',
    optionIntro: 'Before you blame the device, check the domain:',
    optionMore: 'How to run the checks',
    checks: {
      mx: {
        title: 'MX — is the domain on Microsoft 365, and which endpoint',
        what: 'The MX records of the domain, by preference. A Microsoft 365 endpoint is `<tenant>.mail.protection.outlook.com` or, for domains signed with DNSSEC, a `*.mx.microsoft` host. The endpoint is shown exactly as DNS names it — the DNSSEC form carries a part nobody can guess, so it is never built from the domain by hand.',
        why: 'Direct send and SMTP relay connect to this endpoint on port 25. No MX, or an MX that is not Microsoft 365, means the device is pointed at the wrong place.',
      },
      spf: {
        title: 'SPF — may the site’s IP address send for the domain',
        what: 'The SPF record, whether it includes `spf.protection.outlook.com`, the verdict for the given IP address (pass, fail, softfail, neutral, none, permerror, temperror; without an IP address there is no verdict, the rest is still checked) and the DNS lookups and void lookups of the whole record, per include, against the limits of 10 and 2. Include loops and deep chains are named, not followed forever.',
        why: 'Without SPF for the site’s IP address, direct send and relay mail goes to Junk; a record over the limits is a permanent error for every sender, Microsoft 365 included.',
      },
      dmarc: {
        title: 'DMARC — what receivers do when SPF and DKIM fail',
        what: 'The `_dmarc` record of the from-address’s domain (or of its organisational domain): the policy `p=` (`none`, `quarantine`, `reject`), `sp=`, `pct=` and the alignment modes.',
        why: 'A direct send device does not sign its mail, so with `p=reject` or `p=quarantine` its messages pass only when SPF passes for its IP address.',
      },
      dkim: {
        title: 'DKIM — the Microsoft 365 selectors',
        what: 'Whether `selector1._domainkey` and `selector2._domainkey` are CNAMEs to Microsoft 365 key names (`…onmicrosoft.com` or `….dkim.mail.microsoft`), and whether a key answers through them.',
        why: 'Without them Microsoft 365 cannot sign SMTP AUTH and relay mail with your domain, and DMARC then depends on SPF alone.',
      },
      dnsbl: {
        title: 'Block lists — is the site’s IP address listed',
        what: 'The IP address looked up in DNS block lists (IPv4 reversed, IPv6 as nibbles): which lists name it, with their return codes and reason. A list that refuses the query or does not answer is reported as such, never as "not listed".',
        why: 'Direct send and relay deliver from the site’s address; a listed address gets refused or junked.',
      },
      tls: {
        title: 'TLS matrix — which TLS versions the endpoint accepts',
        what: 'One connection per version, TLS 1.0 to 1.3, each offering only that version (after STARTTLS on ports 587 and 25).',
        why: '`smtp.office365.com` accepts TLS 1.2 and newer only; next to the device’s highest version it tells whether the device can connect at all.',
      },
    } satisfies Record<CheckId, Check>,
  },
  cs: {
    title: 'Zkontrolovat doménu',
    description:
      'Co kontroly DNS a test TLS nástroje smtp-doctor sledují, co který výsledek znamená a jakými příkazy je spustit.',
    intro:
      'Řada potíží s přímým odesíláním a přenosem je v DNS, ne v zařízení: koncový bod tenanta, záznam SPF bez adresy pracoviště, zásada DMARC odmítající nepodepsanou poštu, IP adresa na seznamu blokovaných adres. Nástroj pro příkazový řádek i API je zkontrolují z místa, kde je spustíte. Tento web je statický a nic se nedotazuje — zkopírujte příkaz níže.',
    checksHeading: 'Co se kontroluje',
    cliHeading: 'Z příkazového řádku',
    cliIntro:
      'Doménu, veřejnou IP adresu pracoviště a adresu odesílatele nahraďte svými. `--resolver` určuje, kterého serveru DNS se ptát; bez něj se použije systémový resolver a žádný jiný server se nedotazuje.',
    probeHeading: 'Spolu s testem připojení',
    probeIntro:
      '`probe` spustí tytéž kontroly vedle rozhovoru SMTP a `--tls-matrix` zkusí postupně TLS 1.0, 1.1, 1.2 a 1.3. S `--device-max-tls` test nenabídne víc, než umí zařízení, takže „zařízení neumí TLS 1.2“ je změřeno, ne odhadnuto.',
    apiHeading: 'Přes API',
    apiIntro:
      'Server se ptá jen resolveru, se kterým je nastaven (`SMTP_DOCTOR_RESOLVER`); odpověď je `{ findings, dns }`, stejně jako vypíše `--json`.',
    rulesLabel: 'Možná zjištění',
    optionHeading: 'Kontroly DNS pro tuto možnost',
    optionIntro: 'Než začnete podezírat zařízení, zkontrolujte doménu:',
    optionMore: 'Jak kontroly spustit',
    checks: {
      mx: {
        title: 'MX — je doména v Microsoft 365 a jaký je koncový bod',
        what: 'Záznamy MX domény podle priority. Koncový bod Microsoft 365 je `<tenant>.mail.protection.outlook.com`, u domén podepsaných DNSSEC hostitel `*.mx.microsoft`. Koncový bod se ukazuje přesně tak, jak ho uvádí DNS — podoba pro DNSSEC obsahuje část, kterou nelze uhodnout, proto se nikdy neskládá ručně z názvu domény.',
        why: 'Přímé odesílání i přenos SMTP se připojují k tomuto koncovému bodu na portu 25. Chybějící MX nebo MX mimo Microsoft 365 znamená, že zařízení míří jinam.',
      },
      spf: {
        title: 'SPF — smí IP adresa pracoviště odesílat za doménu',
        what: 'Záznam SPF, zda zahrnuje `spf.protection.outlook.com`, výsledek pro zadanou IP adresu (pass, fail, softfail, neutral, none, permerror, temperror; bez IP adresy výsledek není, zbytek se zkontroluje i tak) a dotazy DNS i prázdné dotazy celého záznamu po jednotlivých include vůči limitům 10 a 2. Smyčky include a hluboké řetězce se pojmenují, nesledují se donekonečna.',
        why: 'Bez SPF pro IP adresu pracoviště končí pošta z přímého odesílání a přenosu v nevyžádané poště; záznam nad limity je trvalá chyba pro všechny odesílatele včetně Microsoft 365.',
      },
      dmarc: {
        title: 'DMARC — co příjemci udělají, když SPF i DKIM selžou',
        what: 'Záznam `_dmarc` domény adresy odesílatele (nebo její organizační domény): zásada `p=` (`none`, `quarantine`, `reject`), `sp=`, `pct=` a režimy zarovnání.',
        why: 'Zařízení s přímým odesíláním poštu nepodepisuje, takže při `p=reject` nebo `p=quarantine` projdou jeho zprávy jen tehdy, když SPF projde pro jeho IP adresu.',
      },
      dkim: {
        title: 'DKIM — selektory Microsoft 365',
        what: 'Zda jsou `selector1._domainkey` a `selector2._domainkey` záznamy CNAME na jména klíčů Microsoft 365 (`…onmicrosoft.com` nebo `….dkim.mail.microsoft`) a zda přes ně odpovídá klíč.',
        why: 'Bez nich Microsoft 365 nemůže poštu ze SMTP AUTH a přenosu podepsat vaší doménou a DMARC pak závisí jen na SPF.',
      },
      dnsbl: {
        title: 'Seznamy blokovaných adres — je IP adresa pracoviště uvedena',
        what: 'IP adresa vyhledaná v seznamech blokovaných adres v DNS (IPv4 obráceně, IPv6 po půlbajtech): které seznamy ji uvádějí, s návratovými kódy a důvodem. Seznam, který dotaz odmítne nebo neodpoví, se tak i uvede, nikdy jako „neuvedena“.',
        why: 'Přímé odesílání i přenos doručují z adresy pracoviště; adresa na seznamu znamená odmítnutí nebo nevyžádanou poštu.',
      },
      tls: {
        title: 'Matice TLS — které verze TLS koncový bod přijímá',
        what: 'Jedno připojení pro každou verzi TLS 1.0 až 1.3, každé nabízí jen tuto verzi (na portech 587 a 25 po STARTTLS).',
        why: '`smtp.office365.com` přijímá jen TLS 1.2 a novější; vedle nejvyšší verze zařízení ukáže, zda se zařízení vůbec může připojit.',
      },
    } satisfies Record<CheckId, Check>,
  },
} satisfies Record<Lang, unknown>

/** The commands the page shows (static text; the example values are the documentation ones). */
export const DNS_COMMANDS = {
  cli: [
    'smtp-doctor dns contoso.com',
    'smtp-doctor dns contoso.com --ip 203.0.113.7',
    'smtp-doctor dns contoso.com --ip 203.0.113.7 --from scanner@contoso.com --dnsbl zen.spamhaus.org,bl.spamcop.net',
    'smtp-doctor dns contoso.com --ip 203.0.113.7 --resolver 192.0.2.53 --json',
  ],
  probe: [
    'smtp-doctor probe --host smtp.office365.com --tls-matrix --device-max-tls 1.1',
    'smtp-doctor probe --host contoso-com.mail.protection.outlook.com --from scanner@contoso.com --to someone@contoso.com --domain contoso.com --ip 203.0.113.7',
  ],
  api: `curl -s https://smtp-doctor.example/v1/dns \\
  -H 'content-type: application/json' \\
  -d '{"domain":"contoso.com","ip":"203.0.113.7","from":"scanner@contoso.com","lang":"en"}'`,
} as const
