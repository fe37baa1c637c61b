/**
 * Redaction of secrets in every form a server, a log or a JSON answer could carry them.
 * Browser-safe (no Node-only imports): the probe, the CLI and the API all use this one module.
 */
export { authReplyText } from './auth-reply.js'
export { authBlobs, type SecretForm, secretForms } from './forms.js'
export { printable } from './printable.js'
export { MASK, Redactor, redactor, type SecretSource } from './redactor.js'
