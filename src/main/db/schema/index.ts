export * from './foundation'
export * from './cases'
export * from './interview'
export * from './supervisor'
