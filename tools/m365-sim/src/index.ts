export * from './dns/index.js'
