import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCALES, translateKey } from '@shared/i18n/resources'
import { isI18nKey } from '@shared/i18n/keys'
import { ERROR_CODES } from '@shared/ipc/result'
import { CRISIS_KINDS, CRISIS_STEPS } from '@shared/domain/interview'
import { looksLikeKeyOrCode, storedReasonKey } from '@shared/domain/case/stored-reason'
import { actionKey } from '@shared/domain/supervisor/audit'

/**
 * Every key the app can write into a record, a log or an error result must be words in both
 * languages: a missing key would reach the screen as `ns:key`. The keys are read from the source
 * (fail(...), messageKey: ..., audit actions), so a new one without its words fails here.
 */
const ROOT = resolve(__dirname, '..')
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) sources(p, out)
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p)
  }
  return out
}
const code = sources(join(ROOT, 'main'))
  .concat(sources(join(ROOT, 'shared')), sources(join(ROOT, 'renderer')), sources(join(ROOT, 'cli')))
  .map((p) => readFileSync(p, 'utf8'))
  .join('\n')

function words(locale: (typeof LOCALES)[number], key: string, params?: Record<string, string>): string | null {
  const i = key.indexOf(':')
  if (!isI18nKey(key)) return null
  const out = translateKey(locale, key, params)
  return out === key.slice(i + 1) ? null : out
}

describe('no key or code ever reaches a screen, a log view or a PDF', () => {
  const failKeys = new Set<string>()
  for (const m of code.matchAll(/\bfail\(\s*'[A-Z_]+',\s*'([a-z]+:[A-Za-z0-9_.]+)'/g)) failKeys.add(m[1])
  for (const m of code.matchAll(/messageKey: '([a-z]+:[A-Za-z0-9_.]+)'/g)) failKeys.add(m[1])
  for (const m of code.matchAll(/\{ message: '([a-z]+:[A-Za-z0-9_.]+)' \}/g)) failKeys.add(m[1])
  for (const m of code.matchAll(/\{ error: '([a-z]+:[A-Za-z0-9_.]+)' \}/g)) failKeys.add(m[1])

  it.each([...LOCALES])('every error key the services and the boundary can return has words (%s)', (locale) => {
    expect(failKeys.size).toBeGreaterThan(30)
    const missing = [...failKeys].filter((k) => !words(locale, k))
    expect(missing).toEqual([])
  })

  it.each([...LOCALES])('every error code has a sentence of its own, for a key that is missing (%s)', (locale) => {
    for (const c of ERROR_CODES) expect(words(locale, `errors:byCode.${c}`), c).toMatch(/\S/)
  })

  it.each([...LOCALES])('risk reasons and crisis log details written by the crisis dialog read as words (%s)', (locale) => {
    const tokens = CRISIS_KINDS.flatMap((k) => [`crisis.${k}`, ...CRISIS_STEPS[k].map((s) => `${k}:${s}`)])
    for (const token of tokens) {
      const k = storedReasonKey(token)
      expect(k, token).not.toBeNull()
      const nested = Object.fromEntries(Object.entries(k!.nested ?? {}).map(([n, key]) => [n, words(locale, key) ?? key]))
      const text = words(locale, k!.key, nested)
      expect(text, token).not.toBeNull()
      expect(looksLikeKeyOrCode(text!), `${token} → ${text}`).toBeNull()
    }
    // Text a person typed is shown as typed.
    expect(storedReasonKey('家属来电说他情绪低落')).toBeNull()
  })

  it.each([...LOCALES])('every audit action the app writes has a name (%s)', (locale) => {
    const actions = new Set<string>()
    for (const m of code.matchAll(/\baction: '([a-z][A-Za-z]*(?:\.[A-Za-z]+)+)'/g)) actions.add(m[1])
    expect(actions.size).toBeGreaterThan(10)
    const missing = [...actions].filter((a) => !words(locale, actionKey(a)))
    expect(missing).toEqual([])
  })

  it('the key detector finds what the issue saw and leaves ordinary text alone', () => {
    for (const bad of ['crisis.selfHarm', 'interview:5 group.calmGroup', '保存失败 (BAD_ARGS)', 'errors:arg.tooLong', 'DB_DAMAGED', 'cases.fields.name'])
      expect(looksLikeKeyOrCode(bad), bad).not.toBeNull()
    for (const ok of ['钟𠮶妹', '2026-000123', '会谈 12:30', 'José Nguyễn', 'https://example.org/a.b.c', '13800138000', 'a.pdf'])
      expect(looksLikeKeyOrCode(ok), ok).toBeNull()
  })
})
