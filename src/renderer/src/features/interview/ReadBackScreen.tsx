import { useEffect, useMemo, useState } from 'react'
import type { ReadBackData } from '@shared/ipc/contracts/interview'
import { call } from '../../app/desk-client'
import { ReadBackView } from './ReadBack'
import { stopSpeaking } from './speech'
import './interview.css'

/** `#/readback/<id>`: the address the desktop shell's second window loads (see main.tsx). */
export function readBackRouteId(hash: string): number | null {
  const m = /^#\/readback\/([1-9][0-9]{0,11})$/.exec(hash)
  return m ? Number(m[1]) : null
}

/**
 * The read-back alone in the desktop shell's second window, facing the petitioner. It reads the
 * saved texts once a second (the worker's window keeps saving while it is open). When a read fails
 * (the desk locked, the worker logged out) the view is cleared at once and the window closes; the
 * main process also closes it on lock.
 */
export function ReadBackScreen({ interviewId, poll = 1000 }: { interviewId: number; poll?: number }) {
  const [data, setData] = useState<ReadBackData | null>(null)
  const [gone, setGone] = useState(false)
  const source = useMemo(() => ({ current: {} as Record<string, string>, snapshot() { return this.current } }), [])
  useEffect(() => {
    let live = true
    const load = async () => {
      try {
        const d = await call('interview.readBackView', { interviewId })
        if (!live) return
        source.current = d.texts
        setData(d)
      } catch {
        if (!live) return
        source.current = {}
        stopSpeaking()
        setData(null)
        setGone(true)
        window.close()
      }
    }
    void load()
    const h = setInterval(() => void load(), poll)
    return () => {
      live = false
      clearInterval(h)
    }
  }, [interviewId, poll, source])
  useEffect(() => {
    document.body.className = 'rb-window'
  }, [])
  if (gone || !data) return <main className="rb" data-testid="readback-empty" />
  return <ReadBackView interviewId={interviewId} store={source} lang={data.outputLang} acceptedNeeds={data.acceptedNeeds} followUpDate={data.followUpDate} />
}
