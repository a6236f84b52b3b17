import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import type { Locale, SessionInfo } from '@shared/domain/session/types'
import type { NoticeItem } from '@shared/domain/notices/types'
import { looksLikeKeyOrCode } from '@shared/domain/case/stored-reason'
import { answering, type FakeInvoke } from '../../test-support/fake-desk-client'
import { initI18n, setUiLocale } from '../../app/i18n'

let invoke: FakeInvoke = answering({})
vi.mock('../../app/desk-client', async () => (await import('../../test-support/fake-desk-client')).fakeDeskClient((m, a) => invoke(m, a)))
const { SessionContext } = await import('../../app/session-context')
const { NavContext } = await import('../../app/nav')
const { NoticeBanner } = await import('./NoticeBanner')

initI18n('zh-CN')
afterEach(cleanup)

const worker = (locale: Locale): SessionInfo => ({ userId: 2, displayName: '李社工', loginName: 'li', role: 'worker', locale, lockAt: '', idleMinutes: 5 })
const overdue: NoticeItem = { id: 7, kind: 'referral.overdue', caseId: 3, caseNo: '2026-000003', interviewId: null, raisedByName: null, raisedAt: '2026-12-09T01:00:00.000Z', acknowledgedAt: null, detail: '2026-12-08' }

describe('a worker’s notices', () => {
  it.each([
    ['zh-CN', '待处理通知', '个案 2026-000003：转介回复已逾期：应于 2026-12-08 前回复'],
    ['yue-HK', '待處理通知', '個案 2026-000003：轉介回覆已逾期：應於 2026-12-08 前回覆']
  ] as const)('a referral reply overdue reads as what happened to which case, not as a crisis someone opened (%s)', async (locale, title, line) => {
    invoke = answering({ 'notices.open': () => [overdue] })
    setUiLocale(locale)
    render(
      <SessionContext.Provider value={{ session: worker(locale), refresh: async () => {} }}>
        <NavContext.Provider value={{ route: { name: 'today' }, go() {}, back() {} }}>
          <NoticeBanner />
        </NavContext.Provider>
      </SessionContext.Provider>
    )
    for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)))
    const text = screen.getByRole('alert').textContent ?? ''
    expect(text).toContain(title)
    expect(text).toContain(line)
    expect(text).not.toMatch(/危机|危機/)
    expect(looksLikeKeyOrCode(text)).toBeNull()
  })
})
