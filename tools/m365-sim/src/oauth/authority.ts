import { createHash, randomBytes, randomUUID, X509Certificate } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { PemPair } from '../certificate.js'
import type { SimAccount, SimScenario } from '../scenario.js'
import { type ErrorContext, entraError, type SimErrorCode } from './errors.js'
import { decodeJwt, signRs256, thumbprints, verifySignature } from './jwt.js'
import { type SigningKey, signingKey } from './keys.js'
import type { SimApp, SimOAuth } from './scenario.js'

/** Office 365 Exchange Online's application id (the resource of SMTP, IMAP and POP tokens). */
export const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000'
/** The audience Exchange Online's access tokens carry. */
export const EXCHANGE_AUDIENCE = 'https://outlook.office365.com'

type Resource = { appId: string; name: string; audience: string; delegated: string[]; exchange: boolean }
const EXCHANGE: Omit<Resource, 'audience'> = {
  appId: EXCHANGE_APP_ID,
  name: 'Office 365 Exchange Online',
  delegated: ['SMTP.Send', 'IMAP.AccessAsUser.All', 'POP.AccessAsUser.All', 'EWS.AccessAsUser.All'],
  exchange: true,
}
/** Resources the simulated directory knows, by the URI a scope names them with. */
const RESOURCES: Record<string, Resource> = {
  'https://outlook.office365.com': { ...EXCHANGE, audience: EXCHANGE_AUDIENCE },
  'https://outlook.office.com': { ...EXCHANGE, audience: EXCHANGE_AUDIENCE },
  [EXCHANGE_APP_ID]: { ...EXCHANGE, audience: EXCHANGE_AUDIENCE },
  'https://graph.microsoft.com': {
    appId: '00000003-0000-0000-c000-000000000000',
    name: 'Microsoft Graph',
    audience: 'https://graph.microsoft.com',
    delegated: ['SMTP.Send', 'Mail.Send', 'User.Read', 'IMAP.AccessAsUser.All', 'POP.AccessAsUser.All'],
    exchange: false,
  },
}
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email'])

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code'
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
const MAX_BODY = 64 * 1024

/** A running authority: its base URL (`https://127.0.0.1:<port>`), the JWKS key, and how to stop it. */
export type RunningAuthority = {
  host: string
  port: number
  url: string
  key: SigningKey
  close(): Promise<void>
}

type Reply = { status: number; body: Record<string, unknown> }
class Refusal extends Error {
  constructor(readonly reply: Reply) {
    super('refused')
  }
}
const refuse = (code: SimErrorCode, c: ErrorContext): never => {
  throw new Refusal(entraError(code, c))
}

type Pending = {
  app: SimApp
  resource: Resource
  scopes: string[]
  user: string
  polls: number
  expiresAt: number
}

