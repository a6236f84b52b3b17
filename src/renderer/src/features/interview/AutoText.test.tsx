import { describe, expect, it, vi } from 'vitest'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { initI18n } from '../../app/i18n'
import { AutosaveStore } from '@shared/domain/interview/autosave'
import { AutoText } from './AutoText'

initI18n('zh-CN')

describe('AutoText', () => {
  it('hands typing to the autosave store and flags an over-promise with a better wording in the output language', async () => {
    const send = vi.fn(async () => ({ revisions: {}, savedAt: '2026-11-23T02:00:00.000Z' }))
    const store = new AutosaveStore(send, { texts: { summary: '' }, revisions: { summary: 0 } }, { debounceMs: 10_000, maxWaitMs: 10_000, retryMs: 10_000 })
    render(<AutoText store={store} field="summary" label="小结" multiline guard lang="yue-HK" />)
    const box = screen.getByLabelText('小结') as HTMLTextAreaElement
    fireEvent.change(box, { target: { value: '今日傾咗欠薪嘅事，包你搞掂。' } })
    expect(store.get('summary')).toBe('今日傾咗欠薪嘅事，包你搞掂。')
    expect(send).not.toHaveBeenCalled() // nothing on the typing path
    const flag = await screen.findByText(/这句话不宜说/)
    expect(flag.textContent).toContain('包你搞掂')
    expect(flag.textContent).toContain('承诺结果')
    expect(screen.getByText(/社工承诺不了/)).toBeTruthy()
    expect(screen.getByText(/我唔可以打包單/)).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '换成这句' })))
    expect(box.value).toBe('今日傾咗欠薪嘅事，結果要由有權處理嘅部門決定，我唔可以打包單，不過會陪你一齊跟。')
    expect(store.get('summary')).toBe(box.value)
    expect(screen.queryByText(/这句话不宜说/)).toBeNull()
    store.dispose()
  })

  it('does not flag ordinary sentences', () => {
    const store = new AutosaveStore(async () => ({ revisions: {}, savedAt: '' }), { texts: { notes: '' }, revisions: {} })
    render(<AutoText store={store} field="notes" label="记录" multiline guard lang="zh-CN" />)
    fireEvent.change(screen.getByLabelText('记录'), { target: { value: '这是今年重点解决的问题，我们一起推动。' } })
    expect(screen.queryByText(/这句话不宜说/)).toBeNull()
    store.dispose()
  })
})
