import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Petition Desk'

/** Electron's userData folder for this app, computed without Electron so both modes share data. */
export function defaultUserDataDir(): string {
  if (process.env.DESK_HOME) return process.env.DESK_HOME
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}

export function defaultDataDir(): string {
  return join(defaultUserDataDir(), 'data')
}
