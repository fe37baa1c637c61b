/** The "Check your token" page's own sentences, in both languages. */
import type { Lang } from './engine.js'

type DecodeCode = 'EMPTY' | 'TOO_LARGE' | 'NOT_A_JWT' | 'ENCRYPTED' | 'BAD_BASE64' | 'BAD_JSON' | 'BAD_CLAIMS'

export const TOKEN_TEXT = {
  en: {
    title: 'Check your token',
    description:
      'Paste an OAuth access token (or the base64 string after AUTH XOAUTH2) and see whether Microsoft 365 will accept it for SMTP AUTH.',
    privacy:
      'Nothing is sent anywhere: the token is decoded and judged by this page, in your browser. It is not uploaded, stored or put in the address bar. The page does not check the signature — Exchange Online does that.',
    label: 'Access token',
    mailbox: 'Mailbox the device signs in as (user=, optional)',
    tenant: 'Tenant ID of your organisation (optional)',
    button: 'Check',
    claims: 'What the token says',
    verdict: 'Verdict',
    fine: 'No problem found in the token’s claims. If Microsoft 365 still refuses it, check the service principal’s access to the mailbox and SMTP AUTH on the mailbox.',
    none: '(none)',
    expires: (min: number) => (min >= 0 ? `in ${min} min` : `${-min} min ago`),
    noScript: 'This page needs JavaScript to decode the token in your browser.',
    errors: {
      EMPTY: 'Paste a token first.',
      TOO_LARGE: 'This text is far longer than any access token.',
      NOT_A_JWT: 'This is not a JWT: an access token has three parts separated by dots (eyJ….eyJ….…).',
      ENCRYPTED: 'This is an encrypted token; only the service it was issued for can read it.',
      BAD_BASE64: 'A part of this token is not base64url; it may have been cut or changed when copied.',
      BAD_JSON: 'A part of this token does not decode to JSON; it may have been cut when copied.',
      BAD_CLAIMS: 'A claim of this token has an impossible value.',
    } satisfies Record<DecodeCode, string>,
  },
  cs: {
    title: 'Zkontrolujte token',
    description:
      'Vložte přístupový token OAuth (nebo řetězec base64 za AUTH XOAUTH2) a zjistěte, zda ho Microsoft 365 pro SMTP AUTH přijme.',
    privacy:
      'Nic se nikam neodesílá: token dekóduje a posoudí tato stránka přímo ve vašem prohlížeči. Nenahrává se, neukládá se ani se neobjeví v adresním řádku. Stránka nekontroluje podpis — to dělá Exchange Online.',
    label: 'Přístupový token',
    mailbox: 'Schránka, za kterou se zařízení přihlašuje (user=, nepovinné)',
    tenant: 'ID tenanta vaší organizace (nepovinné)',
    button: 'Zkontrolovat',
    claims: 'Co token obsahuje',
    verdict: 'Výsledek',
    fine: 'V deklaracích tokenu nebyl nalezen žádný problém. Pokud ho Microsoft 365 přesto odmítá, zkontrolujte přístup instančního objektu ke schránce a SMTP AUTH pro schránku.',
    none: '(žádné)',
    expires: (min: number) => (min >= 0 ? `za ${min} min` : `před ${-min} min`),
    noScript: 'Tato stránka potřebuje JavaScript, aby mohla token dekódovat ve vašem prohlížeči.',
    errors: {
      EMPTY: 'Nejprve vložte token.',
      TOO_LARGE: 'Tento text je mnohem delší než jakýkoli přístupový token.',
      NOT_A_JWT: 'Toto není JWT: přístupový token má tři části oddělené tečkami (eyJ….eyJ….…).',
      ENCRYPTED: 'Toto je šifrovaný token; přečíst ho může jen služba, pro kterou byl vydán.',
      BAD_BASE64: 'Část tokenu není base64url; při kopírování se možná zkrátila nebo změnila.',
      BAD_JSON: 'Část tokenu se nedekóduje na JSON; při kopírování se možná zkrátila.',
      BAD_CLAIMS: 'Některá deklarace tokenu má nemožnou hodnotu.',
    } satisfies Record<DecodeCode, string>,
  },
} satisfies Record<Lang, unknown>
