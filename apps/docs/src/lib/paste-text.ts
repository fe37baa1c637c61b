/** The words of the paste page's tools: copy buttons, the ticket report and the share link. */
import type { Lang } from './engine.js'

export const PASTE_TOOLS = {
  en: {
    copy: 'Copy',
    copyAll: 'Copy all commands',
    copied: 'Copied',
    copyFailed: 'Select and copy by hand',
    ticket: 'Copy as ticket (Markdown)',
    ticketPreview: 'The ticket report',
    share: 'Copy link to this result',
    shareNote: 'The text travels in the link after #, which browsers never send to a server.',
    tooLong: 'The text is too long for a link; copy the ticket instead.',
    commands: 'PowerShell',
    steps: 'What to do',
    tellsApart: 'Its whole reply',
    codeOnly: (codes: string, n: number) =>
      `${codes} alone fits ${n} problems, most likely first. Each says what its whole reply looks like: paste the whole line from the device (or its log) to tell them apart.`,
    ticketTitle: 'Mail from a device through Microsoft 365: what smtp-doctor found',
    ticketInput: 'What the device showed',
    ticketFindings: 'Findings',
    ticketArticle: 'Article',
    ticketFooter: 'Made by smtp-doctor in the browser; nothing was sent anywhere.',
    severity: { error: 'ERROR', warning: 'WARNING', info: 'INFO' } as Record<string, string>,
  },
  cs: {
    copy: 'Kopírovat',
    copyAll: 'Kopírovat všechny příkazy',
    copied: 'Zkopírováno',
    copyFailed: 'Označte a zkopírujte ručně',
    ticket: 'Kopírovat jako tiket (Markdown)',
    ticketPreview: 'Zpráva pro tiket',
    share: 'Kopírovat odkaz na tento výsledek',
    shareNote: 'Text je v odkazu za znakem #, který prohlížeč nikdy neposílá na server.',
    tooLong: 'Text je na odkaz příliš dlouhý; zkopírujte místo toho tiket.',
    commands: 'PowerShell',
    steps: 'Co udělat',
    tellsApart: 'Celá odpověď',
    codeOnly: (codes: string, n: number) =>
      `Samotný kód ${codes} odpovídá ${n} problémům, nejpravděpodobnější první. U každého je, jak vypadá jeho celá odpověď: vložte celý řádek ze zařízení (nebo jeho protokol) a rozliší se.`,
    ticketTitle: 'Pošta ze zařízení přes Microsoft 365: co zjistil smtp-doctor',
    ticketInput: 'Co zařízení ukázalo',
    ticketFindings: 'Nálezy',
    ticketArticle: 'Článek',
    ticketFooter: 'Vytvořeno nástrojem smtp-doctor v prohlížeči; nic se nikam neodeslalo.',
    severity: { error: 'CHYBA', warning: 'VAROVÁNÍ', info: 'INFO' } as Record<string, string>,
  },
} as const satisfies Record<Lang, unknown>
