import { type DeviceSettings, withSettingsDefaults } from '@smtp-doctor/core'
import { CliError } from './errors.js'

/** The settings flags shared by `classify` and `probe`, as commander hands them over. */
export type SettingsFlags = {
  host?: string
  port?: string
  tls?: string
  user?: string
  from?: string
  to?: string[]
  connector?: string
  passwordSet?: boolean
}

/** Parses a whole decimal number flag, or fails with a one-line message. */
export function intFlag(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value.trim())) throw new CliError(`--${name} must be a whole number, got "${value}"`)
  const n = Number(value)
  if (n < min || n > max) throw new CliError(`--${name} must be between ${min} and ${max}, got ${n}`)
  return n
}

/**
 * Device settings from flags. Defaults, so a probe needs only `--host`: port 25 for a tenant
 * MX endpoint (`*.mail.protection.outlook.com`, `*.mx.microsoft`), else 587; TLS implicit on 465, else STARTTLS.
 * The library's zod schema validates the rest.
 */
export function settingsFromFlags(f: SettingsFlags): DeviceSettings {
  if (!f.host) throw new CliError('--host is required')
  // The defaults for a left-out port and TLS mode are core's, the same the API applies.
  const settings: DeviceSettings = withSettingsDefaults({
    host: f.host.trim(),
    port: f.port ? intFlag('port', f.port, 1, 65535) : undefined,
    tls: f.tls as DeviceSettings['tls'] | undefined,
  })
  if (f.user) settings.username = f.user
  if (f.from) settings.from = f.from
  if (f.to?.length) settings.recipients = f.to
  if (f.connector) settings.connector = f.connector as DeviceSettings['connector']
  return settings
}
