// Stands in for zod's `locales/index.js` in the CLI bundle: zod sets its English messages from
// `locales/en.js` directly, and the CLI reads only `z.locales.cs` / `z.locales.en` (under --lang cs,
// core's useValidationLanguage); the other 40-odd languages are a quarter of the bundle's bytes to
// read and compile on every start.
export { default as cs } from 'zod/v4/locales/cs.js'
export { default as en } from 'zod/v4/locales/en.js'
