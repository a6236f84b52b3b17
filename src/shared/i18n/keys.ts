import { NAMESPACES, resources, translator, type Namespace } from './resources'

/** A key of one namespace, as `translator(locale, ns)` takes it. The Mandarin (zh-CN) files are the source. */
export type KeyIn<N extends Namespace> = Parameters<ReturnType<typeof translator<N>>>[0]

/** The rest of the keys of namespace N under `prefix.` (`KeysUnder<'cases', 'options.risk'>` = 'none' | 'low' | …). */
export type KeysUnder<N extends Namespace, P extends string> = Under<KeyIn<N>, P>
type Under<U, P extends string> = U extends `${P}.${infer R}` ? R : never

/** A key with its namespace (`cases:fields.name`): what services send as `messageKey` and screens pass to `t`. */
export type I18nKey = { [N in Namespace]: `${N}:${KeyIn<N>}` }[Namespace]

const lookup = (ns: string, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], (resources['zh-CN'] as Record<string, unknown>)[ns])

/**
 * True when `key` (`ns:path`) names a string in the resources: the narrowing for keys that arrive as
 * text (an older main process, a stored value), so no screen shows a key.
 */
export function isI18nKey(key: string): key is I18nKey {
  const i = key.indexOf(':')
  if (i < 0) return false
  const ns = key.slice(0, i)
  return (NAMESPACES as readonly string[]).includes(ns) && typeof lookup(ns, key.slice(i + 1)) === 'string'
}

/** True when `key` is a key of namespace `ns` (without the prefix). */
export function isKeyIn<N extends Namespace, K extends string = string>(ns: N, key: K): key is K & KeyIn<N> {
  return typeof lookup(ns, key) === 'string'
}

/**
 * A key built from an id held as plain text (a rule id from the catalogue): the key when the resources
 * have it, else `fallback` — so no screen shows a key. Prefer a narrow union (a template over a typed
 * id list is checked at compile time); this is for ids the type system cannot list.
 */
export function keyOr(key: string, fallback: I18nKey): I18nKey {
  return isI18nKey(key) ? key : fallback
}
