import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeCertificates, type Sim, type SimScenarioInput, startSim } from '@smtp-doctor/m365-sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliRun, runCli } from './run-cli.js'

// The real CLI gets its token through the real MSAL from the simulator's Entra ID over HTTPS
// (the simulator's CA trusted through SMTP_DOCTOR_AUTHORITY_CA), then signs in with XOAUTH2.
const TENANT = '5f3c8a1e-6b2d-4e7f-9a1c-3d5e7f9b1a2c'
const APP = '2b5a9c4e-1d3f-4a6b-8c7d-9e0f1a2b3c4d'
const NO_ROLE = '4d7c1e6a-3f5b-4c8d-9e0f-1a2b3c4d5e6f'
const UNKNOWN_APP = '9f8e7d6c-5b4a-4f3e-8d2c-1b0a9f8e7d6c'
const SECRET = 'Xq8~vN2pR7.tLm4Kz9_wB3eYh6'
const OLD_SECRET = 'Pz5~Hc1mT8.uWq7Ld2_sF9rJk4'
const USER = 'scanner@contoso.com'
const appCert = makeCertificates('scanner-app.contoso.com').client

function scenario(extra: Partial<SimScenarioInput> = {}): SimScenarioInput {
  return {
    accounts: [
      { username: USER, password: 'Correct-Horse-1' },
      { username: 'other@contoso.com', password: 'Correct-Horse-1' },
    ],
    oauth: {
      tenantId: TENANT,
      apps: [
        {
          clientId: APP,
          name: 'Scanner mail',
          secrets: [{ value: SECRET }, { value: OLD_SECRET, expired: true }],
          certificates: [appCert.cert],
          mailboxes: [USER],
          delegated: ['SMTP.Send'],
        },
        { clientId: NO_ROLE, secrets: [{ value: SECRET }], exchangeRoles: [], mailboxes: [USER] },
      ],
    },
    ...extra,
  }
}

let healthy: Sim
let smtpOff: Sim
let dir: string
let caFile: string
const outputs: string[] = []

beforeAll(async () => {
  healthy = await startSim(scenario())
  smtpOff = await startSim(scenario({ smtpAuth: { enabled: false } }))
  dir = mkdtempSync(join(tmpdir(), 'cli-oauth-'))
  caFile = join(dir, 'sim-ca.pem')
  writeFileSync(caFile, healthy.certificatePem)
  writeFileSync(join(dir, 'app.crt'), appCert.cert)
  writeFileSync(join(dir, 'app.key'), appCert.key)
}, 60_000)

afterAll(async () => {
  await healthy?.stop()
  await smtpOff?.stop()
  rmSync(dir, { recursive: true, force: true })
}, 60_000)

type Opts = { sim?: Sim; secret?: string | undefined; user?: string; json?: boolean }

async function probe(extra: string[], o: Opts = {}): Promise<CliRun> {
  const sim = o.sim ?? healthy
  const args = [
    ...(o.json ? ['--json'] : []),
    'probe',
    '--host',
    'localhost',
    '--port',
    String(sim.endpoints.smtpAuth.port),
    '--user',
    o.user ?? USER,
    '--from',
    o.user ?? USER,
    '--to',
    'someone@contoso.com',
    '--tenant',
    'contoso.com',
    ...extra,
  ]
  const r = await runCli(args, {
    env: {
      SMTP_DOCTOR_AUTHORITY_HOST: sim.endpoints.authority!.url,
      SMTP_DOCTOR_AUTHORITY_CA: caFile,
      SMTP_DOCTOR_CLIENT_SECRET: 'secret' in o ? o.secret : SECRET,
    },
    timeoutMs: 30_000,
  })
  outputs.push(r.stdout, r.stderr)
  return r
}

