/**
 * Getting an OAuth 2.0 access token for SMTP AUTH (XOAUTH2) through MSAL: client credentials
 * (a client secret or a certificate) and device code. The token and every credential stay in
 * this process: nothing here prints, logs or returns them except the token to the caller.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto'
import { request } from 'node:https'
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node'
import { CliError } from '../errors.js'

/** Where tokens come from unless SMTP_DOCTOR_AUTHORITY_HOST says otherwise. */
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com'
/** The scope of an app-only token for SMTP, IMAP and POP (Exchange Online). */
export const APP_SCOPE = 'https://outlook.office365.com/.default'
/** The delegated scope for SMTP AUTH. */
export const DELEGATED_SCOPE = 'https://outlook.office.com/SMTP.Send'

export type OAuthFlow = 'client-credentials' | 'device-code'

/** What a token request needs. Secrets are passed in memory only, never from argv. */
export type TokenRequest = {
  flow: OAuthFlow
  /** Tenant id (GUID) or one of its domains. */
  tenant: string
  clientId: string
  scopes: string[]
  clientSecret?: string
  /** A certificate credential: the certificate and its private key, PEM. */
  certificate?: { cert: string; key: string }
  /** e.g. `https://login.microsoftonline.com`, or the simulator's authority in tests. */
  authorityHost: string
  /** Extra CA certificates (PEM) to trust for the authority, e.g. the simulator's. */
  ca?: string
  timeoutMs: number
  /** Shows the device-code sign-in instructions (URL and code; no secret). */
  onDeviceCode?: (message: string) => void
}

/** The token service's refusal, as the facts and the output show it (no secret in it). */
export type TokenServiceError = {
  /** The AADSTS number, e.g. 7000215, when the service gave one. */
  aadsts?: number
  /** The OAuth error, e.g. `invalid_client`. */
  error: string
  /** The service's description (its first line: `AADSTS7000215: …`). */
  description: string
}

export type TokenResult =
  | { ok: true; accessToken: string; ms: number }
  | { ok: false; error: TokenServiceError; ms: number }

const MAX_RESPONSE = 1024 * 1024

type Captured = { body?: { error?: string; error_description?: string; error_codes?: number[] } }

/**
 * MSAL's network client: node:https with the given extra CA and a time limit, that keeps the
 * token service's last error answer so the AADSTS code reaches the facts intact.
 */
function networkClient(ca: string | undefined, timeoutMs: number, captured: Captured): INetworkModule {
  const send = <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions) =>
    new Promise<NetworkResponse<T>>((resolve, reject) => {
      const u = new URL(url)
      if (u.protocol !== 'https:')
        return reject(new CliError(`the authority must be https, not ${u.protocol}`))
      const body = options?.body
      const req = request(
        u,
        {
          method,
          headers: {
            ...(options?.headers ?? {}),
            ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
          },
          ...(ca ? { ca } : {}),
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = []
          let size = 0
          res.on('data', (c: Buffer) => {
            size += c.length
            if (size > MAX_RESPONSE) req.destroy(new Error('the authority answered more than 1 MB'))
            else chunks.push(c)
          })
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8')
            let parsed: unknown = {}
            try {
              parsed = text ? JSON.parse(text) : {}
            } catch {
              parsed = {}
            }
            const status = res.statusCode ?? 0
            if (status >= 400 && parsed && typeof parsed === 'object' && 'error' in parsed)
              captured.body = parsed as Captured['body']
            const headers: Record<string, string> = {}
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k] = v
            resolve({ headers, body: parsed as T, status })
          })
          res.on('error', reject)
        },
      )
      req.on('timeout', () => req.destroy(new Error(`the authority did not answer within ${timeoutMs} ms`)))
      req.on('error', reject)
      req.end(body)
    })
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  }
}

/** The first line of a service description: Entra appends trace and correlation ids. */
function firstLine(text: string): string {
  return text
    .split(/\r?\n|\sTrace ID:/)[0]!
    .trim()
    .slice(0, 600)
}

function serviceError(captured: Captured, err: unknown): TokenServiceError {
  const b = captured.body
  if (b?.error) {
    const description = firstLine(b.error_description ?? b.error)
    const fromText = /AADSTS(\d{4,7})/.exec(description)?.[1]
    const aadsts = b.error_codes?.[0] ?? (fromText ? Number(fromText) : undefined)
    return { error: b.error, description, ...(aadsts !== undefined ? { aadsts } : {}) }
  }
  const e = err as { errorCode?: string; errorMessage?: string; message?: string }
  const description = firstLine(e?.errorMessage || e?.message || String(err))
  const m = /AADSTS(\d{4,7})/.exec(description)
  return { error: e?.errorCode || 'request_failed', description, ...(m ? { aadsts: Number(m[1]) } : {}) }
}

