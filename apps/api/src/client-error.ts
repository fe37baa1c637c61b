import { randomUUID } from 'node:crypto'
import type { Socket } from 'node:net'
import { PROBLEMS, type ProblemCode } from './errors.js'

/** What Node's HTTP parser rejected, in words that quote nothing of the request. */
const PARSER_DETAIL: Record<string, string> = {
  HPE_UNEXPECTED_CONTENT_LENGTH: 'Content-Length and Transfer-Encoding are both set.',
  HPE_INVALID_CONTENT_LENGTH: 'The Content-Length header is not one non-negative number.',
  HPE_INVALID_TRANSFER_ENCODING: 'The Transfer-Encoding header is not valid.',
  HPE_INVALID_CHUNK_SIZE: 'A chunk size is not valid.',
  HPE_LF_EXPECTED: 'A line ends without CR LF.',
  HPE_CR_EXPECTED: 'A line ends without CR LF.',
  HPE_INVALID_HEADER_TOKEN: 'A header name or value holds a character HTTP does not allow.',
  HPE_INVALID_METHOD: 'The request method is not valid.',
  HPE_INVALID_URL: 'The request target is not valid.',
  HPE_INVALID_VERSION: 'The HTTP version is not valid.',
  HPE_INVALID_CONSTANT: 'The request line is not valid HTTP.',
  HPE_INVALID_EOF_STATE: 'The request ended in the middle.',
}

/** The request line of the bytes the parser saw, if it is the part that was too long. */
function requestLineTooLong(raw: unknown, limit: number): boolean {
  if (!Buffer.isBuffer(raw)) return false
  const end = raw.indexOf('\n')
  return end === -1 ? raw.length >= limit : end >= limit
}

/** Status, code and detail for an error Node's HTTP server reports before Fastify sees a request. */
export function mapClientError(err: NodeJS.ErrnoException & { rawPacket?: unknown }): {
  code: ProblemCode
  detail: string
} {
  switch (err.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { code: 'SD_API_REQUEST_TIMEOUT', detail: 'The request did not arrive in time.' }
    case 'HPE_HEADER_OVERFLOW':
      // The URL counts against the header size limit; a long request line is a long URI.
      return requestLineTooLong(err.rawPacket, 8 * 1024)
        ? { code: 'SD_API_URI_TOO_LONG', detail: 'The request target is too long.' }
        : { code: 'SD_API_HEADERS_TOO_LARGE', detail: 'The request headers are too large.' }
    default:
      return {
        code: 'SD_API_BAD_REQUEST',
        detail: PARSER_DETAIL[err.code ?? ''] ?? 'The request is not valid HTTP/1.1.',
      }
  }
}

/**
 * Fastify's `clientErrorHandler`: a request Node's parser rejects (TE + CL, a bad or duplicate
 * Content-Length, a bare LF, NUL in a header, headers too large, a timeout) gets the same
 * problem+json answer with a stable code as every other error, then the connection is closed.
 */
export function clientErrorHandler(
  err: NodeJS.ErrnoException & { rawPacket?: unknown },
  socket: Socket,
): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const { code, detail } = mapClientError(err)
  const def = PROBLEMS[code]
  const body = JSON.stringify({
    type: def.type,
    title: def.title,
    status: def.status,
    detail,
    code: def.code,
    requestId: randomUUID(),
  })
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${def.status} ${def.title.replace(/[^\x20-\x7e]/g, '')}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    )
  }
  socket.destroy()
}
