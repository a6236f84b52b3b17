import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import type { Locale, SessionInfo } from '@shared/domain/session/types'
import type { DirectoryEntry, Referral, ReferralAttention } from '@shared/domain/referrals/types'
import type { ImportPreview } from '@shared/domain/referrals/directory-csv'
import { looksLikeKeyOrCode } from '@shared/domain/case/stored-reason'
import { addDays, isoDateAtOffset } from '@shared/domain/dates'
import { answering, type FakeAnswers, type FakeInvoke } from '../../test-support/fake-desk-client'
import { initI18n, setUiLocale } from '../../app/i18n'

let invoke: FakeInvoke = answering({})
const calls: [string, unknown][] = []
/** Push events the main process sends ('notice'), delivered to whatever the screen subscribed. */
const listeners = new Map<string, Set<(p: unknown) => void>>()
const push = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload))
vi.mock('../../app/desk-client', async () =>
  (await import('../../test-support/fake-desk-client')).fakeDeskClient((m, a) => (calls.push([m, a]), invoke(m, a)), {
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener as (p: unknown) => void)
      return () => set.delete(listener as (p: unknown) => void)
    }
  })
)
const { SessionContext } = await import('../../app/session-context')
const { NavContext } = await import('../../app/nav')
const { ReferralsPanel, TodayReferrals, SupervisionScreen, DirectoryScreen } = await import('.')

initI18n('zh-CN')
afterEach(() => {
  cleanup()
  calls.length = 0
})

const worker = (locale: Locale = 'zh-CN'): SessionInfo => ({ userId: 2, displayName: '李社工', loginName: 'li', role: 'worker', locale, lockAt: '', idleMinutes: 5 })
const supervisor = (locale: Locale = 'zh-CN'): SessionInfo => ({ ...worker(locale), userId: 1, displayName: '陈督导', loginName: 'chen', role: 'supervisor' })

async function mount(node: React.ReactNode, session: SessionInfo = worker()) {
  setUiLocale(session.locale)
  render(
    <SessionContext.Provider value={{ session, refresh: async () => {} }}>
      <NavContext.Provider value={{ route: { name: 'today' }, go() {}, back() {} }}>{node}</NavContext.Provider>
    </SessionContext.Provider>
  )
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)))
}

const hotline: DirectoryEntry = {
  id: 1,
  builtin: 'hotline.12345',
  level: 'national',
  locality: '',
  category: 'hotline',
  name: '',
  address: '',
  phone: '12345',
  hours: '',
  handles: '',
  active: true,
  updatedAt: ''
}
const bureau: DirectoryEntry = { ...hotline, id: 2, builtin: null, level: 'district', locality: '白云区', category: 'humanResources', name: '白云区人社局', address: '白云大道1号', phone: '020-1234' }
const today = isoDateAtOffset(new Date())
const planned: Referral = {
  id: 5,
  caseId: 3,
  caseNo: '2026-000003',
  route: 'thisLevel',
  method: 'transfer',
  directoryId: null,
  toName: '',
  toBuiltin: null,
  toAddress: '',
  toPhone: '',
  sentDate: '',
  sentWhat: '',
  dueBasis: '',
  dueDeadline: '',
  replyDue: '',
  replyDate: '',
  replySummary: '',
  relayedDate: '',
  relayedHow: null,
  relayedNote: '',
  withdrawnAt: null,
  withdrawnReason: '',
  version: 1,
  stage: 'planned',
  notes: []
}
const overdue: Referral = {
  ...planned,
  directoryId: 2,
  toName: '白云区人社局',
  toAddress: '白云大道1号',
  toPhone: '020-1234',
  sentDate: addDays(today, -20),
  dueBasis: 'statute',
  dueDeadline: 'D3',
  replyDue: addDays(today, -5),
  stage: 'sent',
  notes: [
    { id: 9, referralId: 5, caseId: 3, note: '请今天电话催办', writtenAt: '2026-11-20T02:00:00Z', writtenByName: '陈督导', workerId: 2, acknowledgedAt: null, acknowledgedByName: null }
  ]
}

