import type { ScreenDef } from '../../app/routes'

/** The interview feature's screens, by route name. */
export const interviewScreens: Record<string, ScreenDef> = {}
