import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import i18next from 'i18next'
import type { InterviewPeople } from '@shared/domain/interview/people'
import { initI18n, textT } from '../../app/i18n'
import { answering, type FakeInvoke } from '../../test-support/fake-desk-client'

let invoke: FakeInvoke = answering({})
vi.mock('../../app/desk-client', async () =>
  (await import('../../test-support/fake-desk-client')).fakeDeskClient((m, a) => invoke(m, a))
)
const { PeoplePanel, PeoplePrompts } = await import('./PeoplePanel')

initI18n('zh-CN')
afterEach(() => cleanup())
const tScript = textT(i18next.getFixedT('zh-CN', 'script'), 'script')
const person = (p: Partial<InterviewPeople> = {}): InterviewPeople => ({
  caseId: 7,
  hardOfHearing: false,
  foreignNational: false,
  nationality: '',
  hukou: null,
  partyKind: 'person',
  headcount: null,
  collective: false,
  age: 101,
  education: 'illiterate',
  formASpoken: 'hakka',
  language: null,
  ...p
})

describe('the 来访人 tab and the reminders beside the lines', () => {
  it('a ticked box shows at once, before the main process answers; a refusal puts back what was recorded', async () => {
    let release: (v: unknown) => void = () => {}
    let refuse = false
    invoke = answering({
      'person.set': (a) =>
        new Promise((resolve) => (release = resolve)).then(() =>
          refuse
            ? { ok: false as const, code: 'FORBIDDEN' as const, messageKey: 'errors:internal' }
            : { caseId: 7, hardOfHearing: !!a.patch.hardOfHearing, foreignNational: false, nationality: '', hukou: null, updatedAt: 'x' }
        )
    })
    let p = person()
    const set = (n: InterviewPeople) => (p = n)
    const panel = () => <PeoplePanel interviewId={1} people={p} setPeople={set} onOutputLang={() => {}} tScript={tScript} ended={false} />
    const { rerender } = render(panel())
    fireEvent.click(screen.getByTestId('hard-of-hearing'))
    expect(p.hardOfHearing).toBe(true) // at once, while the call is still out
    await act(async () => release(null))
    expect(p.hardOfHearing).toBe(true)
    rerender(panel())
    refuse = true
    fireEvent.click(screen.getByTestId('hard-of-hearing'))
    expect(p.hardOfHearing).toBe(false)
    await act(async () => release(null))
    expect(p.hardOfHearing).toBe(true) // refused: what was recorded stands
  })

  it('a 101-year-old Hakka speaker who cannot read: relayed lines said plainly, slow speech, read aloud, 代签', () => {
    render(<PeoplePrompts people={person()} stage="rapport" tScript={tScript} lang="zh-CN" />)
    expect(screen.getByTestId('output-plan').textContent).toBe('客家话没有现成的话术：下面的话用普通话显示，请翻译逐句转述。')
    const prompts = [...document.querySelectorAll('[data-prompt]')].map((e) => e.getAttribute('data-prompt'))
    expect(prompts).toEqual(['interpreter', 'speakSlowly', 'readAloud', 'signOnBehalf'])
    expect(screen.queryByTestId('arrival-lines')).toBeNull()
  })

  it('a group of 6 gets its first lines before Stage 1; 4 gets none', () => {
    const { rerender } = render(<PeoplePrompts people={person({ headcount: 6, collective: true, partyKind: 'collective' })} stage="rapport" tScript={tScript} lang="zh-CN" />)
    expect(screen.getByTestId('arrival-lines').querySelectorAll('li')).toHaveLength(4)
    rerender(<PeoplePrompts people={person({ headcount: 4, collective: false })} stage="rapport" tScript={tScript} lang="zh-CN" />)
    expect(screen.queryByTestId('arrival-lines')).toBeNull()
  })
})