describe('the case’s referrals', () => {
  it('a planned 转送: the form offers only what the route allows, and shows the statute date it will record', async () => {
    invoke = answering({ 'referrals.forCase': () => ({ referrals: [planned], events: [] }), 'directory.list': () => [hotline, bureau], 'referrals.send': () => overdue })
    await mount(<ReferralsPanel caseId={3} open />)
    fireEvent.click(screen.getByRole('button', { name: '记录转出' }))
    const method = screen.getByLabelText('方式') as HTMLSelectElement
    expect([...method.options].map((o) => o.textContent)).toEqual(['转送', '交办'])
    fireEvent.change(screen.getByLabelText('转往'), { target: { value: '2' } })
    fireEvent.change(screen.getByLabelText('转出日期'), { target: { value: '2026-11-23' } })
    expect(screen.getByTestId('statute-due').textContent).toContain('2026-12-08')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存' })))
    expect(calls).toContainEqual(['referrals.send', { referralId: 5, method: 'transfer', directoryId: 2, sentDate: '2026-11-23', sentWhat: '' }])
  })

  it('an overdue reply says so; the worker the 督办 note is for acknowledges it', async () => {
    invoke = answering({ 'referrals.forCase': () => ({ referrals: [overdue], events: [] }), 'directory.list': () => [bureau], 'referrals.acknowledgeNote': () => overdue.notes[0] })
    await mount(<ReferralsPanel caseId={3} open />)
    expect(screen.getByTestId('referral-overdue').textContent).toContain('回复已逾期 5 天')
    expect(screen.getByText('请今天电话催办')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '已阅' })))
    expect(calls).toContainEqual(['referrals.acknowledgeNote', { noteId: 9 }])
  })

  it('a 督办 note pushed while the case\'s tab is open shows there, and the send form being filled in keeps its text', async () => {
    let notes: (typeof overdue.notes)[number][] = []
    invoke = answering({ 'referrals.forCase': () => ({ referrals: [{ ...overdue, notes }, planned].map((r, i) => ({ ...r, id: 5 + i })), events: [] }), 'directory.list': () => [hotline, bureau] })
    await mount(<ReferralsPanel caseId={3} open />, worker())
    expect(screen.queryByText('请今天电话催办')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '记录转出' }))
    fireEvent.change(screen.getByLabelText('转出日期'), { target: { value: '2026-11-23' } })
    notes = [overdue.notes[0]]
    // Another case's note does not reload this tab; this case's does.
    await act(async () => push('notice', { kind: 'referral.note', caseId: 4, at: '2026-12-09T02:00:00.000Z', forUserId: 2 }))
    expect(calls.filter(([m]) => m === 'referrals.forCase')).toHaveLength(1)
    await act(async () => push('notice', { kind: 'referral.note', caseId: 3, at: '2026-12-09T02:00:00.000Z', forUserId: 2 }))
    for (let i = 0; i < 3; i++) await act(async () => new Promise((r) => setTimeout(r, 0)))
    expect(calls.filter(([m]) => m === 'referrals.forCase')).toHaveLength(2)
    expect(screen.getByText('请今天电话催办')).toBeTruthy()
    expect((screen.getByLabelText('转出日期') as HTMLInputElement).value).toBe('2026-11-23')
  })

  it('a supervisor sees the note but cannot acknowledge it for the worker', async () => {
    invoke = answering({ 'referrals.forCase': () => ({ referrals: [overdue], events: [] }), 'directory.list': () => [bureau] })
    await mount(<ReferralsPanel caseId={3} open />, supervisor())
    expect(screen.queryByRole('button', { name: '已阅' })).toBeNull()
    expect(screen.getByRole('button', { name: '写督办意见' })).toBeTruthy()
  })

  it('a refused send shows the reason beside the field, in words', async () => {
    invoke = answering({
      'referrals.forCase': () => ({ referrals: [{ ...planned, route: 'referral', method: 'refer' }], events: [] }),
      'directory.list': () => [bureau],
      'referrals.send': () => ({ ok: false, code: 'BAD_ARGS', messageKey: 'referrals:errors.agreedDueRequired', field: 'agreedDue' })
    })
    await mount(<ReferralsPanel caseId={3} open />)
    fireEvent.click(screen.getByRole('button', { name: '记录转出' }))
    fireEvent.change(screen.getByLabelText('转往'), { target: { value: '2' } })
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存' })))
    expect(screen.getByText('这种转出没有法定回复期限，请填写约定的回复日期。')).toBeTruthy()
    expect(looksLikeKeyOrCode(document.body.textContent ?? '')).toBeNull()
  })
})

const attention: ReferralAttention[] = [
  { referralId: 5, caseId: 3, caseNo: '2026-000003', workerId: 2, workerName: '李社工', kind: 'replyOverdue', since: '2026-11-01', toName: '', toBuiltin: 'hotline.12345', openNotes: 0 },
  { referralId: 6, caseId: 4, caseNo: '2026-000004', workerId: 3, workerName: '王社工', kind: 'unrelayed', since: '2026-11-10', toName: '白云区人社局', toBuiltin: null, openNotes: 1 }
]

