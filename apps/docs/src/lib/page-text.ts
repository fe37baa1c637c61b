/** Titles and fixed sentences of the generated index pages and tools, in both languages. */
import type { Lang } from './engine.js'
import type { OptionId } from './labels.js'

export const PAGE_TEXT = {
  en: {
    codesTitle: 'Error codes',
    codesIntro:
      'Every enhanced status code Microsoft 365 sends that smtp-doctor knows, and the problems it can mean.',
    symptomsTitle: 'Symptoms',
    symptomsIntro: 'No error code? Find your problem by what you see happen.',
    optionRules: 'Problems with this option',
    anyRules: 'Problems with any option',
    settings: 'Settings',
    diagram: 'How mail flows',
    optionIntro: {
      'smtp-auth':
        'The device signs in to Microsoft 365 with a mailbox and its password and sends as that mailbox, to anyone.',
      'direct-send':
        "The device hands mail straight to your tenant's MX endpoint without signing in. It can only mail people in your own organisation.",
      relay:
        "The device hands mail to your tenant's MX endpoint; an inbound connector recognises your site's static IP address or certificate and relays it to anyone.",
    } satisfies Record<OptionId, string>,
    device: 'Printer, scanner or app',
    recipientsAll: 'Recipients inside and outside',
    recipientsInternal: 'Only your own mailboxes',
    noAuth: 'no sign-in',
    pasteTitle: 'Paste your error',
    pasteDescription:
      'Paste an SMTP reply, a transcript or a whole device log and get the matching fixes at once.',
    pasteLabel: 'Error text, transcript or device log',
    pastePlaceholder: '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
    pasteButton: 'Explain',
    pastePrivacy:
      'The text is analysed in your browser by the same engine the API uses; nothing is sent anywhere.',
    pasteNone: 'No known problem found in this text. Try the error code index or the symptom index.',
    pasteFound: (n: number) => (n === 1 ? '1 problem found' : `${n} problems found`),
    pasteNoScript: 'This page needs JavaScript to analyse the text in your browser.',
    chooseTitle: 'Which option should I use?',
    chooseDescription: 'Answer a few questions about the device and see which of the three options fits it.',
    chooseIntro:
      'The answers below come from the same advisor the API and the command-line tool use. Pick the profile closest to your device, or answer the questions.',
    chooseProfiles: 'Common devices',
    chooseForm: 'Your device',
    chooseButton: 'Advise',
    yes: 'Yes',
    no: 'No',
    unknown: "Don't know",
  },
  cs: {
    codesTitle: 'Chybové kódy',
    codesIntro:
      'Každý rozšířený stavový kód, který Microsoft 365 posílá a smtp-doctor zná, a problémy, které může znamenat.',
    symptomsTitle: 'Příznaky',
    symptomsIntro: 'Nemáte chybový kód? Najděte problém podle toho, co se děje.',
    optionRules: 'Problémy s touto možností',
    anyRules: 'Problémy s kteroukoli možností',
    settings: 'Nastavení',
    diagram: 'Jak pošta putuje',
    optionIntro: {
      'smtp-auth':
        'Zařízení se přihlásí k Microsoft 365 poštovní schránkou a jejím heslem a odesílá jako tato schránka, komukoli.',
      'direct-send':
        'Zařízení předá poštu přímo koncovému bodu MX vašeho tenanta bez přihlášení. Posílat může jen lidem ve vaší organizaci.',
      relay:
        'Zařízení předá poštu koncovému bodu MX vašeho tenanta; příchozí konektor rozpozná statickou IP adresu nebo certifikát vaší pobočky a přepošle ji komukoli.',
    } satisfies Record<OptionId, string>,
    device: 'Tiskárna, skener nebo aplikace',
    recipientsAll: 'Příjemci uvnitř i mimo organizaci',
    recipientsInternal: 'Jen vaše vlastní schránky',
    noAuth: 'bez přihlášení',
    pasteTitle: 'Vložte chybu',
    pasteDescription:
      'Vložte odpověď SMTP, přepis relace nebo celý protokol zařízení a hned uvidíte, co opravit.',
    pasteLabel: 'Text chyby, přepis relace nebo protokol zařízení',
    pastePlaceholder: '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
    pasteButton: 'Vysvětlit',
    pastePrivacy:
      'Text se rozebere ve vašem prohlížeči stejným jádrem, jaké používá API; nic se nikam neodesílá.',
    pasteNone:
      'V tomto textu jsme nenašli žádný známý problém. Zkuste rejstřík chybových kódů nebo příznaků.',
    pasteFound: (n: number) =>
      n === 1 ? 'Nalezen 1 problém' : n >= 2 && n <= 4 ? `Nalezeny ${n} problémy` : `Nalezeno ${n} problémů`,
    pasteNoScript: 'Tato stránka potřebuje JavaScript, aby mohla text rozebrat ve vašem prohlížeči.',
    chooseTitle: 'Kterou možnost zvolit?',
    chooseDescription:
      'Odpovězte na několik otázek o zařízení a uvidíte, která ze tří možností se pro něj hodí.',
    chooseIntro:
      'Odpovědi níže pocházejí ze stejného poradce, jakého používá API a nástroj příkazového řádku. Vyberte profil nejbližší vašemu zařízení, nebo odpovězte na otázky.',
    chooseProfiles: 'Běžná zařízení',
    chooseForm: 'Vaše zařízení',
    chooseButton: 'Poradit',
    yes: 'Ano',
    no: 'Ne',
    unknown: 'Nevím',
  },
} satisfies Record<Lang, Record<string, unknown>>
