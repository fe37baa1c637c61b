/**
 * What to type into the device for each of the three options, as shown in the settings table
 * on each option's page. Source: Microsoft's "How to set up a multifunction device or
 * application to send email using Microsoft 365 or Office 365" (options 1–3).
 */
import type { Lang } from './engine.js'
import type { OptionId } from './labels.js'

type Row = { setting: string; value: string }

/** The settings table of an option, in one language. Values are inline markdown-free HTML-safe text. */
export const OPTION_SETTINGS: Record<OptionId, Record<Lang, Row[]>> = {
  'smtp-auth': {
    en: [
      { setting: 'Server / smart host', value: 'smtp.office365.com' },
      { setting: 'Port', value: '587 (recommended) or 25' },
      { setting: 'TLS', value: 'STARTTLS, TLS 1.2 or later' },
      { setting: 'Username and password', value: 'A licensed Microsoft 365 mailbox with SMTP AUTH enabled' },
      { setting: 'From address', value: 'The mailbox itself, or an address it has Send As on' },
      { setting: 'Recipients', value: 'Anyone, inside or outside your organisation' },
      { setting: 'Limits', value: '10,000 recipients a day, 30 messages a minute' },
    ],
    cs: [
      { setting: 'Server / smart host', value: 'smtp.office365.com' },
      { setting: 'Port', value: '587 (doporučeno) nebo 25' },
      { setting: 'TLS', value: 'STARTTLS, TLS 1.2 nebo novější' },
      {
        setting: 'Uživatelské jméno a heslo',
        value: 'Licencovaná schránka Microsoft 365 s povoleným SMTP AUTH',
      },
      {
        setting: 'Adresa odesílatele',
        value: 'Adresa této schránky nebo adresa, ke které má oprávnění Odeslat jako',
      },
      { setting: 'Příjemci', value: 'Kdokoli, uvnitř i mimo organizaci' },
      { setting: 'Limity', value: '10 000 příjemců denně, 30 zpráv za minutu' },
    ],
  },
  'direct-send': {
    en: [
      {
        setting: 'Server / smart host',
        value: 'Your MX endpoint, e.g. contoso-com.mail.protection.outlook.com',
      },
      { setting: 'Port', value: '25' },
      { setting: 'TLS', value: 'STARTTLS if the device supports it (optional)' },
      { setting: 'Username and password', value: 'None' },
      { setting: 'From address', value: 'Any address in one of your accepted domains' },
      { setting: 'Recipients', value: 'Only mailboxes in your own organisation' },
      { setting: 'Needs', value: "Port 25 open outbound; the site's IP in your SPF record" },
    ],
    cs: [
      {
        setting: 'Server / smart host',
        value: 'Váš koncový bod MX, např. contoso-com.mail.protection.outlook.com',
      },
      { setting: 'Port', value: '25' },
      { setting: 'TLS', value: 'STARTTLS, pokud to zařízení umí (nepovinné)' },
      { setting: 'Uživatelské jméno a heslo', value: 'Žádné' },
      { setting: 'Adresa odesílatele', value: 'Libovolná adresa v některé z vašich přijatých domén' },
      { setting: 'Příjemci', value: 'Jen schránky ve vaší organizaci' },
      { setting: 'Předpoklady', value: 'Otevřený odchozí port 25; IP adresa pobočky v záznamu SPF' },
    ],
  },
  relay: {
    en: [
      {
        setting: 'Server / smart host',
        value: 'Your MX endpoint, e.g. contoso-com.mail.protection.outlook.com',
      },
      { setting: 'Port', value: '25' },
      { setting: 'TLS', value: 'STARTTLS (required when the connector checks a certificate)' },
      { setting: 'Username and password', value: 'None — an inbound connector recognises the device' },
      { setting: 'From address', value: 'Any address in one of your accepted domains' },
      { setting: 'Recipients', value: 'Anyone, inside or outside your organisation' },
      {
        setting: 'Needs',
        value:
          "A static public IP address (or a certificate) on a connector from your organisation's mail server",
      },
    ],
    cs: [
      {
        setting: 'Server / smart host',
        value: 'Váš koncový bod MX, např. contoso-com.mail.protection.outlook.com',
      },
      { setting: 'Port', value: '25' },
      { setting: 'TLS', value: 'STARTTLS (povinné, pokud konektor ověřuje certifikát)' },
      { setting: 'Uživatelské jméno a heslo', value: 'Žádné — zařízení rozpozná příchozí konektor' },
      { setting: 'Adresa odesílatele', value: 'Libovolná adresa v některé z vašich přijatých domén' },
      { setting: 'Příjemci', value: 'Kdokoli, uvnitř i mimo organizaci' },
      {
        setting: 'Předpoklady',
        value:
          'Statická veřejná IP adresa (nebo certifikát) na konektoru z poštovního serveru vaší organizace',
      },
    ],
  },
}
