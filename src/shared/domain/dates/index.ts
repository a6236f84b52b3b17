export * from './calendar'
export * from './age'
export * from './deadlines'
export * from './format'
