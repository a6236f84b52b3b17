import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import i18next from 'i18next'
import { initI18n } from '../../app/i18n'

const invoke = vi.fn()
vi.mock('../../app/desk-client', () => ({ desk: { invoke: (...a: unknown[]) => invoke(...a), on: () => () => {} }, call: vi.fn() }))
const { AuditScreen } = await import('./AuditScreen')
initI18n('zh-CN')

afterEach(() => {
  cleanup()
  invoke.mockReset()
})

const row = (id: number, action: string, details: string) => ({
  id,
  at: '2026-11-23T02:00:00.000Z',
  actorId: 1,
  actorName: '陈督导',
  action,
  subjectType: 'case',
  subjectId: '7',
  caseNo: '2026-000007',
  details,
  broken: null
})
const page = {
  rows: [
    row(3, 'signoff.sign', JSON.stringify({ kind: 'A', subjectId: 7, replaced: false })),
    row(2, 'archive.export', JSON.stringify({ format: 'xlsx', rows: 12, personal: [], filter: { status: 'open', from: '2026-01-01' } })),
    row(1, 'cases.update', JSON.stringify({ fields: ['phone', 'address'], somethingNew: 1 })),
    row(0, 'cases.status', JSON.stringify({ from: 'intake', to: 'closed', route: 'thisLevel' }))
  ],
  total: 4,
  chain: { ok: true, checked: 3, breaks: [] }
}

describe('AuditScreen: the details of an event', () => {
  for (const [lang, words] of [
    ['zh-CN', ['种类: 立案签批（接案表）', '对象编号: 7', '替换原签批: 否', '格式: xlsx', '行数: 12', '含个人信息的列: 无', '筛选条件 · 状态: open', '筛选条件 · 原为: 2026-01-01', '字段: 联系电话、住址', '其他: 1', '原为: 接案', '改为: 结案', '途径: 本级处理：登记后转送、交办']],
    ['yue-HK', ['種類: 立案簽批（接案表）', '對象編號: 7', '取代原簽批: 否', '格式: xlsx', '行數: 12', '含個人資料的欄: 無', '篩選條件 · 狀態: open', '篩選條件 · 原為: 2026-01-01', '欄位: 聯繫電話、住址', '其他: 1', '原為: 接案', '改為: 結案', '途徑: 本級處理：登記後轉送、交辦']]
  ] as const) {
    it(`reads as translated label: value lines, never the stored JSON or a key (${lang})`, async () => {
      await act(async () => {
        await i18next.changeLanguage(lang)
      })
      invoke.mockImplementation(async (m: string) =>
        m === 'audit.filters' ? { ok: true, value: { actions: [], people: [] } } : m === 'audit.query' ? { ok: true, value: page } : { ok: false, code: 'INTERNAL' }
      )
      await act(async () => {
        render(<AuditScreen />)
      })
      const lines = screen.getAllByRole('listitem').map((li) => li.textContent)
      for (const w of words) expect(lines).toContain(w)
      const text = document.body.textContent ?? ''
      expect(text).not.toMatch(/[{}"]|supervisor:|audit\.detail|somethingNew/)
    })
  }
})
