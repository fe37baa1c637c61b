import type { Lang, Needs, TlsMode } from '@smtp-doctor/core'

/** The ways a device can send: the three options, and the ways forward from Basic authentication. */
export type AdviseOptionId =
  | 'smtp-auth-oauth'
  | 'smtp-auth'
  | 'high-volume-email'
  | 'relay'
  | 'direct-send'
  | 'oauth-relay'
  | 'azure-communication-services'

/** Where an option's facts come from: Microsoft's article, and when it was published or checked. */
export type AdviseSource = { title: string; url: string; date: string }

/** What to type into the device for one option. */
export type SettingsCard = {
  host: string
  port: number
  tls: TlsMode
  /** How the device signs in. */
  authentication: 'password' | 'oauth' | 'none'
  /** What goes in the username field, or null: leave it empty. */
  username: string | null
  /** What goes in the password field, or null: leave it empty. */
  password: string | null
  /** Which from-address works. */
  from: string
  notes: string[]
}

/** One reason for or against an option, localized. */
export type AdviseReason = { ok: boolean; text: string }

/** One ranked option. */
export type AdvisedOption = {
  option: AdviseOptionId
  /** The article's option this is a form of. */
  base: 'smtp-auth' | 'direct-send' | 'relay'
  title: string
  /** False when a need rules it out. */
  suitable: boolean
  reasons: AdviseReason[]
  settings: SettingsCard
  /** Microsoft's articles for this path, with dates. */
  sources: AdviseSource[]
}

type T = { [L in Lang]: string }
const t = (cs: string, en: string): T => ({ cs, en })

const TITLE: Record<AdviseOptionId, T> = {
  'smtp-auth-oauth': t(
    'SMTP AUTH s OAuth 2.0 (moderní ověřování)',
    'SMTP AUTH client submission with OAuth 2.0 (modern authentication)',
  ),
  'smtp-auth': t('Odeslání klienta SMTP AUTH (heslo)', 'SMTP AUTH client submission (password)'),
  'high-volume-email': t('High Volume Email pro Microsoft 365', 'High Volume Email for Microsoft 365'),
  relay: t('Přenos SMTP (relay) přes konektor', 'SMTP relay through a connector'),
  'direct-send': t('Přímé odesílání (direct send)', 'Direct send'),
  'oauth-relay': t(
    'Místní relay, který se k Microsoft 365 přihlašuje přes OAuth',
    'A local relay that signs in to Microsoft 365 with OAuth',
  ),
  'azure-communication-services': t(
    'E-mail Azure Communication Services (SMTP)',
    'Azure Communication Services Email (SMTP)',
  ),
}

const CHECKED = '2026-12-01'
const SRC = {
  oauth: {
    title: 'Authenticate an IMAP, POP or SMTP connection using OAuth',
    url: 'https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
    date: CHECKED,
  },
  timeline: {
    title: 'Updated Exchange Online SMTP AUTH Basic Authentication Deprecation Timeline (Exchange Team Blog)',
    url: 'https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835',
    date: '2026-01-27',
  },
  mfd: {
    title:
      'How to set up a multifunction device or application to send email using Microsoft 365 or Office 365',
    url: 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365',
    date: CHECKED,
  },
  hve: {
    title: 'High volume email for Microsoft 365',
    url: 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/high-volume-mails-m365',
    date: CHECKED,
  },
  acs: {
    title: 'Send email with SMTP (Azure Communication Services)',
    url: 'https://learn.microsoft.com/en-us/azure/communication-services/quickstarts/email/send-email-smtp/send-email-smtp',
    date: CHECKED,
  },
} satisfies Record<string, AdviseSource>

const SOURCES: Record<AdviseOptionId, AdviseSource[]> = {
  'smtp-auth-oauth': [SRC.oauth, SRC.timeline],
  'smtp-auth': [SRC.timeline, SRC.mfd],
  'high-volume-email': [SRC.hve],
  relay: [SRC.mfd],
  'direct-send': [SRC.mfd],
  'oauth-relay': [SRC.oauth, SRC.timeline],
  'azure-communication-services': [SRC.acs],
}

