import { useEffect, useState } from 'react'

/** A value that settles `ms` after the last change (search as you type, repeat lookup). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value)
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms)
    return () => clearTimeout(id)
  }, [value, ms])
  return v
}
