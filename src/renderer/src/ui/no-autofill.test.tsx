import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render } from '@testing-library/react'
import type { DeskStatus, SessionInfo } from '@shared/domain/session/types'
import { answering, type FakeInvoke } from '../test-support/fake-desk-client'
import { initI18n } from '../app/i18n'
import { installNoAutofill } from './no-autofill'

/**
 * No input or textarea that the desk renders may be remembered by the browser engine (Chromium's
 * autofill and form history store names, phones and the petitioner's words in plaintext in the
 * profile): every one must carry autocomplete="off", whichever screen renders it.
 */
let invoke: FakeInvoke = answering({})
vi.mock('../app/desk-client', async () => (await import('../test-support/fake-desk-client')).fakeDeskClient((m, a) => invoke(m, a)))
vi.mock('./pdf-output', () => ({ deliverPdf: async () => 'saved' }))
const { SCREENS } = await import('../app/routes')
const { NavContext } = await import('../app/nav')
const { SessionContext } = await import('../app/session-context')
const { App } = await import('../app/App')

initI18n('zh-CN')
let stop: () => void = () => {}
// As the app does at start (src/renderer/src/main.tsx).
beforeAll(() => (stop = installNoAutofill(document)))
afterAll(() => stop())
afterEach(() => cleanup())

const session: SessionInfo = { userId: 1, displayName: '陈督导', loginName: 'chen', role: 'supervisor', locale: 'zh-CN', lockAt: '', idleMinutes: 5 }
const settle = async () => {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)))
}

function fieldsWithoutNoAutofill(): string[] {
  const bad: string[] = []
  const fields = [...document.querySelectorAll('input, textarea')]
  for (const el of fields) {
    if (el.getAttribute('autocomplete') !== 'off') bad.push(el.outerHTML.slice(0, 120))
  }
  return bad
}

describe('no field is remembered by the browser', () => {
  it('the app installs the guard at start (src/renderer/src/main.tsx)', async () => {
    const root = document.createElement('div')
    root.id = 'root'
    document.body.append(root)
    stop()
    // Importing the entry point mounts the app into #root and installs the guard.
    await import('../main')
    await settle()
    const late = document.createElement('input')
    document.body.append(late)
    await Promise.resolve()
    expect(late.getAttribute('autocomplete')).toBe('off')
    late.remove()
  })

  it.each(Object.keys(SCREENS))('every input and textarea on the %s screen has autocomplete="off"', async (name) => {
    invoke = answering({
      'cases.today': () => ({ today: '2026-11-20', overdue: [], due: [], upcoming: [], deadlines: [], recent: [], highRisk: [] }),
      'cases.caseload': () => [],
      'cases.list': () => [],
      'cases.workers': () => [],
      'notices.open': () => [],
      'users.list': () => [],
      'interview.contacts': () => ({ orgName: '', orgPhone: '', orgAddress: '', dutyPhone: '', siteContacts: [] })
    })
    const Screen = SCREENS[name]!.component
    render(
      <SessionContext.Provider value={{ session, refresh: async () => {} }}>
        <NavContext.Provider value={{ route: { name, params: name === 'case' ? { caseId: 3 } : undefined }, go() {}, back() {} }}>
          <Screen />
        </NavContext.Provider>
      </SessionContext.Provider>
    )
    await settle()
    expect(fieldsWithoutNoAutofill()).toEqual([])
  })

  it.each(['new', 'locked', 'damaged'] as const)('the gate (%s desk: setup, login, restore) has autocomplete="off" on every field', async (state) => {
    const status: DeskStatus = { state, lockedUser: null, retryAfterSeconds: 0, appVersion: '0.1.0', schemaVersion: 5 }
    invoke = answering({ 'desk.status': () => status, 'session.current': () => null })
    render(<App />)
    await settle()
    if (state !== 'damaged') expect(document.querySelectorAll('input').length).toBeGreaterThan(0)
    expect(fieldsWithoutNoAutofill()).toEqual([])
  })

  it('a field added later, or one whose attribute is changed back, is covered too', async () => {
    const div = document.createElement('div')
    document.body.append(div)
    div.innerHTML = '<input name="petitionerName" autocomplete="name"><textarea name="demands"></textarea>'
    await Promise.resolve()
    expect(fieldsWithoutNoAutofill()).toEqual([])
    div.querySelector('input')!.setAttribute('autocomplete', 'on')
    await Promise.resolve()
    expect(div.querySelector('input')!.getAttribute('autocomplete')).toBe('off')
    div.remove()
  })
})