const R = {
  external: t('Doručí i příjemcům mimo organizaci.', 'Reaches recipients outside the organisation too.'),
  internalOnly: t(
    'Doručí jen příjemcům ve vaší organizaci — potřebujete posílat i ven.',
    'Reaches only recipients in your organisation — you need to send outside it.',
  ),
  internalOnlyOk: t(
    'Stačí, protože posíláte jen do organizace.',
    'Enough, as you send only inside the organisation.',
  ),
  needsAuth: t(
    'Vyžaduje, aby se zařízení přihlásilo (jméno a heslo) — to vaše zařízení neumí.',
    'Needs the device to sign in (username and password) — yours cannot.',
  ),
  authOk: t('Zařízení se umí přihlásit.', 'The device can sign in.'),
  noAuthNeeded: t('Nepotřebuje přihlášení.', 'Needs no sign-in.'),
  needsOauth: t(
    'Vyžaduje OAuth 2.0 (XOAUTH2) — zařízení ho nepodporuje.',
    'Needs OAuth 2.0 (XOAUTH2) — the device does not support it.',
  ),
  oauthOk: t(
    'OAuth 2.0 funguje i po vypnutí základního ověřování (Basic auth).',
    'OAuth 2.0 keeps working after Basic authentication is turned off.',
  ),
  basicRetired: t(
    'Základní ověřování (heslo) pro SMTP AUTH Microsoft u stávajících tenantů ve výchozím stavu vypíná koncem prosince 2026 (chyba 5.7.30); správce ho může dočasně znovu zapnout, tenanty založené později ho nemají a datum úplného odstranění Microsoft oznámí ve druhé polovině roku 2027. Počítejte s přechodem na OAuth, High Volume Email nebo relay.',
    'Microsoft turns Basic authentication (password) for SMTP AUTH off by default for existing tenants at the end of December 2026 (error 5.7.30); an admin can turn it back on for a while, tenants created afterwards never have it, and Microsoft will announce the final removal date in the second half of 2027. Plan the move to OAuth, High Volume Email or a relay.',
  ),
  oauthRelayWhy: t(
    'Zařízení zůstane, jak je (bez přihlášení nebo s místním heslem, i se starým TLS); přes OAuth se k Microsoft 365 přihlašuje relay ve vaší síti.',
    'The device stays as it is (no sign-in or a local password, even old TLS); a relay on your network signs in to Microsoft 365 with OAuth for it.',
  ),
  oauthRelayServer: t(
    'Potřebuje server, který spravujete (např. Postfix s modulem XOAUTH2), a registraci aplikace v Entra ID.',
    'Needs a server you run (for example Postfix with an XOAUTH2 plug-in) and an app registration in Entra ID.',
  ),
  oauthRelayNoStaticIp: t(
    'Nepotřebuje statickou IP adresu ani port 25.',
    'Needs no static IP address and no port 25.',
  ),
  acsSetup: t(
    'Samostatná placená služba Azure s ověřenou doménou; pošta neprochází schránkou (nic v Odeslaných).',
    'A separate, paid Azure service with a verified domain; mail does not pass through a mailbox (nothing in Sent Items).',
  ),
  acsVolume: t('Zvládne i velké objemy pošty ven.', 'Handles large volumes of outbound mail too.'),
  tlsNone: t(
    'Vyžaduje TLS 1.2 — zařízení neumí šifrované spojení.',
    'Needs TLS 1.2 — the device cannot encrypt the connection.',
  ),
  tlsLegacy: t(
    'Zařízení umí jen TLS 1.0/1.1: použijte dočasný koncový bod smtp-legacy.office365.com, než ho Microsoft vyřadí; plánujte aktualizaci firmwaru nebo výměnu.',
    'The device speaks only TLS 1.0/1.1: use the interim endpoint smtp-legacy.office365.com until Microsoft retires it; plan a firmware update or replacement.',
  ),
  tlsLegacyBad: t(
    'Vyžaduje TLS 1.2 — zařízení umí jen TLS 1.0/1.1.',
    'Needs TLS 1.2 — the device speaks only TLS 1.0/1.1.',
  ),
  tlsOk: t('TLS 1.2 nebo novější je k dispozici.', 'TLS 1.2 or newer is available.'),
  tlsOptional: t('TLS je volitelné (doporučené).', 'TLS is optional (recommended).'),
  manySendersAuth: t(
    'Odesílání za více adres vyžaduje oprávnění Odeslat jako pro každou z nich.',
    'Sending as several addresses needs Send As on each of them.',
  ),
  manySendersOk: t(
    'Může odesílat za libovolnou adresu vašich přijatých domén.',
    'Can send as any address in your accepted domains.',
  ),
  staticIpNeeded: t(
    'Konektor podle IP potřebuje statickou veřejnou IP adresu — bez ní použijte konektor podle certifikátu.',
    'A connector by IP needs a static public IP address — without one, use a connector by certificate.',
  ),
  staticIpOk: t(
    'Statická veřejná IP adresa umožní konektor podle IP.',
    'The static public IP allows a connector by IP.',
  ),
  staticIpSpf: t(
    'Se statickou IP ji přidejte do SPF záznamu, aby pošta nekončila v nevyžádané.',
    'With a static IP, add it to your SPF record so mail does not land in Junk.',
  ),
  thirdParty: t(
    'Aplikace u třetí strany sdílí IP adresy s jinými — konektor nastavte podle certifikátu (vaší domény), ne podle IP.',
    'An app hosted by a third party shares IP addresses with others — make the connector match on a certificate (your domain), not the IP.',
  ),
  port25Closed: t(
    'Vyžaduje odchozí port 25 — ten je z vaší sítě blokovaný.',
    'Needs outbound port 25 — it is blocked from your network.',
  ),
  port25Ok: t('Odchozí port 25 je otevřený.', 'Outbound port 25 is open.'),
  port587: t(
    'Používá port 587, který poskytovatelé obvykle neblokují.',
    'Uses port 587, which ISPs rarely block.',
  ),
  volumeHigh: t(
    'Objem nad limity poštovní schránky (10 000 příjemců denně) — SMTP AUTH se nehodí.',
    'Volume above mailbox limits (10,000 recipients a day) — SMTP AUTH does not fit.',
  ),
  volumeHve: t('Určeno pro velký objem interní pošty.', 'Meant for large volumes of internal mail.'),
  hostTooLong: t(
    'Název koncového bodu MX je delší, než pole serveru v zařízení dovolí.',
    'The MX endpoint name is longer than the device’s server field allows.',
  ),
  rejectDirectSend: t(
    'Nesmí být zapnuté RejectDirectSend (jinak 550 5.7.68) a pošta z internetu se ověřuje SPF.',
    'RejectDirectSend must be off (else 550 5.7.68), and the mail is checked by SPF like internet mail.',
  ),
}

