/**
 * What the generated OpenAPI document needs beyond the zod schemas: an `operationId` per route,
 * `servers`, and request and response examples that work in Swagger's "Try it out". The request
 * examples are written here once; every response example is what the engine answers for that
 * request, computed when the document is built, so the two can never disagree.
 */
import { DeviceSettingsStrict, Facts, type Needs } from '@smtp-doctor/core'
import { advise, classify, diagnose, explain } from '@smtp-doctor/rules'
import { PROBLEMS } from './errors.js'
import { toProblemIssues } from './problem-handler.js'
import { demoDnsFacts, diagnoseDns } from './routes-dns.js'
import { RuleCatalog } from './rule-views.js'

type Example = { summary: string; value: unknown }
type Examples = Record<string, Example>

/** One operation's id and examples. `answer` computes the 200 answer for a request example. */
type OperationDoc = {
  operationId: string
  request?: Examples
  answer?: (body: never) => unknown
  /** Examples of path / query parameters, by name. */
  parameters?: Record<string, unknown>
  /** 200 answers that do not come from a request body (GET routes). */
  responses?: () => Examples
}

const SETTINGS = {
  host: 'smtp.office365.com',
  port: 587,
  tls: 'starttls',
  username: 'scanner@contoso.com',
  password: true,
  from: 'scanner@contoso.com',
} as const

