// The supervisor feature's public entry: what other features may use (the screens are reached through app/routes).
export { RestoreFromBackup, restoreAvailable } from './RestoreFromBackup'
