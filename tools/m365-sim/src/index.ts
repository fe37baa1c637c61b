/**
 * @smtp-doctor/m365-sim — real SMTP servers on loopback that behave like the Microsoft 365
 * endpoints (SMTP AUTH submission, the legacy TLS endpoint, the tenant MX endpoint), plus
 * staged faults, for tests, benchmarks and demos.
 */
export { makeCertificates, type PemPair, type SimCertificates } from './certificate.js'
export * from './dns/index.js'
export { JsonSyntaxError, jsonErrorAt, parseJson } from './json-error.js'
export * from './oauth/index.js'
export {
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  DEMO_PASSWORD,
  DEMO_TENANT_ID,
  DEMO_TOKEN,
  demoScenario,
} from './presets.js'
export {
  loadScenario,
  parseScenario,
  SimAccount,
  SimFault,
  SimScenario,
  type SimScenarioInput,
} from './scenario.js'
export { formatEndpoints, formatOAuth, oauthSettings, type Sim, startSim } from './sim.js'
export type { Endpoint } from './smtp-endpoints.js'
