import { describe, expect, it } from 'vitest'
import { caseDateProblems, closingDateProblems, followUpDateProblems, newProblems, pastDateProblems } from './order'

const TODAY = '2026-11-23'
const keys = (ps: { field: string; messageKey: string }[]) => ps.map((p) => `${p.field}:${p.messageKey.replace('errors:dates.', '')}`)

describe('Form A date order', () => {
  const base = { contactDate: '2026-11-01' }
  it.each([
    ['all in order', { ...base, birth: '1968-03', workerSignedDate: '2026-11-02', acceptedDate: '2026-10-01', opinionReceivedDate: '2026-10-20', reviewReceivedDate: '2026-11-20' }, {}, []],
    ['受理 before our first contact is fine', { ...base, acceptedDate: '2026-01-05' }, {}, []],
    ['same day everywhere is fine', { contactDate: TODAY, workerSignedDate: TODAY, birth: '2026-11' }, {}, []],
    ['初次接触 in the future', { contactDate: '2026-11-24' }, {}, ['contactDate:contactFuture']],
    ['初次接触 after the first interview', base, { firstContact: '2026-10-30' }, ['contactDate:contactAfterFirstInterview']],
    ['初次接触 after 开案', base, { openedDate: '2026-10-31' }, ['contactDate:contactAfterOpened']],
    ['初次接触 after 结案', base, { closedDate: '2026-10-31' }, ['contactDate:contactAfterClosed']],
    ['出生年月 in the future', { ...base, birth: '2026-12' }, {}, ['birth:birthFuture']],
    ['出生 (full date) after the contact', { ...base, birth: '2026-11-05' }, {}, ['birth:birthAfterContact']],
    ['出生年月 in the contact month is fine', { ...base, birth: '2026-11' }, {}, []],
    ['社工签名 before the contact', { ...base, workerSignedDate: '2026-10-31' }, {}, ['workerSignedDate:signedBeforeContact']],
    ['社工签名 in the future', { ...base, workerSignedDate: '2026-11-24' }, {}, ['workerSignedDate:signedFuture']],
    ['受理 in the future', { ...base, acceptedDate: '2026-12-01' }, {}, ['acceptedDate:acceptedFuture']],
    ['处理意见 before 受理', { ...base, acceptedDate: '2026-10-01', opinionReceivedDate: '2026-09-30' }, {}, ['opinionReceivedDate:opinionBeforeAccepted']],
    ['处理意见 in the future', { ...base, opinionReceivedDate: '2027-01-01' }, {}, ['opinionReceivedDate:opinionFuture']],
    ['复查意见 before 处理意见', { ...base, opinionReceivedDate: '2026-10-20', reviewReceivedDate: '2026-10-19' }, {}, ['reviewReceivedDate:reviewBeforeOpinion']],
    ['复查意见 before 受理 (no 处理意见)', { ...base, acceptedDate: '2026-10-20', reviewReceivedDate: '2026-10-19' }, {}, ['reviewReceivedDate:reviewBeforeAccepted']],
    ['复查意见 in the future', { ...base, reviewReceivedDate: '2026-11-24' }, {}, ['reviewReceivedDate:reviewFuture']],
    ['empty optional dates are not checked', { ...base, workerSignedDate: '', acceptedDate: '', opinionReceivedDate: '', reviewReceivedDate: '', birth: '' }, {}, []]
  ] as const)('%s', (_, f, ctx, want) => {
    expect(keys(caseDateProblems(f, { today: TODAY, ...ctx }))).toEqual(want)
  })

  it('names the date it must not precede', () => {
    expect(caseDateProblems({ contactDate: '2026-11-01', workerSignedDate: '2026-10-01' }, { today: TODAY })[0].params).toEqual({ date: '2026-11-01' })
  })
})

describe('Form C date order', () => {
  const ctx = { today: TODAY, contactDate: '2026-11-01' }
  const c = (o: Partial<{ openedDate: string; closedDate: string; workerSignedDate: string }>) => ({ openedDate: '2026-11-01', closedDate: '2026-11-20', workerSignedDate: '', ...o })
  it.each([
    ['in order', c({ workerSignedDate: '2026-11-21' }), ctx, []],
    ['opened = closed = signed is fine', c({ openedDate: TODAY, closedDate: TODAY, workerSignedDate: TODAY }), { ...ctx, contactDate: TODAY }, []],
    ['结案 before 开案', c({ openedDate: '2026-11-10', closedDate: '2026-11-09' }), ctx, ['closedDate:closedBeforeOpened']],
    ['结案 before 初次接触 when 开案 is empty', c({ openedDate: '', closedDate: '2026-10-31' }), ctx, ['closedDate:closedBeforeOpened']],
    ['结案 before the last contact', c({ closedDate: '2026-11-10' }), { ...ctx, lastContact: '2026-11-12' }, ['closedDate:closedBeforeLastContact']],
    ['结案 in the future', c({ closedDate: '2026-11-24' }), ctx, ['closedDate:closedFuture']],
    ['开案 before 初次接触', c({ openedDate: '2026-10-31' }), ctx, ['openedDate:openedBeforeContact']],
    ['开案 in the future', c({ openedDate: '2026-12-01', closedDate: '2026-11-20' }), ctx, ['openedDate:openedFuture', 'closedDate:closedBeforeOpened']],
    ['签字 before 结案', c({ workerSignedDate: '2026-11-19' }), ctx, ['workerSignedDate:closingSignedBeforeClosed']],
    ['签字 in the future', c({ workerSignedDate: '2026-11-24' }), ctx, ['workerSignedDate:signedFuture']],
    ['a draft may carry a planned 结案 date', c({ closedDate: '2026-12-30', workerSignedDate: '2026-12-30' }), { ...ctx, draft: true }, []],
    ['a draft is still checked for order', c({ openedDate: '2026-11-10', closedDate: '2026-11-09' }), { ...ctx, draft: true }, ['closedDate:closedBeforeOpened']]
  ] as const)('%s', (_, closing, context, want) => {
    expect(keys(closingDateProblems(closing, context))).toEqual(want)
  })
})

describe('follow-ups and rule dates', () => {
  it.each([
    ['after its contact', '2026-11-26', { interviewDate: '2026-11-23', contactDate: '2026-11-01' }, []],
    ['on the contact day', '2026-11-23', { interviewDate: '2026-11-23' }, []],
    ['before its contact', '2026-11-22', { interviewDate: '2026-11-23', contactDate: '2026-11-01' }, ['dueDate:followUpBeforeContact']],
    ['before the first contact (no interview)', '2026-10-31', { contactDate: '2026-11-01' }, ['dueDate:followUpBeforeFirstContact']]
  ] as const)('%s', (_, due, ctx, want) => {
    expect(keys(followUpDateProblems(due, ctx))).toEqual(want)
  })
  it('rule clock dates record the past', () => {
    expect(pastDateProblems({ accepted: '2026-11-23' }, TODAY, 'ruleDates')).toEqual([])
    expect(keys(pastDateProblems({ accepted: '2026-11-24' }, TODAY, 'ruleDates'))).toEqual(['ruleDates:ruleDateFuture'])
  })
  it('a save is refused only for problems it adds', () => {
    const old = caseDateProblems({ contactDate: '2026-11-01', workerSignedDate: '2026-10-01' }, { today: TODAY })
    expect(newProblems(old, old)).toEqual([])
    const worse = caseDateProblems({ contactDate: '2026-11-01', workerSignedDate: '2026-10-01', acceptedDate: '2027-01-01' }, { today: TODAY })
    expect(keys(newProblems(old, worse))).toEqual(['acceptedDate:acceptedFuture'])
  })
})