const N = {
  smtpAuthUser: t(
    'celá adresa poštovní schránky, např. scanner@contoso.com',
    'the full mailbox address, e.g. scanner@contoso.com',
  ),
  mailboxPassword: t('heslo poštovní schránky', 'the mailbox password'),
  hveUser: t(
    'adresa účtu HVE, např. hve-scanner@contoso.com',
    'the HVE account address, e.g. hve-scanner@contoso.com',
  ),
  hvePassword: t('heslo účtu HVE', 'the HVE account password'),
  fromMailbox: t(
    'adresa přihlašovací schránky (nebo adresa, ke které má oprávnění Odeslat jako)',
    'the sign-in mailbox address (or one it has Send As on)',
  ),
  fromHve: t('adresa účtu HVE', 'the HVE account address'),
  fromAccepted: t(
    'libovolná adresa v některé z vašich přijatých domén',
    'any address in one of your accepted domains',
  ),
  smtpAuthEnable: t(
    'SMTP AUTH musí být povolené pro poštovní schránku (Set-CASMailbox -SmtpClientAuthenticationDisabled $false).',
    'SMTP AUTH must be allowed for the mailbox (Set-CASMailbox -SmtpClientAuthenticationDisabled $false).',
  ),
  oauthApp: t(
    'Zaregistrujte aplikaci v Microsoft Entra ID s oprávněním SMTP.Send a zařízení nechte získávat token (XOAUTH2).',
    'Register an app in Microsoft Entra ID with the SMTP.Send permission and let the device obtain a token (XOAUTH2).',
  ),
  oauthAppOnly: t(
    'Aplikace sama za sebe (přihlašovací údaje klienta): Centrum pro správu Entra → Registrace aplikací → Nová registrace; Oprávnění API → Přidat → Rozhraní API, která moje organizace používá → Office 365 Exchange Online → Oprávnění aplikace → `SMTP.SendAsApp` → Udělit souhlas správce; Certifikáty a tajné kódy → nový tajný klíč nebo certifikát.',
    'App of its own (client credentials): Entra admin center → App registrations → New registration; API permissions → Add → APIs my organization uses → Office 365 Exchange Online → Application permissions → `SMTP.SendAsApp` → Grant admin consent; Certificates & secrets → a new secret or a certificate.',
  ),
  oauthExchange: t(
    'Exchange Online PowerShell: `New-ServicePrincipal -AppId <ID klienta> -ObjectId <ID objektu podnikové aplikace>`, pak `Add-MailboxPermission -Identity <schránka> -User <ID instančního objektu> -AccessRights FullAccess`; pro jinou adresu odesílatele `Add-RecipientPermission -Identity <adresa> -Trustee <ID instančního objektu> -AccessRights SendAs`.',
    'Exchange Online PowerShell: `New-ServicePrincipal -AppId <client id> -ObjectId <enterprise application object id>`, then `Add-MailboxPermission -Identity <mailbox> -User <service principal id> -AccessRights FullAccess`; for another from-address `Add-RecipientPermission -Identity <address> -Trustee <service principal id> -AccessRights SendAs`.',
  ),
  oauthToken: t(
    'Zařízení žádá o token pro `https://outlook.office365.com/.default` u `https://login.microsoftonline.com/<ID tenanta>`; vyzkoušejte to příkazem `smtp-doctor probe --oauth client-credentials`.',
    'The device requests tokens for `https://outlook.office365.com/.default` from `https://login.microsoftonline.com/<tenant id>`; try it with `smtp-doctor probe --oauth client-credentials`.',
  ),
  oauthDelegated: t(
    'Jen přihlášení uživatele (delegované): Oprávnění API → Microsoft Graph → Delegovaná oprávnění → `SMTP.Send` (a `offline_access`); uživatel se na zařízení jednou přihlásí (kód zařízení nebo prohlížeč), obor je `https://outlook.office.com/SMTP.Send`; vyzkoušejte `smtp-doctor probe --oauth device-code`.',
    'User sign-in only (delegated): API permissions → Microsoft Graph → Delegated permissions → `SMTP.Send` (and `offline_access`); a user signs in on the device once (device code or browser), the scope is `https://outlook.office.com/SMTP.Send`; try it with `smtp-doctor probe --oauth device-code`.',
  ),
  hveOldName: t(
    'Dřívější název koncového bodu smtp-hve.office365.com se nahrazuje názvem smtp.hve.mx.microsoft.',
    'The earlier endpoint name smtp-hve.office365.com is being replaced by smtp.hve.mx.microsoft.',
  ),
  oauthRelayDevice: t(
    'Do zařízení zadejte název nebo IP adresu relay ve vaší síti; relay přijímá poštu jen ze sítě zařízení.',
    'Enter the name or IP address of the relay on your network; the relay accepts mail only from the devices’ network.',
  ),
  oauthRelayUpstream: t(
    'Relay odesílá na smtp.office365.com:587 přes STARTTLS s XOAUTH2 (registrace aplikace jako u OAuth výše, token obnovuje sám).',
    'The relay sends on to smtp.office365.com:587 with STARTTLS and XOAUTH2 (app registration as for OAuth above; it renews the token itself).',
  ),
  acsUser: t(
    'uživatelské jméno SMTP prostředku ACS (nebo <název prostředku ACS>.<ID aplikace Entra>.<ID tenanta Entra>)',
    'the ACS resource’s SMTP username (or <ACS resource name>.<Entra application id>.<Entra tenant id>)',
  ),
  acsPassword: t('tajný klíč klienta aplikace Entra', 'the Entra application’s client secret'),
  acsFrom: t('adresa v doméně ověřené v ACS', 'an address in a domain verified in ACS'),
  acsSetupNote: t(
    'V Azure vytvořte prostředek Communication Services a Email Communication Service s ověřenou doménou a aplikaci Entra s rolí pro odesílání e-mailu u prostředku.',
    'In Azure create a Communication Services resource and an Email Communication Service with a verified domain, and an Entra app given a role that may send email on the resource.',
  ),
  port25Alt: t('Port 25 také funguje, pokud není blokovaný.', 'Port 25 works too when it is not blocked.'),
  mxName: t(
    'Přesný název je MX záznam vaší domény (Centrum pro správu Microsoft 365 → Nastavení → Domény).',
    'The exact name is your domain’s MX record (Microsoft 365 admin center → Settings → Domains).',
  ),
  connector: t(
    'V Exchange admin center vytvořte konektor z „Server vaší organizace“ do Office 365, podle IP adresy nebo certifikátu.',
    'In the Exchange admin center create a connector from "Your organization’s email server" to Office 365, by IP address or certificate.',
  ),
  spf: t(
    'Přidejte veřejnou IP adresu do SPF záznamu domény (ip4:…) vedle include:spf.protection.outlook.com.',
    'Add the public IP to the domain’s SPF record (ip4:…) next to include:spf.protection.outlook.com.',
  ),
  hveAccount: t(
    'Účet HVE vytvořte v Exchange admin center (Mail flow → High volume email).',
    'Create the HVE account in the Exchange admin center (Mail flow → High volume email).',
  ),
  legacyEndpoint: t(
    'smtp-legacy.office365.com je jen přechodné řešení pro zařízení s TLS 1.0/1.1 a Microsoft ho vyřadí.',
    'smtp-legacy.office365.com is only a stopgap for TLS 1.0/1.1 devices and Microsoft will retire it.',
  ),
}