const ids = (r: CliRun) => (JSON.parse(r.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id)
const cc = (clientId = APP) => ['--oauth', 'client-credentials', '--client-id', clientId]

describe('probe --oauth client-credentials against the simulated Entra ID and Exchange Online', () => {
  it('succeeds on the healthy tenant: token, claims and AUTH XOAUTH2 are live steps with timings', async () => {
    const r = await probe(cc())
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const lines = r.stdout.split('\n')
    const token = lines.findIndex((l) =>
      /^✔ token\s+client-credentials · https:\/\/outlook\.office365\.com\/\.default\s+\d+ ms$/.test(l),
    )
    const claims = lines.findIndex((l) =>
      /^✔ claims\s+aud https:\/\/outlook\.office365\.com · roles SMTP\.SendAsApp/.test(l),
    )
    const auth = lines.findIndex((l) => /^✔ AUTH\s+235 .*Authentication successful\s+\d+ ms$/.test(l))
    expect(token).toBeGreaterThanOrEqual(0)
    expect(claims).toBeGreaterThan(token)
    expect(auth).toBeGreaterThan(claims)
    expect(r.stdout).toContain('AUTH: LOGIN XOAUTH2 → XOAUTH2')
  })

  it('answers in JSON with the OAuth steps and the claims, and with a certificate instead of a secret', async () => {
    const r = await probe(
      [...cc(), '--client-cert', join(dir, 'app.crt'), '--client-key', join(dir, 'app.key')],
      { json: true, secret: undefined },
    )
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout) as {
      oauth: {
        flow: string
        steps: { stage: string; ok: boolean; ms: number }[]
        token: Record<string, unknown>
      }
      probe: { auth: { ok: boolean; mechanism: string } }
    }
    expect(j.oauth.flow).toBe('client-credentials')
    expect(j.oauth.steps.map((s) => [s.stage, s.ok])).toEqual([
      ['token', true],
      ['claims', true],
    ])
    expect(j.oauth.token).toMatchObject({
      aud: 'https://outlook.office365.com',
      tid: TENANT,
      appid: APP,
      roles: ['SMTP.SendAsApp'],
    })
    expect(j.probe.auth).toMatchObject({ ok: true, mechanism: 'XOAUTH2' })
  })

  it.each([
    [
      'wrong audience (a Graph token)',
      [...cc(), '--scope', 'https://graph.microsoft.com/.default'],
      {},
      'token-wrong-audience',
    ],
    ['missing SMTP.SendAsApp role', cc(NO_ROLE), {}, 'token-missing-sendasapp'],
    ['expired client secret', cc(), { secret: OLD_SECRET }, 'aadsts-client-secret-expired'],
    ['wrong client secret', cc(), { secret: 'not-the-secret-value-1' }, 'aadsts-invalid-client-secret'],
    ['app not found in the tenant', cc(UNKNOWN_APP), {}, 'aadsts-app-not-found'],
    [
      'service principal without access to the mailbox',
      cc(),
      { user: 'other@contoso.com' },
      'xoauth2-mailbox-access-missing',
    ],
    [
      'a single permission as the client-credentials scope',
      [...cc(), '--scope', 'https://outlook.office365.com/SMTP.SendAsApp'],
      {},
      'aadsts-invalid-scope',
    ],
  ] as const)('names the cause: %s', async (_name, args, o, first) => {
    const r = await probe([...args], { ...o, json: true })
    expect(r.code).toBe(1)
    expect(ids(r)[0]).toBe(first)
  })

  it('names the cause: SMTP AUTH disabled for the tenant (535 5.7.139 with a good token)', async () => {
    const r = await probe(cc(), { sim: smtpOff, json: true })
    expect(r.code).toBe(1)
    expect(ids(r)[0]).toBe('smtp-auth-disabled-tenant')
  })

  it('shows a refusal of the token service as a failed live step with the AADSTS code and the fix', async () => {
    const r = await probe(cc(), { secret: OLD_SECRET })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^✖ token\s+AADSTS7000222 invalid_client\s+\d+ ms$/m)
    expect(r.stdout).toContain('[aadsts-client-secret-expired]')
    expect(r.stdout).not.toMatch(/^✔ AUTH/m)
  })

  it('an unknown tenant is AADSTS90002', async () => {
    const r = await probe([...cc(), '--tenant', 'fabrikam.example'], { json: true })
    expect(ids(r)).toContain('aadsts-tenant-not-found')
  })
})

