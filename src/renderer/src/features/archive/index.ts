// The archive feature's public entry: the clerk's Today (the screens are reached through app/routes).
export { ClerkToday } from './ClerkToday'
