/**
 * The committed TypeScript types are what openapi-typescript generates from the document the app
 * serves now (a stale file fails here), and the typed client example works against a listening API.
 */
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { example } from '../examples/client.js'
import { generateTypes, TYPES_FILE } from '../scripts/openapi-types.js'
import { buildApp } from '../src/app.js'

describe('generated OpenAPI types', () => {
  it('are current (npm run openapi-types -w @smtp-doctor/api regenerates them)', async () => {
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(await generateTypes())
  })

  it('type the client example, which gets real findings from a listening API', async () => {
    const app = await buildApp({ logger: false, rateLimit: { global: false } })
    await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      const { port } = app.server.address() as AddressInfo
      const lines = await example(`http://127.0.0.1:${port}`)
      expect(lines[0]).toMatch(/^error send-as-denied: /)
    } finally {
      await app.close()
    }
  })
})