const PREFERENCE: AdviseOptionId[] = [
  'smtp-auth-oauth',
  'smtp-auth',
  'relay',
  'oauth-relay',
  'high-volume-email',
  'direct-send',
  'azure-communication-services',
]
const BASE: Record<AdviseOptionId, AdvisedOption['base']> = {
  'smtp-auth-oauth': 'smtp-auth',
  'smtp-auth': 'smtp-auth',
  'high-volume-email': 'smtp-auth',
  relay: 'relay',
  'direct-send': 'direct-send',
  'oauth-relay': 'smtp-auth',
  'azure-communication-services': 'smtp-auth',
}

/** The tenant's MX endpoint as Microsoft names it for most domains (`contoso.com` → `contoso-com.…`). */
export function mxEndpointFor(domain: string | undefined): string {
  const d = domain?.trim().toLowerCase().replace(/\.$/, '')
  return `${d ? d.replace(/\./g, '-') : 'contoso-com'}.mail.protection.outlook.com`
}

type Draft = { id: AdviseOptionId; blocked: boolean; score: number; reasons: { ok: boolean; text: T }[] }

function draft(
  id: AdviseOptionId,
): Draft & { add(ok: boolean, text: T, weight?: number): void; block(text: T): void } {
  const d: Draft = { id, blocked: false, score: 0, reasons: [] }
  return Object.assign(d, {
    add(ok: boolean, text: T, weight = 1) {
      d.reasons.push({ ok, text })
      d.score += ok ? weight : -weight
    },
    block(text: T) {
      d.blocked = true
      d.reasons.push({ ok: false, text })
    },
  })
}

