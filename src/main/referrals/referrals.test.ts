import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupDesk, SUPERVISOR, WORKER, type TestDesk } from '../../../tests/support/desk'
import { translator } from '@shared/i18n/resources'
import { referralsCalls } from '@shared/ipc/contracts/referrals'
import type { DirectoryEntry, Referral, ReferralAttention, SupervisionNote } from '@shared/domain/referrals/types'
import type { ImportPreview } from '@shared/domain/referrals/directory-csv'
import * as session from '../session/service'
import { caseParts } from '../forms/service'
import { partTexts } from '../forms/layout'

let t: TestDesk
let now = new Date('2026-11-23T02:00:00Z')
beforeEach(() => {
  now = new Date('2026-11-23T02:00:00Z')
  t = setupDesk({ now: () => now })
})
afterEach(() => t.cleanup())

const invoke = (m: string, a: unknown) => t.router.invoke(m, a)
async function ok<T>(m: string, a: unknown): Promise<T> {
  const r = await invoke(m, a)
  if (!r.ok) throw new Error(`${m}: ${JSON.stringify(r)}`)
  return r.value as T
}
function as(who: 'worker' | 'supervisor') {
  session.logout(t.desk)
  const p = who === 'worker' ? WORKER : SUPERVISOR
  session.login(t.desk, { loginName: p.loginName, passphrase: p.passphrase })
}
function readable(key: string) {
  const [ns, ...rest] = key.split(':')
  for (const loc of ['zh-CN', 'yue-HK'] as const) expect(translator(loc, ns as never)(rest.join(':')), `${loc} ${key}`).not.toBe(rest.join(':'))
}

/** A worker's case diverted to this level (g = yes → 第二十二条第一款). */
async function divertedCase(route: 'thisLevel' | 'referral' | 'noLongerAccepted' = 'thisLevel'): Promise<number> {
  as('worker')
  const c = await ok<{ id: number }>('cases.create', { partyKind: 'person', name: '王五' })
  if (route === 'thisLevel') await ok('cases.screening.save', { id: c.id, item: 'g', answer: 'yes' })
  if (route === 'referral') await ok('cases.screening.save', { id: c.id, item: 'f', answer: 'no' })
  if (route === 'noLongerAccepted') await ok('cases.screening.save', { id: c.id, item: 'l', answer: 'yes', detail: 'noLongerAccepted' })
  await ok('cases.decideDiversion', { id: c.id, chosen: route })
  return c.id
}

const hotline = async (phone: string) => (await ok<DirectoryEntry[]>('directory.list', {})).find((e) => e.phone === phone)!

describe('roles: checked in the main process for every new call', () => {
  const supervisorOnly = ['directory.save', 'directory.exportCsv', 'directory.previewImport', 'directory.applyImport', 'referrals.supervisionList', 'referrals.addNote']
  const sample: Record<string, unknown> = {
    'directory.list': {},
    'directory.save': { level: 'city', locality: '', category: 'legalAid', name: '某法律援助处', address: '', phone: '', hours: '', handles: '', active: true },
    'directory.exportCsv': {},
    'directory.previewImport': { csv: '名称\n' },
    'directory.applyImport': { csv: '名称\n' },
    'referrals.forCase': { caseId: 1 },
    'referrals.create': { caseId: 1 },
    'referrals.send': { referralId: 1, method: 'transfer', directoryId: 1, sentDate: '2026-11-23', sentWhat: '' },
    'referrals.recordReply': { referralId: 1, replyDate: '2026-11-23', replySummary: '' },
    'referrals.recordRelay': { referralId: 1, relayedDate: '2026-11-23', relayedHow: 'phone', relayedNote: '' },
    'referrals.withdraw': { referralId: 1, reason: '重复' },
    'referrals.attention': {},
    'referrals.supervisionList': {},
    'referrals.addNote': { referralId: 1, note: '请催办' },
    'referrals.acknowledgeNote': { noteId: 1 }
  }
  it('every call is in the contract with the access level it should have', () => {
    expect(Object.keys(referralsCalls).sort()).toEqual(Object.keys(sample).sort())
    for (const [name, def] of Object.entries(referralsCalls)) expect(def.access, name).toBe(supervisorOnly.includes(name) ? 'supervisor' : 'worker')
  })
  it.each(supervisorOnly)('a worker is refused %s, and the refusal is audited', async (name) => {
    as('worker')
    expect(await invoke(name, sample[name])).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const n = t.desk.db().sqlite.prepare(`SELECT count(*) AS n FROM audit_events WHERE action = 'access.refused'`).get() as { n: number }
    expect(n.n).toBeGreaterThan(0)
  })
  it.each(Object.keys(sample))('locked: %s answers LOCKED', async (name) => {
    session.logout(t.desk)
    expect(await invoke(name, sample[name])).toMatchObject({ ok: false, code: 'LOCKED' })
  })
})

