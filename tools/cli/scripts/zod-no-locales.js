// Stands in for zod's `locales/index.js` in the CLI bundle: zod sets its English messages from
// `locales/en.js` directly, and nothing here reads `z.locales`; the other 40-odd languages are a
// quarter of the bundle's bytes to read and compile on every start.
export {}