describe('probe --oauth device-code', () => {
  it('signs the user in (instructions on stderr), then AUTH XOAUTH2 succeeds', async () => {
    const r = await probe(['--oauth', 'device-code', '--client-id', APP], { secret: undefined })
    expect(r.stderr).toMatch(/enter the code [0-9A-F]+ to authenticate/)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^✔ claims\s+aud https:\/\/outlook\.office365\.com · scp SMTP\.Send/m)
  })

  it('a token for another user than the mailbox is token-user-mismatch', async () => {
    const r = await probe(['--oauth', 'device-code', '--client-id', APP], {
      secret: undefined,
      user: 'other@contoso.com',
      json: true,
    })
    expect(r.code).toBe(1)
    expect(ids(r)[0]).toBe('token-user-mismatch')
  })
})

describe('probe --oauth input errors', () => {
  it.each([
    [['--oauth', 'client-credentials', '--client-id', APP, '--client-secret', SECRET], /never a flag/],
    [['--oauth', 'client-credentials', '--client-id', 'not-a-guid'], /--client-id is not/],
    [['--oauth', 'client-credentials'], /needs --client-id/],
    [
      [
        '--oauth',
        'client-credentials',
        '--client-id',
        APP,
        '--client-cert',
        '/nonexistent.pem',
        '--client-key',
        '/x.pem',
      ],
      /cannot read/,
    ],
    [['--oauth', 'client-credentials', '--client-id', APP, '--client-cert', '/etc/hostname'], /go together/],
  ])('%j is a usage error (exit 2) that echoes no secret', async (args, message) => {
    const r = await probe(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toContain(SECRET)
  })

  it('no credential at all for client credentials is a usage error', async () => {
    const r = await probe(cc(), { secret: undefined })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/SMTP_DOCTOR_CLIENT_SECRET/)
  })
})

