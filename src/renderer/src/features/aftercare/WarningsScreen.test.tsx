import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import i18next from 'i18next'
import { initI18n } from '../../app/i18n'

const call = vi.fn()
vi.mock('../../app/desk-client', () => ({ desk: { invoke: vi.fn(), on: () => () => {} }, call: (...a: unknown[]) => call(...a) }))
const { WarningsScreen } = await import('./WarningsScreen')
initI18n('zh-CN')

afterEach(() => {
  cleanup()
  call.mockReset()
})

const signal = {
  kind: 'employer',
  key: '某某电子厂',
  label: '某某电子厂',
  count: 5,
  baseline: 0,
  trend: [0, 0, 0, 5],
  pattern: 'cluster',
  cases: [{ caseId: 7, caseNo: '2026-000007', date: '2026-11-20' }],
  p: 0.0001
}

describe('WarningsScreen (early warning, 5.1 f)', () => {
  for (const lang of ['zh-CN', 'yue-HK'] as const) {
    it(`shows each signal with its cases and says it is a prompt, never a decision or a list of people (${lang})`, async () => {
      await act(async () => {
        await i18next.changeLanguage(lang)
      })
      call.mockImplementation(async (m: string) => (m === 'warnings.get' ? { today: '2026-11-23', signals: [signal] } : null))
      await act(async () => {
        render(<WarningsScreen />)
      })
      const text = document.body.textContent ?? ''
      expect(text).toContain('某某电子厂')
      expect(screen.getByRole('button', { name: '2026-000007' })).toBeTruthy()
      expect(text).toMatch(lang === 'zh-CN' ? /第二十五条/ : /第二十五條/)
      expect(text).toMatch(lang === 'zh-CN' ? /第十八条/ : /第十八條/)
      expect(text).not.toMatch(/aftercare:|warnings\.|\{\{/)
    })
  }
})
