import { describe, expect, it } from 'vitest'
import { LOCALES, NAMESPACES, resources } from './resources'

function flatten(node: unknown, prefix = ''): Record<string, unknown> {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return { [prefix]: node }
  return Object.entries(node).reduce<Record<string, unknown>>(
    (acc, [k, v]) => ({ ...acc, ...flatten(v, prefix ? `${prefix}.${k}` : k) }),
    {}
  )
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

describe('both languages are complete', () => {
  for (const ns of NAMESPACES) {
    const [a, b] = LOCALES.map((l) => flatten(resources[l][ns]))
    it(`${ns}: the same keys in 普通话 and 粵語`, () => {
      expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort())
    })
    it(`${ns}: no empty value and the same placeholders`, () => {
      for (const [key, value] of Object.entries(a)) {
        for (const [lng, table] of [['zh-CN', a], ['yue-HK', b]] as const) {
          const v = table[key]
          expect(typeof v === 'string' && v.trim().length > 0, `${lng} ${ns}:${key} is empty`).toBe(true)
        }
        expect(placeholders(String(b[key])), `${ns}:${key}`).toEqual(placeholders(String(value)))
      }
    })
  }
})
