import type { I18nKey } from '../../i18n/keys'
/**
 * Phone numbers a petitioner may give: mainland mobile and landline, Hong Kong, Macau, or any
 * foreign number in international form. Pure: returns a kind or a translation key, never throws.
 * Spaces, dashes, dots and brackets are allowed when typing and ignored when checking; full-width
 * digits (１３８…) are folded, since Chinese IMEs produce them.
 */
export type PhoneKind = 'cnMobile' | 'cnLandline' | 'hk' | 'mo' | 'tw' | 'foreign'

export type PhoneCheck =
  | { ok: true; kind: PhoneKind; digits: string; e164: string }
  | { ok: false; messageKey: I18nKey }

const fold = (s: string) => s.normalize('NFKC')

export function checkPhone(input: string): PhoneCheck {
  const raw = fold(input).trim()
  if (raw === '') return { ok: false, messageKey: 'cases:errors.phone.empty' }
  if (!/^\+?[\d\s\-().]+$/.test(raw)) return { ok: false, messageKey: 'cases:errors.phone.characters' }
  let digits = raw.replace(/[^\d]/g, '')
  const intl = raw.startsWith('+') || digits.startsWith('00')
  if (digits.startsWith('00')) digits = digits.slice(2)

  if (intl) {
    if (digits.startsWith('86')) return mainland(digits.slice(2), true)
    if (digits.startsWith('852')) return hk(digits.slice(3))
    if (digits.startsWith('853')) return mo(digits.slice(3))
    if (digits.startsWith('886')) {
      const rest = digits.slice(3).replace(/^0/, '')
      return rest.length >= 8 && rest.length <= 9
        ? { ok: true, kind: 'tw', digits, e164: `+886${rest}` }
        : { ok: false, messageKey: 'cases:errors.phone.tw' }
    }
    // E.164: a country code and at most 15 digits in all; we cannot know every plan, so check length.
    if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) {
      return { ok: false, messageKey: 'cases:errors.phone.foreign' }
    }
    return { ok: true, kind: 'foreign', digits, e164: `+${digits}` }
  }
  // Without a "+": 11 digits from 1 is a mainland mobile; from 0 a mainland landline; 8 digits HK.
  if (digits.startsWith('1') || digits.startsWith('0')) return mainland(digits, false)
  if (digits.length === 8) return hk(digits)
  return { ok: false, messageKey: 'cases:errors.phone.unknown' }
}

function mainland(d: string, intl: boolean): PhoneCheck {
  if (d.startsWith('1')) {
    return /^1[3-9]\d{9}$/.test(d)
      ? { ok: true, kind: 'cnMobile', digits: d, e164: `+86${d}` }
      : { ok: false, messageKey: 'cases:errors.phone.mobile' }
  }
  // Landline: area code (010, 02x = 3 digits; others 4 digits incl. the 0) + 7–8 digit number.
  const local = intl ? '0' + d : d
  if (!local.startsWith('0')) return { ok: false, messageKey: 'cases:errors.phone.landline' }
  const areaLen = /^0(10|2\d)/.test(local) ? 3 : 4
  const number = local.slice(areaLen)
  if (/^[1-9]\d{6,7}$/.test(number)) return { ok: true, kind: 'cnLandline', digits: local, e164: `+86${local.slice(1)}` }
  return { ok: false, messageKey: 'cases:errors.phone.landline' }
}

function hk(d: string): PhoneCheck {
  // Hong Kong: 8 digits; mobiles start 4–7 or 9, fixed lines 2–3, 8 for special services.
  return /^[2-9]\d{7}$/.test(d)
    ? { ok: true, kind: 'hk', digits: d, e164: `+852${d}` }
    : { ok: false, messageKey: 'cases:errors.phone.hk' }
}

function mo(d: string): PhoneCheck {
  // Macau: 8 digits; mobiles start 6, fixed lines 28.
  return /^(6\d{7}|28\d{6})$/.test(d)
    ? { ok: true, kind: 'mo', digits: d, e164: `+853${d}` }
    : { ok: false, messageKey: 'cases:errors.phone.mo' }
}

/** The digits used to match the same phone across cases (country code of the mainland dropped). */
export function phoneKey(input: string): string {
  const c = checkPhone(input)
  if (c.ok) return c.kind === 'cnMobile' || c.kind === 'cnLandline' ? c.digits : c.e164.slice(1)
  return fold(input).replace(/[^\d]/g, '')
}