function guidOf(text: string): string {
  const h = createHash('sha256').update(text).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** The resource and permission a scope string names, e.g. `https://outlook.office.com/SMTP.Send`. */
function splitScope(scope: string): { resource: string; permission: string } {
  const at = scope.lastIndexOf('/')
  if (at <= 0) return { resource: 'https://graph.microsoft.com', permission: scope }
  return { resource: scope.slice(0, at).replace(/\/$/, ''), permission: scope.slice(at + 1) }
}

/**
 * Starts the simulated Entra ID authority over HTTPS on 127.0.0.1 (an ephemeral port) with the
 * simulator's certificate: instance and OIDC discovery, JWKS, the token endpoint (client
 * credentials with a secret or a certificate assertion, device code) and the device-code
 * endpoint. Tokens are RS256 JWTs shaped like Entra's v1 access tokens.
 */
export async function startAuthority(
  sc: SimScenario,
  oauth: SimOAuth,
  pem: PemPair,
): Promise<RunningAuthority> {
  const key = signingKey()
  const pending = new Map<string, Pending>()
  let base = ''
  const tid = oauth.tenantId.toLowerCase()
  const domains = sc.acceptedDomains.map((d) => d.toLowerCase())
  const tenantOf = (segment: string): string | null => {
    const s = decodeURIComponent(segment).toLowerCase()
    return s === tid || domains.includes(s) ? tid : null
  }
  const appOf = (clientId: string) =>
    oauth.apps.find((a) => a.clientId.toLowerCase() === clientId.toLowerCase())
  const accountOf = (name: string): SimAccount | undefined =>
    sc.accounts.find((a) => a.username.toLowerCase() === name.toLowerCase())

  const discovery = (tenant: string) => ({
    token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/${tid}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${base}/oidc/userinfo`,
    authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'nbf',
      'oid',
      'tid',
      'ver',
      'name',
      'preferred_username',
    ],
    kerberos_endpoint: `${base}/${tenant}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  })

  const times = () => {
    const now = Math.floor(Date.now() / 1000)
    return { iat: now - 5, nbf: now - 5, exp: now + oauth.tokenLifetimeSeconds }
  }
  const header = { kid: key.kid, x5t: key.kid }

  function appToken(app: SimApp, resource: Resource, viaCertificate: boolean): Reply {
    const roles = resource.exchange
      ? app.exchangeRoles
      : resource.appId === RESOURCES['https://graph.microsoft.com']!.appId
        ? app.graphRoles
        : []
    const payload: Record<string, unknown> = {
      aud: resource.audience,
      iss: `https://sts.windows.net/${tid}/`,
      ...times(),
      app_displayname: app.name,
      appid: app.clientId,
      appidacr: viaCertificate ? '2' : '1',
      idp: `https://sts.windows.net/${tid}/`,
      idtyp: 'app',
      oid: app.servicePrincipalId,
      ...(roles.length ? { roles } : {}),
      sub: app.servicePrincipalId,
      tid,
      uti: randomBytes(16).toString('base64url'),
      ver: '1.0',
    }
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: oauth.tokenLifetimeSeconds,
        ext_expires_in: oauth.tokenLifetimeSeconds,
        access_token: signRs256(header, payload, key.privateKey),
      },
    }
  }

  function userToken(p: Pending): Reply {
    const oid = guidOf(`user:${p.user.toLowerCase()}`)
    const t = times()
    const access: Record<string, unknown> = {
      aud: p.resource.audience,
      iss: `https://sts.windows.net/${tid}/`,
      ...t,
      app_displayname: p.app.name,
      appid: p.app.clientId,
      appidacr: '0',
      idtyp: 'user',
      name: p.user,
      oid,
      scp: p.scopes.map((s) => splitScope(s).permission).join(' '),
      sub: guidOf(`sub:${p.user}:${p.app.clientId}`),
      tid,
      unique_name: p.user,
      upn: p.user,
      uti: randomBytes(16).toString('base64url'),
      ver: '1.0',
    }
    const idToken: Record<string, unknown> = {
      aud: p.app.clientId,
      iss: `${base}/${tid}/v2.0`,
      ...t,
      name: p.user,
      oid,
      preferred_username: p.user,
      sub: guidOf(`sub:${p.user}:${p.app.clientId}`),
      tid,
      ver: '2.0',
    }
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope: p.scopes.join(' '),
        expires_in: oauth.tokenLifetimeSeconds,
        ext_expires_in: oauth.tokenLifetimeSeconds,
        access_token: signRs256(header, access, key.privateKey),
        id_token: signRs256(header, idToken, key.privateKey),
        client_info: Buffer.from(JSON.stringify({ uid: oid, utid: tid })).toString('base64url'),
      },
    }
  }

  /** Checks a client assertion (certificate credential) the way Entra does. */
  function assertionOk(app: SimApp, assertion: string, tokenUrl: string): boolean {
    const jwt = decodeJwt(assertion)
    if (!jwt) return false
    const p = jwt.payload
    const now = Math.floor(Date.now() / 1000)
    if (p.iss !== app.clientId || p.sub !== app.clientId) return false
    if (typeof p.exp !== 'number' || p.exp < now - 300) return false
    if (typeof p.aud !== 'string' || p.aud.split('?')[0] !== tokenUrl) return false
    for (const pemText of app.certificates) {
      let cert: X509Certificate
      try {
        cert = new X509Certificate(pemText)
      } catch {
        continue
      }
      const tp = thumbprints(cert.raw)
      if (jwt.header.x5t !== tp.x5t && jwt.header['x5t#S256'] !== tp.x5tS256) continue
      if (verifySignature(jwt, cert.publicKey)) return true
    }
    return false
  }

  function scopeResource(
    scope: string,
    ctx: ErrorContext,
    clientCredentials: boolean,
  ): { resource: Resource; scopes: string[] } {
    const scopes = scope.split(/\s+/).filter((s) => s && !OIDC_SCOPES.has(s))
    if (scopes.length === 0) refuse('900144', { ...ctx, parameter: 'scope' })
    let found: Resource | undefined
    for (const s of scopes) {
      const { resource, permission } = splitScope(s)
      const r = RESOURCES[resource]
      if (clientCredentials && permission !== '.default') refuse('70011', { ...ctx, scope: s })
      if (!r) refuse('500011', { ...ctx, resource })
      if (!clientCredentials && permission !== '.default' && !r!.delegated.includes(permission))
        refuse('650053', { ...ctx, scope: permission, resource: r!.appId })
      if (found && found.audience !== r!.audience) refuse('70011', { ...ctx, scope })
      found = r
    }
    return { resource: found!, scopes }
  }

  function tokenRequest(tenant: string, form: URLSearchParams, tokenUrl: string): Reply {
    const grant = form.get('grant_type')
    const clientId = form.get('client_id') ?? ''
    const ctx: ErrorContext = { clientId, tenant: tid }
    if (oauth.failWith)
      refuse(oauth.failWith, {
        ...ctx,
        appName: appOf(clientId)?.name ?? 'app',
        resource: EXCHANGE_AUDIENCE,
        scope: form.get('scope') ?? '',
        parameter: 'scope',
      })
    if (!grant) refuse('900144', { ...ctx, parameter: 'grant_type' })
    if (grant === 'client_credentials') {
      const assertion = form.get('client_assertion')
      const id = clientId || (assertion ? String(decodeJwt(assertion)?.payload.iss ?? '') : '')
      if (!id) refuse('900144', { ...ctx, parameter: 'client_id' })
      const app = appOf(id)
      if (!app) return refuse('700016', { ...ctx, clientId: id, tenant })
      const actx = { ...ctx, clientId: app.clientId, appName: app.name }
      if (!form.get('scope')) refuse('900144', { ...actx, parameter: 'scope' })
      const secret = form.get('client_secret')
      if (!secret && !assertion) refuse('7000218', actx)
      if (assertion) {
        if (form.get('client_assertion_type') !== ASSERTION_TYPE)
          refuse('900144', { ...actx, parameter: 'client_assertion_type' })
        if (!assertionOk(app, assertion, tokenUrl)) refuse('700027', actx)
      } else {
        const match = app.secrets.find((s) => s.value === secret)
        if (!match) refuse('7000215', actx)
        if (match!.expired) refuse('7000222', actx)
      }
      const { resource } = scopeResource(form.get('scope') ?? '', actx, true)
      return appToken(app, resource, Boolean(assertion))
    }
    if (grant === DEVICE_GRANT || grant === 'device_code') {
      const code = form.get('device_code')
      if (!code) refuse('900144', { ...ctx, parameter: 'device_code' })
      const p = pending.get(code!)
      if (!p || p.app.clientId.toLowerCase() !== clientId.toLowerCase() || p.expiresAt < Date.now())
        return {
          status: 400,
          body: {
            error: 'expired_token',
            error_description:
              'AADSTS70020: The provided value for the input parameter device_code is not valid or has expired.',
            error_codes: [70020],
          },
        }
      p.polls++
      // The person at the prompt signs in while the app polls: pending once, then signed in.
      if (p.polls === 1) refuse('70016', ctx)
      pending.delete(code!)
      const actx = { ...ctx, appName: p.app.name, resource: p.resource.appId }
      const account = accountOf(p.user)
      if (!account) refuse('50126', actx)
      if (account!.signIn === 'security-defaults') refuse('50076', actx)
      if (account!.signIn === 'conditional-access') refuse('53003', actx)
      const wanted = p.scopes.map((s) => splitScope(s).permission).filter((x) => x !== '.default')
      if (!wanted.every((w) => p.app.delegated.includes(w))) refuse('65001', actx)
      return userToken(p)
    }
    return {
      status: 400,
      body: {
        error: 'unsupported_grant_type',
        error_description: `AADSTS70003: The app requested an unsupported grant type '${grant}'.`,
        error_codes: [70003],
      },
    }
  }

  function deviceCodeRequest(form: URLSearchParams): Reply {
    const clientId = form.get('client_id') ?? ''
    const ctx: ErrorContext = { clientId, tenant: tid }
    if (!clientId) refuse('900144', { ...ctx, parameter: 'client_id' })
    const app = appOf(clientId)
    if (!app) return refuse('700016', ctx)
    const actx = { ...ctx, appName: app.name }
    const { resource, scopes } = scopeResource(form.get('scope') ?? '', actx, false)
    const deviceCode = randomBytes(24).toString('base64url')
    const userCode = randomBytes(5).toString('hex').toUpperCase().slice(0, 9)
    const user = oauth.deviceCodeUser ?? sc.accounts[0]?.username ?? ''
    pending.set(deviceCode, { app, resource, scopes, user, polls: 0, expiresAt: Date.now() + 900_000 })
    return {
      status: 200,
      body: {
        user_code: userCode,
        device_code: deviceCode,
        verification_uri: `${base}/devicelogin`,
        expires_in: 900,
        interval: 1,
        message: `To sign in, use a web browser to open the page ${base}/devicelogin and enter the code ${userCode} to authenticate.`,
      },
    }
  }

  function route(req: IncomingMessage, body: string): Reply {
    const url = new URL(req.url ?? '/', base)
    const parts = url.pathname.split('/').filter(Boolean)
    const method = req.method ?? 'GET'
    if (method === 'GET' && parts[0] === 'common' && parts[1] === 'discovery' && parts[2] === 'instance') {
      const host = new URL(base).host
      return {
        status: 200,
        body: {
          tenant_discovery_endpoint: `${base}/{tenant}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
        },
      }
    }
    const tenantSeg = parts[0] ?? ''
    const rest = parts.slice(1).join('/')
    const known = [
      'v2.0/.well-known/openid-configuration',
      'discovery/v2.0/keys',
      'discovery/keys',
      'oauth2/v2.0/token',
      'oauth2/v2.0/devicecode',
    ]
    if (!known.includes(rest))
      return { status: 404, body: { error: 'not_found', error_description: 'No such endpoint.' } }
    if (rest.includes('keys')) return { status: 200, body: { keys: [key.jwk] } }
    const tenant = tenantOf(tenantSeg)
    if (!tenant) return entraError('90002', { tenant: decodeURIComponent(tenantSeg) })
    if (rest === 'v2.0/.well-known/openid-configuration') {
      if (method !== 'GET') return { status: 405, body: { error: 'method_not_allowed' } }
      return { status: 200, body: discovery(tenantSeg) }
    }
    if (method !== 'POST') return { status: 405, body: { error: 'method_not_allowed' } }
    const form = new URLSearchParams(body)
    try {
      if (rest === 'oauth2/v2.0/devicecode') return deviceCodeRequest(form)
      return tokenRequest(decodeURIComponent(tenantSeg), form, `${base}/${tenantSeg}/oauth2/v2.0/token`)
    } catch (err) {
      if (err instanceof Refusal) return err.reply
      throw err
    }
  }

  function send(res: ServerResponse, r: Reply): void {
    const text = JSON.stringify(r.body)
    res.writeHead(r.status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store, no-cache',
      'content-length': Buffer.byteLength(text),
      'x-ms-request-id': randomUUID(),
    })
    res.end(text)
  }

  const server = createServer({ key: pem.key, cert: pem.cert }, (req, res) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        send(res, entraError('900144', { parameter: 'grant_type' }))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => {
      if (res.writableEnded) return
      try {
        send(res, route(req, Buffer.concat(chunks).toString('utf8')))
      } catch {
        send(res, {
          status: 500,
          body: {
            error: 'server_error',
            error_description: 'AADSTS50000: There was an error issuing a token.',
          },
        })
      }
    })
    req.on('error', () => {})
  })
  server.on('tlsClientError', () => {})
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { address, port } = server.address() as AddressInfo
  base = `https://${address}:${port}`
  return {
    host: address,
    port,
    url: base,
    key,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