function getToken(scope: string, clientId = APP): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: SECRET,
    scope,
  }).toString()
  return new Promise((resolve, reject) => {
    const req = request(
      `${healthy.endpoints.authority!.url}/${TENANT}/oauth2/v2.0/token`,
      {
        method: 'POST',
        ca: healthy.certificatePem,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8').on('data', (d: string) => {
          text += d
        })
        res.on('end', () => resolve(String((JSON.parse(text) as { access_token: string }).access_token)))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
const unsigned = (claims: Record<string, unknown>) =>
  `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.c2lnbmF0dXJl`

async function tokenCmd(args: string[], token: string | undefined, input = ''): Promise<CliRun> {
  const r = await runCli(['token', ...args], { env: { SMTP_DOCTOR_TOKEN: token }, input })
  outputs.push(r.stdout, r.stderr)
  return r
}

describe('smtp-doctor token', () => {
  it('decodes a token from SMTP_DOCTOR_TOKEN: the claims and no problem, never the token text', async () => {
    const token = await getToken('https://outlook.office365.com/.default')
    const r = await tokenCmd([], token)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^ {2}aud\s+https:\/\/outlook\.office365\.com$/m)
    expect(r.stdout).toMatch(/^ {2}roles\s+SMTP\.SendAsApp$/m)
    expect(r.stdout).toMatch(/^ {2}exp\s+\d{4}-\d\d-\d\dT.*\(in \d+ min\)$/m)
    for (const part of token.split('.')) expect(r.stdout).not.toContain(part)
  })

  it('reads stdin and flags a Graph token (exit 1)', async () => {
    const token = await getToken('https://graph.microsoft.com/.default')
    const r = await tokenCmd(['--json'], undefined, `${token}\n`)
    expect(r.code).toBe(1)
    expect(ids(r)[0]).toBe('token-wrong-audience')
    expect(r.stdout).not.toContain(token.split('.')[2])
  })

  const now = Math.floor(Date.now() / 1000)
  const app = {
    aud: 'https://outlook.office365.com',
    tid: TENANT,
    appid: APP,
    idtyp: 'app',
    roles: ['SMTP.SendAsApp'],
    nbf: now - 60,
    exp: now + 3000,
  }
  const user = {
    aud: 'https://outlook.office365.com',
    tid: TENANT,
    idtyp: 'user',
    scp: 'SMTP.Send',
    upn: USER,
    nbf: now - 60,
    exp: now + 3000,
  }
  it.each([
    ['an expired token', unsigned({ ...app, exp: now - 600 }), [], 'token-expired'],
    ['a token not valid yet', unsigned({ ...app, nbf: now + 3600 }), [], 'token-not-yet-valid'],
    [
      'an app token without SMTP.SendAsApp',
      unsigned({ ...app, roles: ['Mail.Send'] }),
      [],
      'token-missing-sendasapp',
    ],
    [
      'a user token without SMTP.Send',
      unsigned({ ...user, scp: 'IMAP.AccessAsUser.All' }),
      [],
      'token-missing-smtp-send',
    ],
    [
      'a token of another tenant',
      unsigned(app),
      ['--tenant-id', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'],
      'token-tenant-mismatch',
    ],
    ['a token of another user', unsigned(user), ['--user', 'printer@contoso.com'], 'token-user-mismatch'],
  ])('flags %s', async (_name, token, args, first) => {
    const r = await tokenCmd(['--json', ...args], token)
    expect(r.code).toBe(1)
    expect(ids(r)[0]).toBe(first)
  })

  it.each([
    [['--token', 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln'], undefined, /never a flag/],
    [[], 'Zm9vYmFyLXNlY3JldC1kby1ub3QtZWNobw', /not a JWT/],
    [[], undefined, /no token/],
  ])('%j is a usage error that echoes nothing of the input', async (args, token, message) => {
    const r = await tokenCmd(args, token)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toContain('Zm9vYmFyLXNlY3JldC1kby1ub3QtZWNobw')
    expect(r.stderr).not.toContain('c2ln')
  })
})

describe('probe with SMTP_DOCTOR_TOKEN', () => {
  it("judges the given token's claims too: a Graph token is named as such", async () => {
    const token = await getToken('https://graph.microsoft.com/.default')
    const r = await runCli(
      [
        '--json',
        'probe',
        '--host',
        'localhost',
        '--port',
        String(healthy.endpoints.smtpAuth.port),
        '--user',
        USER,
        '--from',
        USER,
      ],
      { env: { SMTP_DOCTOR_TOKEN: token } },
    )
    outputs.push(r.stdout, r.stderr)
    expect(r.code).toBe(1)
    expect(ids(r)[0]).toBe('token-wrong-audience')
  })
})

describe('secrets', () => {
  it('no output of any run above holds the client secret (raw, base64, base64url) or a token or its signature', () => {
    expect(outputs.length).toBeGreaterThan(20)
    const all = outputs.join('\n')
    for (const s of [SECRET, OLD_SECRET]) {
      expect(all).not.toContain(s)
      expect(all).not.toContain(Buffer.from(s).toString('base64'))
      expect(all).not.toContain(Buffer.from(s).toString('base64url'))
      expect(all).not.toContain(encodeURIComponent(s))
    }
    // A signed JWT, an RS256 signature (342 base64url characters) or an XOAUTH2 blob: none anywhere.
    expect(all).not.toMatch(/eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{20,}/)
    expect(all).not.toMatch(/[A-Za-z0-9_+/-]{200,}/)
    expect(all).not.toContain(appCert.key.split('\n')[1])
  })
})
