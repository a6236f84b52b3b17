import { describe, expect, it } from 'vitest'
import { buildHandout } from '../interview/handout'
import { routePromises, NO_EVENTS } from '../interview/route-promises'
import { translateKey, translator, type Namespace } from '../../i18n/resources'
import { handoutDestinations } from './handout'
import { referralChainLines } from './chain-text'
import type { Referral } from './types'

const base = { toBuiltin: null, toAddress: '白云大道1号', toPhone: '020-1234', withdrawnAt: null, directoryId: 2 }
const t = (key: string, params?: Record<string, string | number>) => translateKey('yue-HK', key as `${Namespace}:${string}`, params)

describe('the handout names where to go next, as far as the route allows', () => {
  it('a transfer is never promised on a route where the petitioner goes themselves', () => {
    const refs = [
      { ...base, method: 'transfer' as const, toName: '白云区人社局' },
      { ...base, method: 'inform' as const, toName: '区人民法院' }
    ]
    expect(handoutDestinations(refs, 'litigation', (r) => r.toName).map((d) => d.name)).toEqual(['区人民法院'])
    expect(handoutDestinations(refs, 'petition', (r) => r.toName).map((d) => d.name)).toEqual(['白云区人社局'])
    expect(handoutDestinations([{ ...refs[1], withdrawnAt: 'x' }], 'litigation', (r) => r.toName)).toEqual([])
  })

  it('in spoken Cantonese, with address, phone and hours', () => {
    const doc = buildHandout(
      {
        caseNo: '2026-000003',
        interviewDate: '2026-11-23',
        summary: '',
        followUpDate: null,
        orgName: '',
        orgPhone: '',
        promises: routePromises({ route: 'litigation', events: NO_EVENTS, walkIn: true, visitDate: '2026-11-23' }),
        destinations: handoutDestinations([{ ...base, method: 'inform', toName: '白雲區人民法院' }], 'litigation', (r) => r.toName, () => '星期一至五')
      },
      t,
      (d) => d
    )
    const where = doc.sections.find((s) => s.heading === '跟住去邊度')!
    // The address is printed as it was typed in the directory.
    expect(where.paragraphs).toEqual(['麻煩你自己去白雲區人民法院辦。', '地址：白云大道1号', '電話：020-1234', '辦公時間：星期一至五'])
  })
})

describe('Form C’s chain line', () => {
  it('to whom, how, when, the reply and the relay', () => {
    const r = { toName: '白云区人社局', method: 'transfer', sentDate: '2026-11-23', replyDue: '2026-12-08', replyDate: '2026-12-01', relayedDate: '2026-12-02', relayedHow: 'phone', withdrawnAt: null } as Referral
    const zh = translator('zh-CN', 'referrals')
    expect(referralChainLines([r], zh, (x) => x.toName)).toEqual(['白云区人社局：转送 2026-11-23；回复 2026-12-01；电话告知信访人 2026-12-02'])
    expect(referralChainLines([{ ...r, replyDate: '', relayedDate: '', relayedHow: null }], zh, (x) => x.toName)).toEqual(['白云区人社局：转送 2026-11-23；未回复（应于 2026-12-08 前回复）'])
    expect(referralChainLines([{ ...r, sentDate: '' }], zh, (x) => x.toName)).toEqual([])
  })
})
