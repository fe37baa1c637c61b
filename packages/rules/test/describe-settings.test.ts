import { describe, expect, it } from 'vitest'
import { analyze, classify, describeSettings } from '../src/index.js'

const S465 = {
  host: 'smtp.office365.com',
  port: 465,
  tls: 'none' as const,
  username: 'a@contoso.com',
  password: true,
}

describe('describeSettings / classify().description', () => {
  it('names the port, TLS mode and sign-in that were classified, not a fixed label', () => {
    const { description } = classify(S465, { lang: 'en' })
    expect(description).toMatchObject({ option: 'smtp-auth', port: 465, tls: 'none', signIn: 'password' })
    expect(description.text).toContain('smtp.office365.com:465')
    expect(description.text).toContain('no TLS')
    expect(description.text).toContain('a@contoso.com')
    expect(description.text).not.toContain('587')
  })

  it('follows every input: MX host without sign-in, OAuth, username without password, Czech', () => {
    const mx = classify(
      { host: 'contoso-com.mail.protection.outlook.com', port: 25, tls: 'starttls' },
      { lang: 'en' },
    )
    expect(mx.description).toMatchObject({ option: 'direct-send', signIn: 'none' })
    expect(mx.description.text).toBe(
      'Direct Send — contoso-com.mail.protection.outlook.com:25, STARTTLS, no sign-in',
    )
    const oauth = classify(
      {
        host: 'smtp.office365.com',
        port: 587,
        tls: 'starttls',
        username: 'a@contoso.com',
        authMethod: 'xoauth2',
      },
      { lang: 'en' },
    )
    expect(oauth.description.signIn).toBe('oauth')
    const noPw = classify({ ...S465, password: false }, { lang: 'cs' })
    expect(noPw.description.signIn).toBe('username-only')
    expect(noPw.description.text).toContain('bez hesla')
    expect(noPw.description.text).toContain('bez TLS')
  })

  it('is the same function the library exports, over the same derived facts', () => {
    const derived = analyze({ settings: S465 }).derived
    expect(describeSettings(S465, derived, 'en')).toEqual(classify(S465, { lang: 'en' }).description)
  })
})
