/**
 * @smtp-doctor/core — the fact schema and the SMTP reply parser. Browser-safe: no Node-only
 * imports here. The probes (Node-only: net, tls, dns) are at `@smtp-doctor/core/probe`.
 */
export * from './parse/catalog.js'
export {
  createTextParser,
  type ParsedReply,
  type ParsedText,
  parseText,
  type TextParser,
} from './parse/parse-text.js'
export * from './schema/index.js'
export {
  type DecodeTokenOptions,
  decodeToken,
  MAX_TOKEN_LENGTH,
  TokenDecodeError,
  type TokenDecodeErrorCode,
  tokenUser,
} from './token/decode.js'
