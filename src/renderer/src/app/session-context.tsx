import { createContext, useContext } from 'react'
import type { SessionInfo } from '@shared/domain/session/types'

export interface SessionCtx {
  session: SessionInfo
  /** Re-read the session (after a locale or role change). */
  refresh(): Promise<void>
}

export const SessionContext = createContext<SessionCtx | null>(null)

export function useSession(): SessionCtx {
  const ctx = useContext(SessionContext)
  if (!ctx) throw new Error('useSession outside an unlocked desk')
  return ctx
}