describe('a confirmed diversion creates its referral', () => {
  it('this level: a planned 转送 with nothing sent; changing the route withdraws the unsent one', async () => {
    const caseId = await divertedCase()
    const first = await ok<{ referrals: Referral[]; events: { kind: string }[] }>('referrals.forCase', { caseId })
    let referrals = first.referrals
    const events = first.events
    expect(referrals).toHaveLength(1)
    expect(referrals[0]).toMatchObject({ route: 'thisLevel', method: 'transfer', stage: 'planned', sentDate: '' })
    expect(events.map((e) => e.kind)).toEqual(['created'])
    // Confirming the same route again adds nothing.
    await ok('cases.decideDiversion', { id: caseId, chosen: 'thisLevel' })
    await ok('cases.screening.save', { id: caseId, item: 'f', answer: 'no' })
    await ok('cases.decideDiversion', { id: caseId, chosen: 'referral', reason: '社工判断需要转介' })
    ;({ referrals } = await ok<{ referrals: Referral[]; events: { kind: string }[] }>('referrals.forCase', { caseId }))
    expect(referrals.map((r) => [r.route, r.stage])).toEqual([
      ['thisLevel', 'withdrawn'],
      ['referral', 'planned']
    ])
  })
  it('不再受理 creates none (a 转介 can be added by hand)', async () => {
    const caseId = await divertedCase('noLongerAccepted')
    expect((await ok<{ referrals: Referral[] }>('referrals.forCase', { caseId })).referrals).toEqual([])
    const r = await ok<Referral>('referrals.create', { caseId })
    expect(r.route).toBe('noLongerAccepted')
  })
})

