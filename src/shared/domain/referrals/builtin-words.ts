import { isKeyIn, type KeyIn } from '../../i18n/keys'

/**
 * The key (referrals namespace) of a shipped directory row's words — `builtin.hotline.12345.name` —
 * or null when the locale files have none. A row's `builtin` id is stored text, so the key is checked
 * here at run time and no screen, PDF or CSV ever shows a key.
 */
export function builtinKey(builtin: string | null, part: 'name' | 'handles'): KeyIn<'referrals'> | null {
  if (!builtin) return null
  const key = `builtin.${builtin}.${part}`
  return isKeyIn('referrals', key) ? key : null
}
