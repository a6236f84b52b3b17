/**
 * Writes GUARD_FOLD into src/shared/domain/interview/guard-lexicon.ts: every Traditional or Hong Kong
 * variant of a character the guard's patterns use, mapped to the form the patterns are written in
 * (OpenCC's character tables). Run after changing a pattern: npx tsx scripts/build-guard-fold.ts
 * (the guard test fails if a character is missing).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { Converter } from 'opencc-js/cn2t'
import st from 'opencc-js/dict/STCharacters'
import hk from 'opencc-js/dict/HKVariants'
import ts from 'opencc-js/dict/TSCharacters'
import { GUARD_CATEGORIES, GUARD_NEGATION, GUARD_REPORTED, GUARD_WORKER } from '../src/shared/domain/interview/guard-lexicon'
const parse = (s: string) => { const m = new Map<string, string[]>(); for (const e of s.split('|')) { const [k, v] = e.split(' '); m.set(k, v.split(' ')) } return m }
const ST = parse(st as string), HK = parse(hk as string), TS = parse(ts as string)
const TSrev = new Map<string, string[]>(); for (const [k, vs] of TS) for (const v of vs) TSrev.set(v, [...(TSrev.get(v) ?? []), k])
const HKrev = new Map<string, string[]>(); for (const [k, vs] of HK) for (const v of vs) HKrev.set(v, [...(HKrev.get(v) ?? []), k])
const chars = new Set<string>()
for (const p of [...GUARD_CATEGORIES.flatMap((c) => c.patterns), GUARD_NEGATION, GUARD_REPORTED, GUARD_WORKER]) for (const ch of p) if (/\p{Script=Han}/u.test(ch)) chars.add(ch)
const toHk = Converter({ from: 'cn', to: 'hk' })
const toTw = Converter({ from: 'cn', to: 'tw' })
const fold: Record<string, string> = {}
for (const c of [...chars].sort()) {
  const eq = new Set<string>()
  for (const t of new Set([c, ...(ST.get(c) ?? []), ...(TSrev.get(c) ?? [])])) { eq.add(t); for (const v of HK.get(t) ?? []) eq.add(v); for (const v of HKrev.get(t) ?? []) eq.add(v) }
  eq.add(toHk(c))
  eq.add(toTw(c))
  for (const e of eq) if (e !== c) { if (fold[e] && fold[e] !== c) console.error('conflict', e, fold[e], c); fold[e] = c }
}
const file = new URL('../src/shared/domain/interview/guard-lexicon.ts', import.meta.url)
const src = readFileSync(file, 'utf8')
const line = `export const GUARD_FOLD: Readonly<Record<string, string>> = ${JSON.stringify(fold)}\n`
writeFileSync(file, src.replace(/export const GUARD_FOLD[^\n]*\n/, line))
console.log(`${Object.keys(fold).length} characters folded`)
