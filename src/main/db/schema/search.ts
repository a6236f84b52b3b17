/**
 * Tables drizzle cannot define: the FTS5 search index (migration 0002). Declared here so the drift
 * test checks that the migrations create exactly these, with these columns; queries reach them
 * through drizzle's `sql` template (src/main/cases/search.ts, index-text.ts).
 */
export interface VirtualTable {
  name: string
  columns: readonly string[]
}

/** Bigrams of the normalised names, phone digits, places and matter text; rowid = cases.id. */
export const caseSearch = { name: 'case_search', columns: ['names', 'phones', 'places', 'matter'] } as const satisfies VirtualTable

export const VIRTUAL_TABLES: readonly VirtualTable[] = [caseSearch]
