/**
 * @smtp-doctor/core — the fact schema and the SMTP reply parser. Browser-safe: no Node-only
 * imports here. The probes (Node-only: net, tls, dns) are at `@smtp-doctor/core/probe`.
 */
export {
  buildCatalogue,
  type Catalogue,
  type CatalogueMatcher,
  type CatalogueSource,
  type CompiledCatalogue,
  compileCatalogue,
  expandCodeRange,
  literalMatchers,
  MATCHER_LANGS,
  type MatcherKind,
  type MatcherLists,
  parseCodeRange,
} from './parse/catalogue.js'
export { type ByteDecoder, createByteDecoder, sniffEncoding } from './parse/decode.js'
export { fold } from './parse/fold.js'
export * from './parse/kinds.js'
export {
  createTextParser,
  type ParsedReply,
  type ParsedText,
  parseText,
  type TextParser,
} from './parse/parse-text.js'
export { compilePattern, PatternError } from './parse/pattern.js'
export * from './schema/index.js'
export {
  type ClaimRowText,
  type DecodeTokenOptions,
  decodeToken,
  MAX_TOKEN_LENGTH,
  TokenDecodeError,
  type TokenDecodeErrorCode,
  tokenClaimRows,
  tokenClaimsOf,
  tokenUser,
} from './token/decode.js'
