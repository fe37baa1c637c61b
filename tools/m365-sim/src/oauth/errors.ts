import { randomUUID } from 'node:crypto'
import type { AadstsCode } from './scenario.js'

/** What an error answer needs to name: the app, tenant, resource or scope concerned. */
export type ErrorContext = {
  clientId?: string
  appName?: string
  tenant?: string
  resource?: string
  scope?: string
  parameter?: string
}

type Entry = { status: number; error: string; text: (c: ErrorContext) => string }

/**
 * Entra ID's error answers, one per AADSTS code the simulator gives. The texts follow the
 * wording of the token service's own messages, since that is what people paste.
 */
const TABLE: Record<AadstsCode | '70016' | '700027' | '50059', Entry> = {
  '700016': {
    status: 400,
    error: 'unauthorized_client',
    text: (c) =>
      `Application with identifier '${c.clientId}' was not found in the directory '${c.tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  },
  '7000215': {
    status: 401,
    error: 'invalid_client',
    text: (c) =>
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${c.clientId}'.`,
  },
  '7000222': {
    status: 401,
    error: 'invalid_client',
    text: (c) =>
      `The provided client secret keys for app '${c.clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
  },
  '7000218': {
    status: 401,
    error: 'invalid_client',
    text: () =>
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  },
  '700027': {
    status: 401,
    error: 'invalid_client',
    text: () => 'Client assertion failed signature validation.',
  },
  '650053': {
    status: 400,
    error: 'invalid_scope',
    text: (c) =>
      `The application '${c.appName}' asked for scope '${c.scope}' that doesn't exist on the resource '${c.resource}'. Contact the app vendor.`,
  },
  '70011': {
    status: 400,
    error: 'invalid_scope',
    text: (c) =>
      `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${c.scope} is not valid.`,
  },
  '500011': {
    status: 400,
    error: 'invalid_resource',
    text: (c) =>
      `The resource principal named ${c.resource} was not found in the tenant named ${c.tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  },
  '65001': {
    status: 400,
    error: 'invalid_grant',
    text: (c) =>
      `The user or administrator has not consented to use the application with ID '${c.clientId}' named '${c.appName}'. Send an interactive authorization request for this user and resource.`,
  },
  '90002': {
    status: 400,
    error: 'invalid_request',
    text: (c) =>
      `Tenant '${c.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  },
  '50059': {
    status: 400,
    error: 'invalid_request',
    text: () =>
      'No tenant-identifying information found in either the request or implied by any provided credentials.',
  },
  '50126': {
    status: 400,
    error: 'invalid_grant',
    text: () => 'Error validating credentials due to invalid username or password.',
  },
  '50076': {
    status: 400,
    error: 'invalid_grant',
    text: (c) =>
      `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${c.resource}'.`,
  },
  '50079': {
    status: 400,
    error: 'invalid_grant',
    text: (c) =>
      `Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access '${c.resource}'.`,
  },
  '53003': {
    status: 400,
    error: 'invalid_grant',
    text: () =>
      'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  },
  '900144': {
    status: 400,
    error: 'invalid_request',
    text: (c) => `The request body must contain the following parameter: '${c.parameter ?? 'grant_type'}'.`,
  },
  '70016': {
    status: 400,
    error: 'authorization_pending',
    text: () => 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
  },
}

/** An AADSTS code the simulator answers with. */
export type SimErrorCode = keyof typeof TABLE

/** The HTTP status and JSON body Entra ID's token endpoint answers an error with. */
export function entraError(
  code: SimErrorCode,
  c: ErrorContext,
): { status: number; body: Record<string, unknown> } {
  const e = TABLE[code]
  const trace = randomUUID()
  const correlation = randomUUID()
  const now = new Date()
  const timestamp = `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`
  return {
    status: e.status,
    body: {
      error: e.error,
      error_description: `AADSTS${code}: ${e.text(c)} Trace ID: ${trace} Correlation ID: ${correlation} Timestamp: ${timestamp}`,
      error_codes: [Number(code)],
      timestamp,
      trace_id: trace,
      correlation_id: correlation,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  }
}
