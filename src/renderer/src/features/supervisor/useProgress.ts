import { useEffect, useState } from 'react'
import { desk } from '../../app/desk-client'

/** The latest progress event of one task (e.g. 'backup'), as a fraction 0..1, or null when idle. */
export function useProgress(task: string, active: boolean): number | null {
  const [value, setValue] = useState<number | null>(null)
  useEffect(() => {
    if (!active) {
      setValue(null)
      return
    }
    setValue(0)
    return desk.on('progress', (p) => {
      if (p.task === task) setValue(p.total > 0 ? p.done / p.total : 0)
    })
  }, [task, active])
  return value
}
