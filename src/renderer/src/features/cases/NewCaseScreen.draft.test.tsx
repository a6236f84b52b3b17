import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { initI18n } from '../../app/i18n'
import { answering, type FakeAnswers, type FakeInvoke } from '../../test-support/fake-desk-client'

const calls: [string, unknown][] = []
let answers: FakeAnswers = {}
const invoke: FakeInvoke = (m, a) => (calls.push([m, a]), answering(answers)(m, a))
vi.mock('../../app/desk-client', async () => (await import('../../test-support/fake-desk-client')).fakeDeskClient((m, a) => invoke(m, a)))
const { NewCaseScreen } = await import('./NewCaseScreen')
const { SessionContext } = await import('../../app/session-context')

initI18n('zh-CN')
afterEach(() => {
  cleanup()
  calls.length = 0
})

const settle = async () => {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)))
}
function Screen({ userId }: { userId: number }) {
  const session = { userId, displayName: '李社工', loginName: 'li', role: 'worker' as const, locale: 'zh-CN' as const, lockAt: '', idleMinutes: 5 }
  return (
    <SessionContext.Provider value={{ session, refresh: async () => {} }}>
      <NewCaseScreen />
    </SessionContext.Provider>
  )
}

describe('the registration form survives a killed app', () => {
  it('what is typed is saved as a draft in the database, and a draft left by an earlier run comes back', async () => {
    answers = { 'drafts.get': () => null, 'drafts.save': () => ({ savedAt: 'now' }), 'drafts.clear': () => null, 'cases.findRepeats': () => [] }
    render(<Screen userId={41} />)
    await settle()
    fireEvent.change(screen.getByLabelText(/姓名/), { target: { value: '钟𠮶妹' } })
    fireEvent.change(document.getElementById('nc-summary')!, { target: { value: '欠薪三个月\n想要回工资' } })
    await act(async () => new Promise((r) => setTimeout(r, 700)))
    const saved = calls.filter(([m]) => m === 'drafts.save').at(-1)?.[1] as { scope: string; text: string }
    expect(saved.scope).toBe('register:new')
    expect(JSON.parse(saved.text)).toMatchObject({ name: '钟𠮶妹', summary: '欠薪三个月\n想要回工资' })
    cleanup()

    // Another run of the app (a different user id so the in-memory copy is not what answers).
    answers = { ...answers, 'drafts.get': () => ({ text: saved.text, updatedAt: 'then' }) }
    render(<Screen userId={42} />)
    await settle()
    expect((screen.getByLabelText(/姓名/) as HTMLInputElement).value).toBe('钟𠮶妹')
    expect((document.getElementById('nc-summary') as HTMLTextAreaElement).value).toBe('欠薪三个月\n想要回工资')
  })

  it('a stored draft never replaces what was typed before it arrived', async () => {
    let answer: (v: { text: string; updatedAt: string }) => void = () => {}
    answers = {
      'drafts.get': () => new Promise((r) => (answer = r)),
      'drafts.save': () => ({ savedAt: 'now' }),
      'drafts.clear': () => null,
      'cases.findRepeats': () => []
    }
    render(<Screen userId={43} />)
    fireEvent.change(screen.getByLabelText(/姓名/), { target: { value: '黄伯' } })
    await act(async () => answer({ text: JSON.stringify({ name: '旧名字', summary: '旧' }), updatedAt: 'then' }))
    await settle()
    expect((screen.getByLabelText(/姓名/) as HTMLInputElement).value).toBe('黄伯')
  })
})
