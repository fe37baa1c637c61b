import { z } from 'zod'

const claim = z.string().trim().min(1).max(1024)
/** Seconds since 1970-01-01T00:00:00Z, as JWT's NumericDate. */
const seconds = z.number().int().min(0).max(253_402_300_799)

/**
 * The claims of an OAuth 2.0 access token that decide whether Microsoft 365 accepts it for
 * SMTP AUTH (XOAUTH2), decoded from the token's payload. Never the token itself and never its
 * signature: a fact may be logged, stored and shown, a token may not.
 * @example { "aud": "https://outlook.office365.com", "roles": ["SMTP.SendAsApp"], "tid": "…", "idtyp": "app", "exp": 1767225600, "checkedAt": 1767222000 }
 */
export const Token = z
  .object({
    aud: claim
      .optional()
      .describe(
        'Audience: the resource the token is for; Exchange Online is `https://outlook.office365.com`.',
      ),
    iss: claim
      .optional()
      .describe(
        'Issuer, e.g. `https://sts.windows.net/<tenant-id>/` (v1) or `https://login.microsoftonline.com/<tenant-id>/v2.0`.',
      ),
    tid: claim.optional().describe('Tenant (directory) id the token was issued in.'),
    appid: claim
      .optional()
      .describe('Client (application) id of the app that requested the token (v1 tokens).'),
    azp: claim
      .optional()
      .describe('Client (application) id of the app that requested the token (v2 tokens).'),
    idtyp: claim
      .optional()
      .describe('`app` for an app-only token (client credentials); `user` for a delegated one.'),
    roles: z
      .array(claim)
      .max(500)
      .optional()
      .describe('Application permissions granted to the app, e.g. `SMTP.SendAsApp`.'),
    scp: z
      .array(claim)
      .max(500)
      .optional()
      .describe('Delegated permissions (the `scp` claim, split at spaces), e.g. `SMTP.Send`.'),
    exp: seconds.optional().describe('Expiry (NumericDate).'),
    nbf: seconds.optional().describe('Not valid before (NumericDate).'),
    iat: seconds.optional().describe('Issued at (NumericDate).'),
    upn: claim.optional().describe('Sign-in name of the user (delegated tokens).'),
    unique_name: claim.optional().describe('Sign-in name of the user, older form (v1 tokens).'),
    preferred_username: claim.optional().describe('Sign-in name of the user (v2 tokens).'),
    oid: claim
      .optional()
      .describe("Object id of the signed-in user, or of the app's service principal for an app-only token."),
    ver: claim.optional().describe('Token format version, `1.0` or `2.0`.'),
    checkedAt: seconds
      .optional()
      .describe(
        'When the claims were judged (NumericDate), set by whoever decoded the token. Expiry and not-before are only judged against it; without it they are not judged.',
      ),
  })
  .strict()
export type Token = z.infer<typeof Token>
