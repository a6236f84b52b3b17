import { describe, expect, it } from 'vitest'
import { backupFileName, confirmationMatches, isBackupDue, isBackupName, rotationVictims } from './backup'

describe('backup file names', () => {
  it('sort by time and are recognised', () => {
    const a = backupFileName(new Date('2026-01-02T03:04:05Z'))
    expect(a).toBe('petition-desk-20260102-030405.pdbackup')
    expect(isBackupName(a)).toBe(true)
    expect(isBackupName('notes.txt')).toBe(false)
    expect(isBackupName('petition-desk-2026.pdbackup')).toBe(false)
  })
})

describe('rotation keeps the newest K of our own files', () => {
  const names = [
    'petition-desk-20260101-000000.pdbackup',
    'petition-desk-20260103-000000.pdbackup',
    'petition-desk-20260102-000000.pdbackup',
    'holiday.jpg',
    'petition-desk-20260104-000000.pdbackup'
  ]
  it.each([
    [0, []],
    [5, []],
    [4, []],
    [3, ['petition-desk-20260101-000000.pdbackup']],
    [1, ['petition-desk-20260103-000000.pdbackup', 'petition-desk-20260102-000000.pdbackup', 'petition-desk-20260101-000000.pdbackup']]
  ])('keep %i', (keep, victims) => {
    expect(rotationVictims(names, keep)).toEqual(victims)
  })
})

describe('reminder', () => {
  const now = new Date('2026-03-10T12:00:00Z')
  it.each([
    [null, 7, true],
    ['2026-03-09T12:00:00Z', 7, false],
    ['2026-03-03T12:00:00Z', 7, true],
    ['2026-03-03T12:00:01Z', 7, false],
    ['2025-01-01T00:00:00Z', 0, false]
  ])('last %s every %i days → %s', (last, days, due) => {
    expect(isBackupDue(last, days, now)).toBe(due)
  })
})

describe('typed confirmation', () => {
  it.each([
    ['覆盖', true],
    [' 覆盖 ', true],
    ['覆蓋', true],
    ['', false],
    ['覆', false]
  ])('%s → %s', (typed, ok) => {
    expect(confirmationMatches(typed, ['覆盖', '覆蓋'])).toBe(ok)
  })
})
