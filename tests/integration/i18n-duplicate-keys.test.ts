import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * JSON.parse keeps the last of two equal keys, so a merge that writes a key twice silently
 * replaces the reviewed wording with whichever copy came last. Walk the text and name every key
 * that appears twice in one object.
 */
function duplicateKeys(text: string): string[] {
  const found: string[] = []
  const stack: { keys: Set<string>; path: string; pending: string | null }[] = []
  let i = 0
  const readString = (): string => {
    let out = ''
    i++ // opening quote
    while (text[i] !== '"') {
      if (text[i] === '\\') {
        out += text[i] + text[i + 1]
        i += 2
      } else out += text[i++]
    }
    i++
    return out
  }
  while (i < text.length) {
    const c = text[i]
    const top = stack[stack.length - 1]
    if (c === '"') {
      const s = readString()
      let j = i
      while (/\s/.test(text[j] ?? '')) j++
      if (text[j] === ':' && top) {
        if (top.keys.has(s)) found.push(top.path ? `${top.path}.${s}` : s)
        top.keys.add(s)
        top.pending = s
      }
    } else if (c === '{' || c === '[') {
      const name = top?.pending ?? ''
      stack.push({ keys: new Set(), path: top ? (top.path ? `${top.path}.${name}` : name) : '', pending: null })
      i++
    } else if (c === '}' || c === ']') {
      stack.pop()
      i++
    } else i++
  }
  return found
}

const localesDir = join(__dirname, '../../src/shared/i18n/locales')

describe('word files', () => {
  it('the finder names a key written twice', () => {
    expect(duplicateKeys('{"a": {"b": "1", "c": "2", "b": "3"}, "d": "4"}')).toEqual(['a.b'])
    expect(duplicateKeys('{"a": {"b": "1"}, "c": {"b": "2"}}')).toEqual([])
  })

  for (const locale of readdirSync(localesDir)) {
    it(`${locale}: no key is written twice in one object`, () => {
      const dups = readdirSync(join(localesDir, locale))
        .filter((f) => f.endsWith('.json'))
        .flatMap((f) => duplicateKeys(readFileSync(join(localesDir, locale, f), 'utf8')).map((k) => `${f}: ${k}`))
      expect(dups).toEqual([])
    })
  }
})
