import type { ScreenDef } from '../../app/routes'

/** The cases feature's screens, by route name. */
export const caseScreens: Record<string, ScreenDef> = {}
