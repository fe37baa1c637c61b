import { generateKeyPairSync } from 'node:crypto'
import selfsigned from 'selfsigned'

/** A PEM certificate with its private key. */
export type PemPair = { cert: string; key: string }

/** The simulator's server certificate and a client certificate signed by the same key. */
export type SimCertificates = { server: PemPair; client: PemPair }

function rsaKeys(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
}

type Extension = Record<string, unknown>

function selfSigned(commonName: string, extensions: Extension[]): PemPair {
  // selfsigned signs with a key pair made by Node (native, fast); its typings omit `keyPair`.
  const options = { keyPair: rsaKeys(), days: 7, algorithm: 'sha256', extensions }
  const pems = selfsigned.generate([{ name: 'commonName', value: commonName }], options)
  return { cert: pems.cert, key: pems.private }
}

/**
 * Makes a fresh self-signed server certificate (RSA 2048, SHA-256) for the Microsoft 365
 * names and loopback, and a self-signed client certificate with the given common name (for
 * certificate-based connectors). Made in memory when first needed, never stored on disk.
 */
export function makeCertificates(clientName: string): SimCertificates {
  server ??= makeServerCertificate()
  let client = clients.get(clientName)
  if (!client) {
    client = selfSigned(clientName, [
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', clientAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: clientName }] },
    ])
    clients.set(clientName, client)
  }
  return { server, client }
}

// Made once per process and shared by every simulator it starts: key generation and forge's
// signing cost about a second on a busy machine, and tests start many simulators.
let server: PemPair | undefined
const clients = new Map<string, PemPair>()

function makeServerCertificate(): PemPair {
  return selfSigned('smtp.office365.com', [
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'smtp.office365.com' },
        { type: 2, value: 'smtp-legacy.office365.com' },
        { type: 2, value: '*.mail.protection.outlook.com' },
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
      ],
    },
  ])
}