describe('the chain: sent → reply → relayed, in order, on the route’s own terms', () => {
  it('转送 on this level: reply due by 第二十三条第三款 (15 days), then overdue on Today and the 督办 list', async () => {
    const caseId = await divertedCase()
    const [r] = (await ok<{ referrals: Referral[] }>('referrals.forCase', { caseId })).referrals
    const to = await hotline('12345')
    // Not allowed on this route: telling the petitioner to go (the desk transfers it).
    expect(await invoke('referrals.send', { referralId: r.id, method: 'inform', directoryId: to.id, sentDate: '2026-11-23', sentWhat: '' })).toMatchObject({
      ok: false,
      code: 'BAD_ARGS',
      messageKey: 'referrals:errors.methodNotAllowed',
      field: 'method'
    })
    expect(await invoke('referrals.send', { referralId: r.id, method: 'transfer', directoryId: to.id, sentDate: '2026-11-24', sentWhat: '' })).toMatchObject({
      ok: false,
      messageKey: 'referrals:errors.sentFuture',
      field: 'sentDate'
    })
    const sent = await ok<Referral>('referrals.send', { referralId: r.id, method: 'transfer', directoryId: to.id, sentDate: '2026-11-23', sentWhat: '来访登记表、诉求材料' })
    expect(sent).toMatchObject({ stage: 'sent', dueBasis: 'statute', dueDeadline: 'D3', replyDue: '2026-12-08', toPhone: '12345' })
    expect(await ok('referrals.attention', {})).toEqual({ items: [], notes: [] })

    now = new Date('2026-12-09T02:00:00Z')
    const mine = await ok<{ items: ReferralAttention[] }>('referrals.attention', {})
    expect(mine.items).toMatchObject([{ referralId: r.id, kind: 'replyOverdue', since: '2026-12-08', workerName: WORKER.displayName }])

    // A reply before it was sent, or in the future, is refused with the field named.
    expect(await invoke('referrals.recordReply', { referralId: r.id, replyDate: '2026-11-22', replySummary: '' })).toMatchObject({
      ok: false,
      messageKey: 'referrals:errors.replyBeforeSent',
      field: 'replyDate'
    })
    expect(await invoke('referrals.recordRelay', { referralId: r.id, relayedDate: '2026-12-09', relayedHow: 'phone', relayedNote: '' })).toMatchObject({
      ok: false,
      messageKey: 'referrals:errors.relayBeforeReply'
    })

    as('supervisor')
    const list = await ok<ReferralAttention[]>('referrals.supervisionList', {})
    expect(list.map((x) => x.referralId)).toEqual([r.id])
    const note = await ok<SupervisionNote>('referrals.addNote', { referralId: r.id, note: '请今天电话催办' })
    // The supervisor cannot acknowledge for the worker.
    expect(await invoke('referrals.acknowledgeNote', { noteId: note.id })).toMatchObject({ ok: false, code: 'FORBIDDEN', messageKey: 'referrals:errors.notYourNote' })
    readable('referrals:errors.notYourNote')

    as('worker')
    const todo = await ok<{ notes: SupervisionNote[]; items: ReferralAttention[] }>('referrals.attention', {})
    expect(todo.notes).toMatchObject([{ id: note.id, note: '请今天电话催办', writtenByName: SUPERVISOR.displayName }])
    expect(todo.items[0].openNotes).toBe(1)
    const acked = await ok<SupervisionNote>('referrals.acknowledgeNote', { noteId: note.id })
    expect(acked.acknowledgedByName).toBe(WORKER.displayName)
    expect((await ok<{ notes: SupervisionNote[] }>('referrals.attention', {})).notes).toEqual([])
    const audited = t.desk.db().sqlite.prepare(`SELECT count(*) AS n FROM audit_events WHERE action = 'referrals.acknowledge'`).get() as { n: number }
    expect(audited.n).toBe(1)

    await ok('referrals.recordReply', { referralId: r.id, replyDate: '2026-12-09', replySummary: '已受理，书面告知信访人' })
    expect((await ok<{ items: ReferralAttention[] }>('referrals.attention', {})).items).toMatchObject([{ kind: 'unrelayed', since: '2026-12-09' }])
    expect(await invoke('referrals.send', { referralId: r.id, method: 'transfer', directoryId: to.id, sentDate: '2026-11-20', sentWhat: '' })).toMatchObject({
      ok: false,
      code: 'CONFLICT'
    })
    const done = await ok<Referral>('referrals.recordRelay', { referralId: r.id, relayedDate: '2026-12-09', relayedHow: 'phone', relayedNote: '' })
    expect(done.stage).toBe('relayed')
    expect((await ok<{ items: ReferralAttention[] }>('referrals.attention', {})).items).toEqual([])

    const { events } = await ok<{ events: { kind: string }[] }>('referrals.forCase', { caseId })
    expect(events.map((e) => e.kind)).toEqual(['created', 'sent', 'supervised', 'acknowledged', 'reply', 'relayed'])

    // Form C shows the chain, in the form's language.
    const formC = (lang: 'zh-CN' | 'yue-HK') => caseParts(t.desk, { caseId, form: 'C', lang }).parts.flatMap(partTexts).join('\n')
    expect(formC('zh-CN')).toContain('12345 政务服务便民热线：转送 2026-11-23；回复 2026-12-09；电话告知信访人 2026-12-09')
    expect(formC('yue-HK')).toContain('12345 政務服務便民熱線：轉送 2026-11-23；回覆 2026-12-09；電話告知信訪人 2026-12-09')
  })

  it('转介 has no statute date: the worker agrees one, not before sending', async () => {
    const caseId = await divertedCase('referral')
    const [r] = (await ok<{ referrals: Referral[] }>('referrals.forCase', { caseId })).referrals
    const to = await hotline('12356')
    expect(await invoke('referrals.send', { referralId: r.id, method: 'refer', directoryId: to.id, sentDate: '2026-11-23', sentWhat: '' })).toMatchObject({
      ok: false,
      messageKey: 'referrals:errors.agreedDueRequired',
      field: 'agreedDue'
    })
    expect(
      await invoke('referrals.send', { referralId: r.id, method: 'refer', directoryId: to.id, sentDate: '2026-11-23', sentWhat: '', agreedDue: '2026-11-20' })
    ).toMatchObject({ ok: false, messageKey: 'referrals:errors.dueBeforeSent', field: 'replyDue' })
    const sent = await ok<Referral>('referrals.send', { referralId: r.id, method: 'refer', directoryId: to.id, sentDate: '2026-11-23', sentWhat: '', agreedDue: '2026-11-30' })
    expect(sent).toMatchObject({ dueBasis: 'agreed', replyDue: '2026-11-30' })
    for (const k of ['agreedDueRequired', 'dueBeforeSent', 'methodNotAllowed', 'relayBeforeReply', 'replyBeforeSent', 'sentFuture', 'replyFuture', 'relayFuture'])
      readable(`referrals:errors.${k}`)
  })

  it('a closed case takes no referral writes', async () => {
    const caseId = await divertedCase()
    t.desk.db().sqlite.prepare(`UPDATE cases SET status = 'closed' WHERE id = ?`).run(caseId)
    const [r] = (await ok<{ referrals: Referral[] }>('referrals.forCase', { caseId })).referrals
    expect(await invoke('referrals.withdraw', { referralId: r.id, reason: '不需要' })).toMatchObject({ ok: false, code: 'CONFLICT', messageKey: 'cases:errors.closedRecord' })
  })
})

