import { describe, expect, it } from 'vitest'
import { findOverPromises } from './promise-guard'

describe('over-promise guard', () => {
  it.each([
    ['我保证帮您把这件事解决', 'guarantee'],
    ['我保證一定解決', 'guarantee'],
    ['放心，一定帮您', 'surely'],
    ['这事一定能给您解决', 'surely'],
    ['包在我身上', 'onMe'],
    ['我来帮您搞定', 'fixIt'],
    ['包你搞掂', 'fixIt'],
    ['我一定幫你', 'surely'],
    ['我一定幫到你', 'surely'],
    ['呢單嘢包喺我身上', 'onMe'],
    ['我幫你搞掂佢', 'fixIt'],
    ['我保證幫你解決', 'guarantee'],
    ['百分之百没问题', 'certain'],
    ['肯定冇問題', 'certain']
  ])('flags %s (%s)', (text, id) => {
    const f = findOverPromises(text)
    expect(f.length).toBeGreaterThan(0)
    expect(f[0].id).toBe(id)
    expect(text.slice(f[0].start, f[0].end)).toBe(f[0].text)
  })

  it.each([
    '这是我们今年重点解决的问题',
    '我们一起推动，我会跟进办理进度',
    '交了保证金以后问题还没解决',
    '他签了保证书，说会解决',
    '解决办法有两个',
    '我不能保证结果，但会一起跟进',
    '我唔可以保證結果，不過會陪你一齊跟進',
    '结果要由有权处理的部门来定，我不能替他们打包票',
    '信访人说对方“保证年底前”付款',
    '佢哋一齊諗辦法',
    '我哋一齊諗辦法，睇下點樣解決',
    '一定要带身份证',
    ''
  ])('does not flag an ordinary sentence: %s', (text) => {
    expect(findOverPromises(text)).toEqual([])
  })

  it('finds several promises with their positions in a long note', () => {
    const text = '信访人很着急。社工说：我来帮您搞定。后来又说包在我身上。'
    const f = findOverPromises(text)
    expect(f.map((x) => x.id)).toEqual(['fixIt', 'onMe'])
  })
})
