import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { initI18n } from '../../app/i18n'

const invoke = vi.fn()
vi.mock('../../app/desk-client', async () =>
  (await import('../../test-support/fake-desk-client')).fakeDeskClient((m, a) => invoke(m, a))
)
const delivered = vi.fn()
vi.mock('../../ui/pdf-output', () => ({ deliverPdf: async (...a: unknown[]) => (delivered(...a), 'saved') }))
const { CasePrintPanel } = await import('./CasePrintPanel')

initI18n('zh-CN')
afterEach(() => {
  cleanup()
  invoke.mockReset()
  delivered.mockReset()
})

const interviews = [
  { id: 7, caseId: 3, startedAt: '2026-11-18T02:00:00.000Z', endedAt: null, workCount: 1, workForm: 'faceToFace', outputLang: 'zh-CN', purpose: '' },
  { id: 9, caseId: 3, startedAt: '2026-11-20T02:00:00.000Z', endedAt: null, workCount: 2, workForm: 'phone', outputLang: 'zh-CN', purpose: '' }
]

function respond(missing: string[]) {
  invoke.mockImplementation(async (method: string) => {
    if (method === 'interview.list') return { ok: true, value: interviews }
    if (method === 'forms.check') return { ok: true, value: { missing } }
    if (method === 'forms.output') return { ok: true, value: { mode: 'platform', outcome: 'saved', fileName: 'x.pdf', pages: 2 } }
    return { ok: false, code: 'UNKNOWN_CALL', messageKey: 'errors:ipc.unknownCall' }
  })
}

describe('CasePrintPanel', () => {
  it('lists one Form B per interview and saves the chosen one in the chosen language', async () => {
    respond([])
    await act(async () => render(<CasePrintPanel caseId={3} />))
    expect(screen.getByText('第 2 次会谈 · 2026-11-20')).toBeTruthy()
    fireEvent.click(screen.getAllByLabelText('粤语（繁体）')[0]) // the case forms' picker (the blank forms have their own)
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '另存为 PDF 第 2 次会谈 · 2026-11-20' })))
    expect(invoke).toHaveBeenCalledWith('forms.output', { caseId: 3, form: 'B', interviewId: 9, lang: 'yue-HK', action: 'save', allowMissing: false })
    expect(delivered).toHaveBeenCalledTimes(1)
    expect(screen.getAllByRole('status')[0].textContent).toBe('已保存。')
  })

  it('names the characters that would print blank and prints only when told to', async () => {
    respond(['😀'])
    await act(async () => render(<CasePrintPanel caseId={3} />))
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '打印 接案表（表 A.1）' })))
    expect(screen.getByRole('alertdialog').textContent).toContain('😀')
    expect(invoke).not.toHaveBeenCalledWith('forms.output', expect.anything())
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '仍然打印（之后手写补上）' })))
    expect(invoke).toHaveBeenCalledWith('forms.output', { caseId: 3, form: 'A', interviewId: undefined, lang: 'zh-CN', action: 'print', allowMissing: true })
  })

  it('offers blank forms in the same panel, in their own language', async () => {
    respond([])
    invoke.mockImplementation(async (method: string) =>
      method === 'forms.blank' ? { ok: true, value: { mode: 'platform', outcome: 'printed', fileName: 'x.pdf', pages: 1 } } : { ok: true, value: [] }
    )
    await act(async () => render(<CasePrintPanel caseId={3} />))
    fireEvent.click(screen.getAllByLabelText('粤语（繁体）')[1])
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '打印 空白表格 会谈表（表 B.1）' })))
    expect(invoke).toHaveBeenCalledWith('forms.blank', { form: 'B', lang: 'yue-HK', action: 'print' })
  })
})
