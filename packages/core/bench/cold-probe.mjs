// One probe in a fresh Node process, as a CLI run would do it: argv host port user; the
// password comes from SMTP_DOCTOR_PASSWORD. Exit 0 when RCPT was accepted.
import { probe } from '../dist/probe/index.js'

const [host, port, user] = process.argv.slice(2)
const result = await probe({
  host,
  port: Number(port),
  tls: 'starttls',
  username: user,
  password: process.env.SMTP_DOCTOR_PASSWORD,
  from: user,
  recipients: ['someone@fabrikam.com'],
  timeoutMs: 10000,
})
process.exitCode = result.facts.probe?.rcpt?.[0]?.ok ? 0 : 1