/** A certificate credential as MSAL wants it: SHA-256 thumbprint, key, and the chain. */
function certificateCredential(c: { cert: string; key: string }) {
  let x509: X509Certificate
  try {
    x509 = new X509Certificate(c.cert)
  } catch {
    throw new CliError('--client-cert is not a PEM certificate')
  }
  try {
    createPrivateKey(c.key)
  } catch {
    throw new CliError('--client-key is not an unencrypted PEM private key')
  }
  if (!x509.checkPrivateKey(createPrivateKey(c.key)))
    throw new CliError('--client-key is not the private key of --client-cert')
  return {
    thumbprintSha256: x509.fingerprint256.replace(/:/g, ''),
    privateKey: c.key,
    x5c: c.cert,
  }
}

/** Checks an authority host: an https origin, nothing else. */
export function authorityHostOf(text: string | undefined): string {
  const raw = (text ?? '').trim() || DEFAULT_AUTHORITY_HOST
  let u: URL
  try {
    u = new URL(raw)
  } catch {
    throw new CliError('SMTP_DOCTOR_AUTHORITY_HOST is not a URL')
  }
  if (u.protocol !== 'https:' || u.pathname.replace(/\/+$/, '') !== '' || u.search || u.username)
    throw new CliError(
      'SMTP_DOCTOR_AUTHORITY_HOST must be an https origin like https://login.microsoftonline.com',
    )
  return u.origin
}

const TENANT =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+)$/i
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Validates the tenant and client id flags (usage errors, exit 2). */
export function checkIds(
  tenant: string | undefined,
  clientId: string | undefined,
): { tenant: string; clientId: string } {
  if (!tenant) throw new CliError('--oauth needs --tenant <tenant id or domain>')
  if (!clientId) throw new CliError('--oauth needs --client-id <application (client) id>')
  if (!TENANT.test(tenant)) throw new CliError('--tenant is neither a tenant id (GUID) nor a domain name')
  if (!GUID.test(clientId)) throw new CliError('--client-id is not an application (client) id (a GUID)')
  return { tenant: tenant.toLowerCase(), clientId: clientId.toLowerCase() }
}

/**
 * Gets an access token through MSAL. Never throws for a refusal of the token service: that is
 * a result (`ok: false`) carrying the AADSTS code. Throws a CliError for unusable input.
 */
export async function acquireToken(r: TokenRequest): Promise<TokenResult> {
  const msal = await import('@azure/msal-node')
  const captured: Captured = {}
  const host = new URL(r.authorityHost).host
  const auth = {
    clientId: r.clientId,
    authority: `${r.authorityHost}/${r.tenant}`,
    // A known authority is trusted as given: no instance discovery at login.microsoftonline.com.
    knownAuthorities: [host],
  }
  const system = {
    networkClient: networkClient(r.ca, r.timeoutMs, captured),
    disableInternalRetries: true,
    loggerOptions: { loggerCallback: () => {}, piiLoggingEnabled: false, logLevel: msal.LogLevel.Error },
  }
  const started = performance.now()
  const ms = () => performance.now() - started
  let deadline: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    deadline = setTimeout(() => reject(new Error(`no token within ${r.timeoutMs} ms`)), r.timeoutMs)
  })
  try {
    let result: { accessToken: string } | null
    if (r.flow === 'client-credentials') {
      if (!r.clientSecret && !r.certificate)
        throw new CliError(
          '--oauth client-credentials needs a credential: SMTP_DOCTOR_CLIENT_SECRET, or --client-cert and --client-key',
        )
      const cca = new msal.ConfidentialClientApplication({
        auth: {
          ...auth,
          ...(r.certificate
            ? { clientCertificate: certificateCredential(r.certificate) }
            : { clientSecret: r.clientSecret as string }),
        },
        system,
      })
      result = await Promise.race([
        cca.acquireTokenByClientCredential({ scopes: r.scopes, skipCache: true }),
        timeout,
      ])
    } else {
      const pca = new msal.PublicClientApplication({ auth, system })
      result = await Promise.race([
        pca.acquireTokenByDeviceCode({
          scopes: r.scopes,
          timeout: Math.ceil(r.timeoutMs / 1000),
          deviceCodeCallback: (d) => r.onDeviceCode?.(d.message),
        }),
        timeout,
      ])
    }
    if (!result?.accessToken)
      return {
        ok: false,
        ms: ms(),
        error: { error: 'no_token', description: 'the token service returned no access token' },
      }
    return { ok: true, accessToken: result.accessToken, ms: ms() }
  } catch (err) {
    if (err instanceof CliError) throw err
    return { ok: false, ms: ms(), error: serviceError(captured, err) }
  } finally {
    clearTimeout(deadline)
  }
}