const SIM_PROBE: Facts['probe'] = {
  target: { host: 'smtp.office365.com', port: 587, tls: 'starttls' },
  dns: { ok: true, ms: 3, addresses: ['52.98.0.10'] },
  tcp: { ok: true, ms: 21, address: '52.98.0.10' },
  banner: { ok: true, ms: 40, reply: { code: 220, text: 'Microsoft ESMTP MAIL Service ready' } },
  ehlo: { ok: true, ms: 5, starttls: true },
  starttls: { ok: true, ms: 4, offered: true },
  tls: { ok: true, ms: 30, protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' },
  ehloTls: { ok: true, ms: 5, authMechanisms: ['LOGIN', 'XOAUTH2'] },
  auth: {
    ok: false,
    ms: 90,
    attempted: true,
    mechanism: 'LOGIN',
    reply: {
      code: 535,
      enhanced: '5.7.139',
      text: 'Authentication unsuccessful, basic authentication is disabled.',
    },
  },
}

/** The operations, by `METHOD path` as the document names them. */
export const OPERATIONS: Readonly<Record<string, OperationDoc>> = {
  'get /healthz': {
    operationId: 'getHealth',
    responses: () => ({ ok: { summary: 'Healthy', value: { status: 'ok', rules: new RuleCatalog().size } } }),
  },
  'post /v1/diagnose': {
    operationId: 'diagnose',
    request: {
      sendAs: {
        summary: 'SMTP AUTH: sign-in works, the from-address is refused',
        value: {
          facts: {
            settings: { ...SETTINGS, from: 'sales@contoso.com' },
            tenant: { mailbox: { sendAsGranted: false } },
            observed: {
              errorText: '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
              symptoms: ['not-sending'],
            },
          },
          lang: 'en',
        },
      },
      directSendExternal: {
        summary: 'Direct Send to an outside recipient (Czech answer)',
        value: {
          facts: {
            settings: {
              host: 'contoso-com.mail.protection.outlook.com',
              port: 25,
              tls: 'starttls',
              from: 'scanner@contoso.com',
              recipients: ['partner@fabrikam.com'],
            },
            observed: { symptoms: ['external-recipients-not-receiving'] },
          },
          lang: 'cs',
        },
      },
    },
    answer: (b: { facts: Facts; lang: 'cs' | 'en' }) => diagnose(b.facts, { lang: b.lang }),
  },
  'post /v1/explain': {
    operationId: 'explain',
    request: {
      reply: {
        summary: 'One SMTP reply',
        value: {
          text: '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
          lang: 'en',
        },
      },
      bareCode: {
        summary: 'A code alone: the problems it can mean, each with what its whole reply says',
        value: { text: '5.7.139', lang: 'en' },
      },
      log: {
        summary: 'A device log (Czech answer)',
        value: {
          text: [
            '2026-11-20 08:12:00 SMTP: < 220 AM0PR01CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready',
            '2026-11-20 08:12:01 SMTP: > AUTH LOGIN',
            '2026-11-20 08:12:01 SMTP: < 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.',
          ].join('\n'),
          lang: 'cs',
        },
      },
    },
    answer: (b: { text: string; lang: 'cs' | 'en' }) => explain(b.text, { lang: b.lang }),
  },
  'post /v1/classify': {
    operationId: 'classify',
    request: {
      port465: {
        summary: 'smtp.office365.com on port 465 without TLS',
        value: { settings: { ...SETTINGS, port: 465, tls: 'none' }, lang: 'en' },
      },
      mxWithCredentials: {
        summary: 'Tenant MX endpoint with a username and password',
        value: {
          settings: { ...SETTINGS, host: 'contoso-com.mail.protection.outlook.com', port: 25 },
          lang: 'en',
        },
      },
    },
    answer: (b: { settings: typeof SETTINGS; lang: 'cs' | 'en' }) =>
      classify(DeviceSettingsStrict.parse(b.settings), { lang: b.lang }),
  },
  'post /v1/advise': {
    operationId: 'advise',
    request: {
      scanner: {
        summary: 'A scanner without sign-in fields, mail to outside recipients, static IP',
        value: {
          needs: { externalRecipients: true, canAuthenticate: false, staticIp: true, domain: 'contoso.com' },
          lang: 'en',
        },
      },
    },
    answer: (b: { needs: Needs; lang: 'cs' | 'en' }) => advise(b.needs, { lang: b.lang }),
  },
  'post /v1/probe': {
    operationId: 'probe',
    request: {
      smtpAuth: {
        summary: 'SMTP AUTH as the device signs in (the password is never logged or returned)',
        value: {
          settings: { ...SETTINGS, password: 'the-device-password', recipients: ['someone@contoso.com'] },
          timeoutMs: 15000,
          lang: 'en',
        },
      },
    },
    // What a probe of Microsoft 365 measures when Basic auth is off for SMTP AUTH; the findings are
    // the engine's for those facts. The live answer depends on the endpoint, so this one is fixed.
    answer: (b: { lang: 'cs' | 'en' }) => {
      const { findings } = diagnose({ settings: SETTINGS, probe: SIM_PROBE }, { lang: b.lang })
      return {
        findings,
        probe: SIM_PROBE,
        transcript: [
          'S: 220 Microsoft ESMTP MAIL Service ready',
          'C: EHLO smtp-doctor',
          'C: STARTTLS',
          'C: AUTH LOGIN ****',
          'S: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled.',
        ],
        steps: ['dns', 'tcp', 'banner', 'ehlo', 'starttls', 'tls', 'ehlo-tls', 'auth'].map((stage) => ({
          stage,
          ms: 10,
          ok: stage !== 'auth',
        })),
      }
    },
  },
  'post /v1/dns': {
    operationId: 'checkDns',
    request: {
      domain: { summary: "A domain's MX, SPF, DMARC and DKIM", value: { domain: 'contoso.com', lang: 'en' } },
      withIp: {
        summary: 'With the sending IP: SPF verdict and block lists',
        value: { domain: 'contoso.com', ip: '203.0.113.7', from: 'scanner@contoso.com', lang: 'en' },
      },
    },
    // The live answer depends on DNS; this one is the engine's for the demo zone's facts.
    answer: (b: { domain: string; ip?: string; lang: 'cs' | 'en' }) => {
      const dns = demoDnsFacts(b)
      return { findings: diagnoseDns(dns, b.domain, b.lang), dns }
    },
  },
  'get /v1/rules': {
    operationId: 'listRules',
    parameters: { lang: 'en', option: 'smtp-auth', code: '5.7.60' },
    responses: () => ({
      byCode: {
        summary: 'The rules answering 5.7.60',
        value: { rules: new RuleCatalog().list('en', { code: '5.7.60' }) },
      },
    }),
  },
  'get /v1/rules/{id}': {
    operationId: 'getRule',
    parameters: { id: 'send-as-denied', lang: 'en' },
    responses: () => ({
      sendAs: { summary: 'One rule', value: new RuleCatalog().get('send-as-denied', 'en') },
    }),
  },
}

/** A 400 problem as the API sends it for an unknown key, with the message the schema writes. */
function validationProblem(): Examples {
  const parsed = Facts.safeParse({ settings: { ...SETTINGS, to: ['x@gmail.com'] } })
  const def = PROBLEMS.SD_API_VALIDATION
  return {
    unknownKey: {
      summary: 'An unknown key, with the key meant',
      value: {
        type: def.type,
        title: def.title,
        status: def.status,
        detail: 'The body does not match the schema; see errors.',
        instance: '/v1/diagnose',
        code: 'SD_API_VALIDATION',
        requestId: '5b0c3c55-0d1e-4b43-9a57-1f0d7c1b2a9e',
        errors: parsed.success ? [] : toProblemIssues(parsed.error.issues, ['facts']),
      },
    },
  }
}

type Media = { schema?: unknown; example?: unknown; examples?: Examples }
type Operation = {
  operationId?: string
  parameters?: { name: string; example?: unknown }[]
  requestBody?: { content?: Record<string, Media> }
  responses?: Record<string, { content?: Record<string, Media> }>
}

/** The server the document is served from; Swagger UI's "Try it out" sends requests there. */
export const SERVERS = [{ url: '/', description: 'This smtp-doctor API server' }]

/** Adds operation ids, servers and examples to the generated document (in place, and returns it). */
export function decorateOpenApi<T>(doc: T): T {
  const d = doc as { servers?: unknown; paths?: Record<string, Record<string, Operation>> }
  d.servers = SERVERS
  for (const [path, item] of Object.entries(d.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      const spec = OPERATIONS[`${method} ${path}`]
      if (!spec) continue
      op.operationId = spec.operationId
      for (const p of op.parameters ?? [])
        if (spec.parameters?.[p.name] !== undefined) p.example = spec.parameters[p.name]
      const media = op.requestBody?.content?.['application/json']
      if (media && spec.request) {
        media.examples = spec.request
        delete media.example
      }
      const ok = op.responses?.['200']?.content?.['application/json']
      if (ok) {
        const answers: Examples = spec.responses ? spec.responses() : {}
        if (spec.request && spec.answer) {
          for (const [name, ex] of Object.entries(spec.request))
            answers[name] = { summary: ex.summary, value: spec.answer(ex.value as never) }
        }
        if (Object.keys(answers).length > 0) {
          ok.examples = JSON.parse(JSON.stringify(answers)) as Examples
          delete ok.example
        }
      }
      const bad = op.responses?.['4XX']?.content?.['application/problem+json']
      if (bad && spec.operationId === 'diagnose') bad.examples = validationProblem()
    }
  }
  return doc
}
