import { useEffect, useState } from 'react'

const secondsUntil = (until: number) => Math.max(0, Math.ceil((until - Date.now()) / 1000))

/** Whole seconds left until `until`, ticking once a second. */
export function useCountdown(until: number): number {
  const [seconds, setSeconds] = useState(() => secondsUntil(until))
  useEffect(() => {
    const left = () => secondsUntil(until)
    setSeconds(left())
    if (left() <= 0) return
    const timer = setInterval(() => {
      const s = left()
      setSeconds(s)
      if (s <= 0) clearInterval(timer)
    }, 250)
    return () => clearInterval(timer)
  }, [until])
  return seconds
}
