import { describe, expect, it } from 'vitest'
import { replyDue, suggestedAgreedDate, type MatterRoute, type ReferralMethod } from '.'
import { dueForSend, isReplyOverdue, isUnrelayed, methodsFor, referralDateProblems, stageOf } from '../referrals/rules'

describe('reply expected by: the statute where one applies, else a date the worker agrees', () => {
  const table: [MatterRoute, ReferralMethod, string, string | null][] = [
    // 第二十三条第三款 (D3): written notice within 15 days; start day not counted (statute.md §3).
    ['petition', 'transfer', '2026-11-23', '2026-12-08'],
    ['petition', 'assign', '2026-11-23', '2026-12-08'],
    ['petition', 'transfer', '2026-12-20', '2027-01-04'], // over the year end
    ['petition', 'assign', '2028-02-20', '2028-03-06'], // leap February: 29 days
    ['petition', 'transfer', '2027-02-20', '2027-03-07'], // ordinary February; a Sunday, no roll-over
    // No statute date: 转介, 告知, 检举控告 forwarded to the 纪检监察机关, other procedures.
    ['petition', 'refer', '2026-11-23', null],
    ['petition', 'inform', '2026-11-23', null],
    ['disciplineReport', 'transfer', '2026-11-23', null],
    ['litigation', 'inform', '2026-11-23', null],
    ['outOfArea', 'inform', '2026-11-23', null],
    ['referral', 'refer', '2026-11-23', null],
    ['administrative', 'inform', '2026-11-23', null],
    ['unknown', 'transfer', '2026-11-23', null]
  ]
  it.each(table)('%s by %s sent %s → %s', (route, method, sent, expected) => {
    const due = replyDue(route, method, sent)
    if (expected === null) expect(due).toEqual({ basis: 'agreed' })
    else {
      expect(due.basis).toBe('statute')
      if (due.basis === 'statute') {
        expect(due.deadline).toBe('D3')
        expect(due.due).toBe(expected)
      }
    }
  })

  it('a 2027-02-20 transfer is due on a Sunday: the literal date, with the weekend note', () => {
    const due = replyDue('petition', 'transfer', '2027-02-20')
    expect(due.basis === 'statute' && due.computed.fallsOnWeekend).toBe(true)
    expect(due.basis === 'statute' && due.computed.nextWorkingDay).toBe('2027-03-08')
  })

  it('suggests two weeks for an agreed date', () => {
    expect(suggestedAgreedDate('2026-11-23')).toBe('2026-12-07')
  })

  it('dueForSend: diversion routes map onto the statute only for this level', () => {
    expect(dueForSend('thisLevel', 'transfer', '2026-11-23')).toEqual({ basis: 'statute', deadline: 'D3', due: '2026-12-08' })
    expect(dueForSend('discipline', 'transfer', '2026-11-23', '2026-12-01')).toEqual({ basis: 'agreed', deadline: '', due: '2026-12-01' })
    expect(dueForSend('referral', 'refer', '2026-11-23')).toEqual({ basis: 'agreed', deadline: '', due: '' })
  })
})

describe('what may be done on each route: never a transfer the route does not allow', () => {
  it.each([
    ['thisLevel', ['transfer', 'assign']],
    ['discipline', ['transfer', 'inform']],
    ['politicalLegal', ['inform', 'refer']],
    ['authorityWithPower', ['inform']],
    ['notAccepted', ['inform']],
    ['referral', ['refer', 'inform']]
  ] as const)('%s', (route, methods) => {
    expect(methodsFor(route)).toEqual(methods)
  })
})

describe('the chain in order', () => {
  const today = '2026-12-10'
  const base = { sentDate: '2026-11-23', replyDue: '2026-12-08', replyDate: '', relayedDate: '' }
  it('accepts an ordered chain', () => {
    expect(referralDateProblems({ ...base, replyDate: '2026-12-01', relayedDate: '2026-12-02' }, today)).toEqual([])
  })
  it.each([
    [{ replyDate: '2026-11-22' }, 'replyDate', 'referrals:errors.replyBeforeSent'],
    [{ sentDate: '', replyDate: '2026-11-30' }, 'replyDate', 'referrals:errors.replyBeforeSent'],
    [{ replyDate: '2026-12-01', relayedDate: '2026-11-30' }, 'relayedDate', 'referrals:errors.relayBeforeReply'],
    [{ relayedDate: '2026-12-01' }, 'relayedDate', 'referrals:errors.relayBeforeReply'],
    [{ replyDue: '2026-11-20' }, 'replyDue', 'referrals:errors.dueBeforeSent'],
    [{ sentDate: '2026-12-11', replyDue: '' }, 'sentDate', 'referrals:errors.sentFuture'],
    [{ replyDate: '2026-12-11' }, 'replyDate', 'referrals:errors.replyFuture']
  ])('%o → %s', (change, field, key) => {
    expect(referralDateProblems({ ...base, ...change }, today)).toContainEqual({ field, key })
  })
  it('overdue only once the due day has passed, and never once replied or withdrawn', () => {
    const r = { withdrawnAt: null, sentDate: '2026-11-23', replyDue: '2026-12-08', replyDate: '', relayedDate: '' }
    expect(isReplyOverdue(r, '2026-12-08')).toBe(false)
    expect(isReplyOverdue(r, '2026-12-09')).toBe(true)
    expect(isReplyOverdue({ ...r, replyDate: '2026-12-09' }, '2026-12-20')).toBe(false)
    expect(isReplyOverdue({ ...r, withdrawnAt: 'x' }, '2026-12-20')).toBe(false)
    expect(isUnrelayed({ ...r, replyDate: '2026-12-09' })).toBe(true)
    expect(stageOf({ ...r, replyDate: '2026-12-09', relayedDate: '2026-12-10' })).toBe('relayed')
  })
})
