/**
 * A typed client for the smtp-doctor API in a few lines: the types are generated from
 * /openapi.json (src/generated/openapi-types.ts), so a wrong field is a compile error.
 * README's TypeScript example is this file; `npm run typecheck -w @smtp-doctor/api` checks it.
 */
import type { components, paths } from '../src/generated/openapi-types.js'

type DiagnoseRequest = paths['/v1/diagnose']['post']['requestBody']['content']['application/json']
type Findings = components['schemas']['Findings']

/** POST /v1/diagnose with typed facts; resolves to the findings. */
export async function diagnose(base: string, body: DiagnoseRequest): Promise<Findings> {
  const res = await fetch(new URL('/v1/diagnose', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`smtp-doctor answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as Findings
}

/** Example: what is wrong with a scanner that signs in as one mailbox and sends as another. */
export async function example(base = 'http://127.0.0.1:8080'): Promise<string[]> {
  const { findings } = await diagnose(base, {
    facts: {
      settings: {
        host: 'smtp.office365.com',
        port: 587,
        tls: 'starttls',
        username: 'scanner@contoso.com',
        password: true,
        from: 'sales@contoso.com',
      },
      observed: { errorText: '550 5.7.60 SMTP; Client does not have permissions to send as this sender' },
    },
    lang: 'en',
  })
  return findings.map((f) => `${f.severity} ${f.id}: ${f.title}`)
}