/**
 * Ranks the options for validated needs. Unknown needs neither help nor hurt. An option a need
 * rules out is kept (last, `suitable: false`) so the reader sees why.
 */
export function rankOptions(needs: Needs, lang: Lang): AdvisedOption[] {
  const tls = needs.maxTlsVersion
  const legacyTls = tls === 'TLSv1' || tls === 'TLSv1.1'
  const mx = mxEndpointFor(needs.domain)
  const mxTooLong = needs.hostFieldMaxLength !== undefined && mx.length > needs.hostFieldMaxLength
  const oauth = draft('smtp-auth-oauth')
  const basic = draft('smtp-auth')
  const hve = draft('high-volume-email')
  const relay = draft('relay')
  const direct = draft('direct-send')
  const oauthRelay = draft('oauth-relay')
  const acs = draft('azure-communication-services')
  const byId = {
    'oauth-relay': oauthRelay,
    'azure-communication-services': acs,
    'smtp-auth-oauth': oauth,
    'smtp-auth': basic,
    'high-volume-email': hve,
    relay,
    'direct-send': direct,
  }
  const drafts = PREFERENCE.map((id) => byId[id])

  // ── SMTP AUTH (OAuth and password) and HVE: the device signs in on port 587 ──
  for (const d of [oauth, basic, hve]) {
    if (needs.canAuthenticate === false) d.block(R.needsAuth)
    else if (needs.canAuthenticate === true) d.add(true, R.authOk)
    if (tls === 'none') d.block(R.tlsNone)
    else if (legacyTls && d !== basic) d.block(R.tlsLegacyBad)
    else if (tls === 'TLSv1.2' || tls === 'TLSv1.3') d.add(true, R.tlsOk)
    if (needs.port25Open === false) d.add(true, R.port587, 0.5)
  }
  if (legacyTls) basic.add(false, R.tlsLegacy, 2)
  for (const d of [oauth, basic]) {
    if (needs.externalRecipients === true) d.add(true, R.external)
    if (needs.sendsAsManyAddresses === true) d.add(false, R.manySendersAuth)
    if (needs.dailyVolume !== undefined && needs.dailyVolume > 10_000) d.block(R.volumeHigh)
  }
  if (needs.oauth === false) oauth.block(R.needsOauth)
  else if (needs.oauth === true) oauth.add(true, R.oauthOk, 3)
  else oauth.add(true, R.oauthOk, 0.5)
  basic.add(false, R.basicRetired, needs.oauth === true ? 3 : 1)
  if (needs.externalRecipients === true) hve.block(R.internalOnly)
  else if (needs.externalRecipients === false) hve.add(true, R.internalOnlyOk)
  if (needs.dailyVolume !== undefined && needs.dailyVolume > 10_000) hve.add(true, R.volumeHve, 2)
  else hve.score -= 0.5 // needs its own account and setup: only worth it for volume

  // ── relay and direct send: the MX endpoint on port 25, no sign-in ──
  for (const d of [relay, direct]) {
    if (needs.port25Open === false) d.block(R.port25Closed)
    else if (needs.port25Open === true) d.add(true, R.port25Ok)
    if (needs.canAuthenticate === false) d.add(true, R.noAuthNeeded, 2)
    if (tls === 'none' || legacyTls) d.add(true, R.tlsOptional)
    if (needs.sendsAsManyAddresses === true) d.add(true, R.manySendersOk)
    if (mxTooLong) d.block(R.hostTooLong)
  }
  if (needs.externalRecipients === true) relay.add(true, R.external)
  if (needs.staticIp === true && needs.thirdPartyHosted !== true) relay.add(true, R.staticIpOk)
  else if (needs.staticIp === false) relay.add(false, R.staticIpNeeded)
  if (needs.thirdPartyHosted === true) relay.add(false, R.thirdParty)
  if (needs.externalRecipients === true) direct.block(R.internalOnly)
  else {
    if (needs.externalRecipients === false) direct.add(true, R.internalOnlyOk)
    direct.add(false, R.rejectDirectSend, 0.5)
  }
  if (needs.staticIp === true) direct.add(true, R.staticIpSpf, 0.5)

  // ── a relay of your own that speaks OAuth upstream: the device needs neither OAuth nor new TLS ──
  oauthRelay.add(false, R.oauthRelayServer, 1.5)
  if (needs.oauth === false || needs.canAuthenticate === false || legacyTls || tls === 'none')
    oauthRelay.add(true, R.oauthRelayWhy, 2)
  if (needs.externalRecipients === true) oauthRelay.add(true, R.external)
  if (needs.staticIp === false || needs.port25Open === false) oauthRelay.add(true, R.oauthRelayNoStaticIp)
  if (needs.dailyVolume !== undefined && needs.dailyVolume > 10_000) oauthRelay.block(R.volumeHigh)

  // ── Azure Communication Services Email: SMTP with an Entra app's credentials, outside the tenant ──
  acs.add(false, R.acsSetup, 2)
  if (needs.canAuthenticate === false) acs.block(R.needsAuth)
  if (tls === 'none') acs.block(R.tlsNone)
  else if (legacyTls) acs.block(R.tlsLegacyBad)
  if (needs.externalRecipients === true) acs.add(true, R.external)
  if (needs.dailyVolume !== undefined && needs.dailyVolume > 10_000) acs.add(true, R.acsVolume, 2)

  const card = (id: AdviseOptionId): SettingsCard => {
    switch (id) {
      case 'smtp-auth-oauth':
        return {
          host: 'smtp.office365.com',
          port: 587,
          tls: 'starttls',
          authentication: 'oauth',
          username: N.smtpAuthUser[lang],
          password: null,
          from: N.fromMailbox[lang],
          notes: [
            ...(needs.oauthFlow === 'delegated'
              ? [N.oauthDelegated[lang]]
              : [N.oauthAppOnly[lang], N.oauthExchange[lang], N.oauthToken[lang]]),
            ...(needs.oauthFlow === undefined ? [N.oauthDelegated[lang]] : []),
            N.smtpAuthEnable[lang],
          ],
        }
      case 'smtp-auth':
        return {
          host: legacyTls ? 'smtp-legacy.office365.com' : 'smtp.office365.com',
          port: 587,
          tls: 'starttls',
          authentication: 'password',
          username: N.smtpAuthUser[lang],
          password: N.mailboxPassword[lang],
          from: N.fromMailbox[lang],
          notes: [
            N.smtpAuthEnable[lang],
            N.port25Alt[lang],
            R.basicRetired[lang],
            ...(legacyTls ? [N.legacyEndpoint[lang]] : []),
          ],
        }
      case 'high-volume-email':
        return {
          host: 'smtp.hve.mx.microsoft',
          port: 587,
          tls: 'starttls',
          authentication: 'password',
          username: N.hveUser[lang],
          password: N.hvePassword[lang],
          from: N.fromHve[lang],
          notes: [N.hveAccount[lang], N.hveOldName[lang]],
        }
      case 'oauth-relay':
        return {
          host: 'relay.contoso.local',
          port: 25,
          tls: tls === 'none' ? 'none' : 'starttls',
          authentication: 'none',
          username: null,
          password: null,
          from: N.fromMailbox[lang],
          notes: [N.oauthRelayDevice[lang], N.oauthRelayUpstream[lang], N.oauthExchange[lang]],
        }
      case 'azure-communication-services':
        return {
          host: 'smtp.azurecomm.net',
          port: 587,
          tls: 'starttls',
          authentication: 'password',
          username: N.acsUser[lang],
          password: N.acsPassword[lang],
          from: N.acsFrom[lang],
          notes: [N.acsSetupNote[lang]],
        }
      case 'relay':
        return {
          host: mx,
          port: 25,
          tls: 'starttls',
          authentication: 'none',
          username: null,
          password: null,
          from: N.fromAccepted[lang],
          notes: [N.connector[lang], N.spf[lang], N.mxName[lang]],
        }
      case 'direct-send':
        return {
          host: mx,
          port: 25,
          tls: tls === 'none' ? 'none' : 'starttls',
          authentication: 'none',
          username: null,
          password: null,
          from: N.fromAccepted[lang],
          notes: [N.spf[lang], N.mxName[lang]],
        }
    }
  }

  return drafts
    .map((d, i) => ({ d, i }))
    .sort((a, b) => Number(a.d.blocked) - Number(b.d.blocked) || b.d.score - a.d.score || a.i - b.i)
    .map(({ d }) => ({
      option: d.id,
      base: BASE[d.id],
      title: TITLE[d.id][lang],
      suitable: !d.blocked,
      reasons: d.reasons.map((r) => ({ ok: r.ok, text: r.text[lang] })),
      settings: card(d.id),
      sources: SOURCES[d.id].map((s) => ({ ...s })),
    }))
}
