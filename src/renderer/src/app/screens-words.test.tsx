import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import type { Locale, SessionInfo } from '@shared/domain/session/types'
import type { CaseSummary } from '@shared/domain/case/types'
import { looksLikeKeyOrCode } from '@shared/domain/case/stored-reason'
import { answering, type FakeAnswers, type FakeInvoke } from '../test-support/fake-desk-client'
import { initI18n, setUiLocale } from './i18n'

let invoke: FakeInvoke = answering({})
vi.mock('./desk-client', async () => (await import('../test-support/fake-desk-client')).fakeDeskClient((m, a) => invoke(m, a)))
vi.mock('../ui/pdf-output', () => ({ deliverPdf: async () => 'saved' }))
const { SCREENS } = await import('./routes')
const { NavContext } = await import('./nav')
const { SessionContext } = await import('./session-context')
const { CallFailures, clearFailures } = await import('./calls')

initI18n('zh-CN')
afterEach(() => {
  cleanup()
  clearFailures()
})

const session = (locale: Locale): SessionInfo => ({ userId: 1, displayName: '陈督导', loginName: 'chen', role: 'supervisor', locale, lockAt: '', idleMinutes: 5 })

// A case whose risk was raised by the crisis dialog: its stored reason is a token, not words.
const risky: CaseSummary = {
  id: 3,
  caseNo: '2026-000003',
  name: '钟𠮶妹',
  partyKind: 'person',
  status: 'intervention',
  riskLevel: 'critical',
  assignedWorker: null,
  contactDate: '2026-11-18',
  summary: '追讨工资',
  updatedAt: '2026-11-18T02:00:00.000Z',
  headcount: null,
  repeat: null
}
const ANSWERS: FakeAnswers = {
  'cases.today': () => ({ today: '2026-11-20', overdue: [], due: [], upcoming: [], deadlines: [], recent: [risky], highRisk: [risky] }),
  'cases.caseload': () => [],
  'cases.list': () => [risky],
  'cases.workers': () => [],
  'notices.open': () => [],
  'interview.contacts': () => ({ orgName: '', orgPhone: '', orgAddress: '', dutyPhone: '', siteContacts: [] })
}

const SERVICE_DOWN = { ok: false as const, code: 'IO' as const, messageKey: 'common:browser.serverGone' }
const MISSING_KEY = { ok: false as const, code: 'BAD_ARGS' as const, messageKey: 'cases:errors.someKeyNobodyWrote' }

/** Every piece of text a person can see or hear (text, labels, titles, placeholders). */
function visibleText(): string {
  const parts = [document.body.textContent ?? '']
  for (const el of document.body.querySelectorAll('*')) {
    for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
      const v = el.getAttribute(a)
      if (v) parts.push(v)
    }
  }
  return parts.join('\n')
}

async function show(name: string, locale: Locale) {
  setUiLocale(locale)
  const def = SCREENS[name]
  const Screen = def.component
  const route = { name, params: name === 'case' ? { caseId: 3 } : undefined }
  render(
    <SessionContext.Provider value={{ session: session(locale), refresh: async () => {} }}>
      <NavContext.Provider value={{ route, go() {}, back() {} }}>
        <CallFailures />
        <Screen />
      </NavContext.Provider>
    </SessionContext.Provider>
  )
  // Let the screen's reads settle (and their failures be shown).
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)))
}

const SCREEN_NAMES = Object.keys(SCREENS)
const cases = (['zh-CN', 'yue-HK'] as const).flatMap((locale) => SCREEN_NAMES.map((name) => [name, locale] as const))

describe('every screen, in both languages, shows words — never an i18n key or an error code', () => {
  it.each(cases)('%s (%s) with the service answering', async (name, locale) => {
    invoke = answering(ANSWERS)
    await show(name, locale)
    expect(looksLikeKeyOrCode(visibleText())).toBeNull()
  })

  it.each(cases)('%s (%s) with the service down', async (name, locale) => {
    invoke = answering({}, SERVICE_DOWN)
    await show(name, locale)
    expect(looksLikeKeyOrCode(visibleText())).toBeNull()
  })

  it.each(cases)('%s (%s) when an error carries a key nobody wrote words for', async (name, locale) => {
    invoke = answering({}, MISSING_KEY)
    await show(name, locale)
    expect(looksLikeKeyOrCode(visibleText())).toBeNull()
  })

  it.each(['zh-CN', 'yue-HK'] as const)('Today with the service down says what failed and what is safe, not a blank page (%s)', async (locale) => {
    invoke = answering({}, SERVICE_DOWN)
    await show('today', locale)
    const alert = screen.getAllByRole('alert').map((a) => a.textContent).join(' ')
    expect(alert).toContain(locale === 'zh-CN' ? '今日的待办没有打开' : '今日的待辦事項未能開啟')
    expect(alert).toContain(locale === 'zh-CN' ? '已保存的记录不受影响' : '已儲存的紀錄不受影響')
    expect(alert).not.toMatch(/\bIO\b|serverGone/)
    // And a retry that works shows the day.
    invoke = answering(ANSWERS)
    await act(async () => screen.getAllByRole('button', { name: locale === 'zh-CN' ? '重试' : '重試' })[0].click())
    for (let i = 0; i < 3; i++) await act(async () => new Promise((r) => setTimeout(r, 0)))
    expect(screen.queryByText(/今日的待/)).toBeNull()
    expect(screen.getAllByText('钟𠮶妹').length).toBeGreaterThan(0)
  })
})
