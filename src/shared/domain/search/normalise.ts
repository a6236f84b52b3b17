import { Converter } from 'opencc-js/t2cn'

/**
 * Text as the search index and repeat detection see it: full-width folded to half-width (NFKC),
 * lower case, Traditional → Simplified (OpenCC, Hong Kong and Taiwan variants), accents dropped
 * (José = jose), and everything that is not a letter or digit removed (spaces, ·, dashes).
 * Both the stored text and the query go through the same function, so 信訪 finds 信访 and
 * 阿卜杜拉 · 買買提 finds 阿卜杜拉·买买提.
 */
const toSimplified = Converter({ from: 'hk', to: 'cn' })

export function normalise(text: string): string {
  if (!text) return ''
  const folded = text.normalize('NFKC').toLowerCase()
  const simplified = toSimplified(folded)
  return simplified
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '')
}

/**
 * Overlapping two-character tokens (by code point, so 𠮶 counts as one character). The index
 * stores these separated by spaces and FTS5's unicode61 tokenizer keeps each as one token; a query
 * becomes the phrase of its own bigrams, which matches exactly the texts containing it as a
 * substring (including 2-character queries, which a trigram tokenizer cannot serve).
 */
export function bigrams(norm: string): string[] {
  const cps = Array.from(norm)
  const out: string[] = []
  for (let i = 0; i + 1 < cps.length; i++) out.push(cps[i] + cps[i + 1])
  return out
}

/** A marker between separate values in one column: 3 characters, so no 2-character query token equals it. */
export const VALUE_SEPARATOR = 'zzz'

/** The text to index for one column holding several values (e.g. the names of a group). */
export function indexText(values: (string | null | undefined)[]): string {
  const parts: string[] = []
  for (const v of values) {
    const grams = bigrams(normalise(v ?? ''))
    if (grams.length === 0) continue
    if (parts.length) parts.push(VALUE_SEPARATOR)
    parts.push(...grams)
  }
  return parts.join(' ')
}

/** The FTS5 MATCH expression for a query, or null when it has fewer than 2 characters after normalising. */
export function matchQuery(query: string): string | null {
  const grams = bigrams(normalise(query))
  if (grams.length === 0) return null
  // Only letters and digits survive normalise(), so no quote or operator can reach FTS5.
  return `"${grams.join(' ')}"`
}

/** Digits only, for phone search (a query like "8123 4567" finds 020-81234567). */
export function digitsOnly(text: string): string {
  return text.normalize('NFKC').replace(/\D/g, '')
}
