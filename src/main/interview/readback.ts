import { READ_BACK_FIELDS, type ReadBackData } from '@shared/ipc/contracts/interview'
import type { Desk } from '../desk/desk'
import { getInterview, logEvent } from './service'

/** Route of the read-back view in the renderer (`#/readback/<id>`, see the renderer's main.tsx). */
export const readBackRoute = (interviewId: number) => `readback/${interviewId}`

/**
 * Open the read-back in the desktop shell's second window. Browser mode (no platform) and a shell
 * without second windows answer `opened: false`: the renderer then opens its own window or overlay.
 */
export async function openReadBack(desk: Desk, input: { interviewId: number }): Promise<{ opened: boolean }> {
  // Throws NOT_FOUND / LOCKED before any window opens.
  getInterview(desk, input.interviewId)
  const platform = desk.platform
  if (!platform?.openSecondWindow) return { opened: false }
  await platform.openSecondWindow(readBackRoute(input.interviewId))
  logEvent(desk, { interviewId: input.interviewId, kind: 'readBack', detail: 'screen' })
  return { opened: true }
}

export function closeReadBack(desk: Desk): null {
  desk.platform?.closeSecondWindow?.()
  return null
}

/** Only what the petitioner may see (the read-back window cannot ask for more: see ipc/sender.ts). */
export function readBackView(desk: Desk, input: { interviewId: number }): ReadBackData {
  const s = getInterview(desk, input.interviewId)
  const texts = Object.fromEntries(READ_BACK_FIELDS.map((f) => [f, s.texts[f] ?? ''])) as ReadBackData['texts']
  return { outputLang: s.outputLang, texts, acceptedNeeds: s.acceptedNeeds, followUpDate: s.followUpDate }
}
