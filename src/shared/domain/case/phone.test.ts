import { describe, expect, it } from 'vitest'
import { checkPhone, phoneKey } from './phone'

describe('checkPhone', () => {
  it.each([
    ['13812345678', 'cnMobile'],
    ['138 1234 5678', 'cnMobile'],
    ['+86 138-1234-5678', 'cnMobile'],
    ['１３８１２３４５６７８', 'cnMobile'],
    ['19912345678', 'cnMobile'],
    ['020-12345678', 'cnLandline'],
    ['(020) 8123 4567', 'cnLandline'],
    ['0755-88886666', 'cnLandline'],
    ['0751-8123456', 'cnLandline'],
    ['+86 20 12345678', 'cnLandline'],
    ['+852 9123 4567', 'hk'],
    ['91234567', 'hk'],
    ['+853 6612 3456', 'mo'],
    ['+853 2833 3000', 'mo'],
    ['+886 912 345 678', 'tw'],
    ['+44 20 7946 0958', 'foreign'],
    ['+1 415 555 2671', 'foreign'],
    ['0044 20 7946 0958', 'foreign']
  ])('%s is a valid %s number', (input, kind) => {
    const r = checkPhone(input)
    expect(r.ok && r.kind).toBe(kind)
  })

  it.each([
    ['', 'cases:errors.phone.empty'],
    ['12812345678', 'cases:errors.phone.mobile'],
    ['1381234567', 'cases:errors.phone.mobile'],
    ['020-123', 'cases:errors.phone.landline'],
    ['+852 1234 567', 'cases:errors.phone.hk'],
    ['+853 1234 5678', 'cases:errors.phone.mo'],
    ['+44 12', 'cases:errors.phone.foreign'],
    ['call me', 'cases:errors.phone.characters'],
    ['5555', 'cases:errors.phone.unknown']
  ])('%s is refused with %s', (input, key) => {
    const r = checkPhone(input)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.messageKey).toBe(key)
  })

  it('matches the same phone however it is written', () => {
    expect(phoneKey('+86 138-1234-5678')).toBe(phoneKey('13812345678'))
    expect(phoneKey('+852 9123 4567')).toBe(phoneKey('852 9123 4567'.replace(/^/, '+')))
  })
})
