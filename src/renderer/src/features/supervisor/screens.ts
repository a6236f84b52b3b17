import type { ScreenDef } from '../../app/routes'

/** The supervisor feature's screens, by route name. */
export const supervisorScreens: Record<string, ScreenDef> = {}
