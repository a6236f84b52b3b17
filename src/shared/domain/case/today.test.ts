import { describe, expect, it } from 'vitest'
import { caseDeadlines, isApproaching } from './today'

const f = {
  contactDate: '2026-11-23',
  inPetitionProcedure: false,
  acceptedDate: '',
  extended: false,
  opinionReceivedDate: '',
  reviewReceivedDate: '',
  knewOfActDate: '',
  infringementDate: ''
}

describe('statutory dates on the today view', () => {
  it('transfer within 15 days of registration (第二十二条第一款), start day not counted', () => {
    const [d1] = caseDeadlines(1, f, null, '2026-12-01')
    expect(d1).toMatchObject({ id: 'D1', due: '2026-12-08', daysLeft: 7 })
    expect(isApproaching(d1)).toBe(true)
    expect(isApproaching(caseDeadlines(1, f, null, '2026-11-30')[0])).toBe(false)
    expect(isApproaching(caseDeadlines(1, f, null, '2026-12-12')[0])).toBe(false)
  })

  it('no transfer date once the worker guided the matter to the political-legal bodies', () => {
    expect(caseDeadlines(1, f, 'politicalLegal', '2026-12-01')).toEqual([])
  })

  it('60 days only inside the petition procedure, 90 when extended (第三十四条)', () => {
    expect(caseDeadlines(1, { ...f, acceptedDate: '2026-11-23' }, 'thisLevel', '2026-12-01').map((d) => d.id)).toEqual(['D1'])
    const inProc = caseDeadlines(1, { ...f, inPetitionProcedure: true, acceptedDate: '2026-11-23' }, 'thisLevel', '2027-01-20')
    expect(inProc.find((d) => d.id === 'D5')?.due).toBe('2027-01-22')
    const ext = caseDeadlines(1, { ...f, inPetitionProcedure: true, acceptedDate: '2026-11-23', extended: true }, 'thisLevel', '2027-02-20')
    expect(ext.find((d) => d.id === 'D6')).toMatchObject({ due: '2027-02-21', fallsOnWeekend: true })
  })

  it('复查 and 复核 windows run 30 days from receiving the written answer', () => {
    const ds = caseDeadlines(1, { ...f, opinionReceivedDate: '2026-11-23', reviewReceivedDate: '2026-11-24' }, 'politicalLegal', '2026-12-20')
    expect(ds.map((d) => [d.id, d.due])).toEqual([
      ['D7', '2026-12-23'],
      ['D9', '2026-12-24']
    ])
  })
})
