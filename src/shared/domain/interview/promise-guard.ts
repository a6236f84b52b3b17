import { GUARD_CATEGORIES, GUARD_FOLD, GUARD_IDS, GUARD_NEGATION, GUARD_REPORTED, GUARD_WORKER } from './guard-lexicon'

/**
 * The guard over what the worker types (notes, the summary said at the close, the follow-up plan,
 * and so the handout): phrases a trained worker is warned not to say — a promised outcome or
 * timeline, special treatment, a brush-off, dismissive or shaming words, the police as a first
 * threat, a private phone, legal overreach, a reporter's materials shown to the reported, a group
 * turned away. The categories and patterns are data (guard-lexicon.ts). Pure; it flags, never
 * blocks: the worker decides. Mandarin and colloquial Cantonese, Simplified and Traditional.
 */
export interface PromiseFinding {
  /** Category id: why is `interview:guard.why.<id>`, the better line `script:guard.<id>`. */
  id: string
  start: number
  end: number
  text: string
}

export { GUARD_IDS }

const NEGATION = new RegExp(GUARD_NEGATION)
const REPORTED = new RegExp(GUARD_REPORTED)

const COMPILED = GUARD_CATEGORIES.map((c) => ({ ...c, res: c.patterns.map((p) => new RegExp(p, 'g')) }))

// One UTF-16 unit for one (the table holds only such pairs), so positions in the folded text are positions in the text.
const FOLD_RE = new RegExp(`[${Object.keys(GUARD_FOLD).filter((k) => k.length === 1 && GUARD_FOLD[k].length === 1).join('')}]`, 'g')

/** Fold Traditional/HK variants to the patterns' forms without moving positions. */
export function foldForGuard(text: string): string {
  return text.replace(FOLD_RE, (c) => GUARD_FOLD[c])
}

/** The clause before `index` (from the last full stop, line break or semicolon). */
function clauseBefore(text: string, index: number): string {
  const head = text.slice(0, index)
  const cut = Math.max(head.lastIndexOf('。'), head.lastIndexOf('！'), head.lastIndexOf('？'), head.lastIndexOf('\n'), head.lastIndexOf('；'), head.lastIndexOf('!'), head.lastIndexOf('?'))
  return head.slice(cut + 1)
}

export function findOverPromises(text: string): PromiseFinding[] {
  const out: PromiseFinding[] = []
  if (!text) return out
  const folded = foldForGuard(text)
  for (const c of COMPILED) {
    for (const re of c.res) {
      re.lastIndex = 0
      for (let m = re.exec(folded); m; m = re.exec(folded)) {
        if (m[0].length === 0) {
          re.lastIndex += 1
          continue
        }
        if (c.negatable && NEGATION.test(folded.slice(Math.max(0, m.index - 6), m.index))) continue
        if (c.reported) {
          const clause = clauseBefore(folded, m.index)
          // A quoted worker (社工说：“…”) stays flagged; a third party's words in a record do not.
          if (REPORTED.test(clause) && !new RegExp(GUARD_WORKER).test(clause)) continue
        }
        out.push({ id: c.id, start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length) })
      }
    }
  }
  // Overlaps (two patterns on one phrase) → keep the earliest, longest.
  out.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: PromiseFinding[] = []
  for (const f of out) if (!kept.some((k) => f.start < k.end && f.end > k.start)) kept.push(f)
  return kept
}