describe('Today and the 督办 list', () => {
  it.each(['zh-CN', 'yue-HK'] as const)('Today lists my overdue replies and the notes to read (%s)', async (locale) => {
    invoke = answering({ 'referrals.attention': () => ({ items: attention.slice(0, 1), notes: [{ ...overdue.notes[0], caseNo: '2026-000003' }] }) })
    await mount(<TodayReferrals />, worker(locale))
    const text = screen.getByTestId('today-referrals').textContent ?? ''
    expect(text).toContain(locale === 'zh-CN' ? '12345 政务服务便民热线 的回复已逾期' : '12345 政務服務便民熱線 的回覆已逾期')
    expect(text).toContain('请今天电话催办')
    expect(looksLikeKeyOrCode(text)).toBeNull()
  })

  it('a 督办 note a supervisor adds shows on the open Today without reloading (pushed as a notice event)', async () => {
    let notes: { notes: (typeof overdue.notes)[number][] } = { notes: [] }
    invoke = answering({ 'referrals.attention': () => ({ items: attention.slice(0, 1), notes: notes.notes.map((n) => ({ ...n, caseNo: '2026-000003' })) }) })
    await mount(<TodayReferrals />, worker())
    expect(screen.queryAllByTestId('today-note')).toHaveLength(0)
    notes = { notes: [overdue.notes[0]] }
    await act(async () => push('notice', { kind: 'referral.note', caseId: 3, at: '2026-12-09T02:00:00.000Z', forUserId: 2 }))
    for (let i = 0; i < 3; i++) await act(async () => new Promise((r) => setTimeout(r, 0)))
    expect(screen.getByTestId('today-note').textContent).toContain('请今天电话催办')
    expect(calls.filter(([m]) => m === 'referrals.attention')).toHaveLength(2)
    // Other notices (a risk raised, for a supervisor's banner) do not reload it.
    await act(async () => push('notice', { kind: 'risk.raised', caseId: 3, at: '2026-12-09T02:00:00.000Z' }))
    expect(calls.filter(([m]) => m === 'referrals.attention')).toHaveLength(2)
  })

  it('the supervisor’s list keeps the order it is given (oldest first) and writes a note', async () => {
    invoke = answering({ 'referrals.supervisionList': () => attention, 'referrals.addNote': () => overdue.notes[0] })
    await mount(<SupervisionScreen />, supervisor())
    const rows = screen.getAllByTestId('supervision-row')
    expect(rows.map((r) => within(r).getAllByRole('cell')[1].textContent)).toEqual(['李社工', '王社工'])
    expect(rows[1].textContent).toContain('1 条未阅')
    fireEvent.click(within(rows[0]).getByRole('button', { name: '写督办意见' }))
    fireEvent.change(within(rows[0]).getByLabelText('督办意见'), { target: { value: '请本周内回复' } })
    await act(async () => fireEvent.click(within(rows[0]).getByRole('button', { name: '写督办意见' })))
    expect(calls).toContainEqual(['referrals.addNote', { referralId: 5, note: '请本周内回复' }])
  })
})

describe('the directory screen', () => {
  const preview = (over: Partial<ImportPreview>): ImportPreview => ({ added: 1, changed: 0, unchanged: 7, untouched: 0, problems: [], rows: [{ line: 9, action: 'add', id: null, name: '天河区法律援助处', changed: [] }], written: false, ...over })
  const answers = (p: ImportPreview): FakeAnswers => ({ 'directory.list': () => [hotline, bureau], 'directory.previewImport': () => p, 'directory.applyImport': () => ({ ...p, written: true }) })

  async function pick(text: string, label = '选择 CSV 文件') {
    const input = screen.getByLabelText(label) as HTMLInputElement
    const file = new File([text], 'list.csv', { type: 'text/csv' })
    Object.defineProperty(file, 'text', { value: async () => text })
    await act(async () => fireEvent.change(input, { target: { files: [file] } }))
    for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 0)))
  }

  it('shows a shipped hotline by its words, and an import’s summary before writing', async () => {
    invoke = answering(answers(preview({})))
    await mount(<DirectoryScreen />, supervisor())
    expect(screen.getByTestId('directory-table').textContent).toContain('12345 政务服务便民热线')
    await pick('名称\n天河区法律援助处')
    expect(screen.getByTestId('import-preview').textContent).toContain('新增 1 项，修改 0 项，不变 7 项')
    expect(calls.some(([m]) => m === 'directory.applyImport')).toBe(false)
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认导入' })))
    expect(calls.some(([m]) => m === 'directory.applyImport')).toBe(true)
    expect(screen.getByText('已导入。')).toBeTruthy()
  })

  it('lists every problem by line and column, in words, and will not import', async () => {
    invoke = answering(
      answers(
        preview({
          problems: [
            { line: 3, column: 'level', messageKey: 'referrals:csv.badLevel', params: { value: '省级' } },
            { line: 4, column: 'name', messageKey: 'errors:arg.tooLong' }
          ]
        })
      )
    )
    await mount(<DirectoryScreen />, supervisor('yue-HK'))
    await pick('x', '選擇 CSV 檔案')
    const problems = screen.getByTestId('import-problems').textContent ?? ''
    expect(problems).toContain('第 3 行「層級」：層級「省级」應為全國、市級、區級或鎮街')
    expect(problems).toContain('第 4 行「名稱」')
    expect(looksLikeKeyOrCode(document.body.textContent ?? '')).toBeNull()
    expect((screen.getByRole('button', { name: '確認匯入' }) as HTMLButtonElement).disabled).toBe(true)
  })
})