describe('directory: shipped with national hotlines only; CSV with a preview', () => {
  it('ships 12345, 12348, 12356 … and no local office', async () => {
    const all = await ok<DirectoryEntry[]>('directory.list', {})
    expect(all.every((e) => e.level === 'national' && e.builtin && e.name === '' && e.address === '')).toBe(true)
    expect(all.map((e) => e.phone)).toEqual(expect.arrayContaining(['12345', '12348', '12356']))
    for (const e of all) readable(`referrals:builtin.${e.builtin}.name`)
  })

  it('export → import of the same file changes nothing; edits and additions are previewed, then written', async () => {
    const { csv, rows } = await ok<{ csv: string; rows: number }>('directory.exportCsv', {})
    expect(rows).toBe(7)
    expect(csv.startsWith('\uFEFF编号,层级')).toBe(true)
    const same = await ok<ImportPreview>('directory.previewImport', { csv })
    expect(same).toMatchObject({ added: 0, changed: 0, unchanged: 7, problems: [] })

    const lines = csv.replace(/\r\n$/, '').split('\r\n')
    const longName = '𠮶'.repeat(100)
    const edited = [
      ...lines,
      `,區級,天河區,法律援助與公共法律服務,"天河區法律援助處, 一樓",天河路1號,020-00000000,週一至五 9:00-17:00,"法律援助
申請",是`,
      `,区级,越秀区,人民法院,${longName},,,,,是`
    ].join('\n')
    const p = await ok<ImportPreview>('directory.previewImport', { csv: edited })
    expect(p).toMatchObject({ added: 2, changed: 0, unchanged: 7, problems: [] })
    expect((await ok<DirectoryEntry[]>('directory.list', {})).length).toBe(7)

    const bad = edited + `\n,省级,,不存在的类别,${longName}𠮶,,,,,也许`
    const b = await ok<ImportPreview>('directory.previewImport', { csv: bad })
    expect(b.problems.map((x) => [x.line, x.column, x.messageKey])).toEqual([
      [11, 'level', 'referrals:csv.badLevel'],
      [11, 'category', 'referrals:csv.badCategory'],
      [11, 'active', 'referrals:csv.badActive'],
      [11, 'name', 'errors:arg.tooLong']
    ])
    expect(await invoke('directory.applyImport', { csv: bad })).toMatchObject({ ok: false, code: 'BAD_ARGS', messageKey: 'referrals:csv.hasProblems' })
    const tooLong = edited.replace(longName, longName + '𠮶')
    expect((await ok<ImportPreview>('directory.previewImport', { csv: tooLong })).problems).toMatchObject([{ line: 10, column: 'name', messageKey: 'errors:arg.tooLong' }])

    const applied = await ok<ImportPreview>('directory.applyImport', { csv: edited })
    expect(applied).toMatchObject({ written: true, added: 2 })
    const after = await ok<DirectoryEntry[]>('directory.list', {})
    expect(after.find((e) => e.name === '天河區法律援助處, 一樓')).toMatchObject({ level: 'district', category: 'legalAid', handles: '法律援助\n申請' })
    expect(after.find((e) => e.category === 'court')!.name).toBe(longName)
    // Importing it again finds the same rows (by name, level and place), no duplicates.
    expect(await ok<ImportPreview>('directory.previewImport', { csv: edited })).toMatchObject({ added: 0, unchanged: 9 })

    // A cell a spreadsheet would run as a formula is written as text, and comes back as typed.
    const plus = after.find((e) => e.category === 'court')!
    const { builtin: _b2, updatedAt: _u2, ...courtFields } = plus
    await ok('directory.save', { ...courtFields, phone: '+86 20 8000 0000', hours: '=HYPERLINK("http://x")' })
    const again = (await ok<{ csv: string }>('directory.exportCsv', {})).csv
    expect(again).toContain(`'+86 20 8000 0000`)
    expect(again).toContain(`"'=HYPERLINK(""http://x"")"`)
    expect(await ok<ImportPreview>('directory.previewImport', { csv: again })).toMatchObject({ added: 0, changed: 0, unchanged: 9, problems: [] })
  })

  it('a supervisor edits a row; a shipped hotline keeps its words in each language unless renamed', async () => {
    const h = await hotline('12348')
    const { builtin: _b, updatedAt: _u, ...fields } = h
    const saved = await ok<DirectoryEntry>('directory.save', { ...fields, name: '12348 公共法律服务热线', hours: '24小时' })
    expect(saved).toMatchObject({ name: '', hours: '24小时' })
    const renamed = await ok<DirectoryEntry>('directory.save', { level: 'city', locality: '广州', category: 'legalAid', name: '广州市法律援助处', address: '', phone: '12348', hours: '', handles: '', active: true, id: h.id })
    expect(renamed.name).toBe('广州市法律援助处')
  })
})
