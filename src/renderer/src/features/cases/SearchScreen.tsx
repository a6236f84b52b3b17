import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseSummary } from '@shared/domain/case/types'
import { call } from '../../app/desk-client'
import { useSession } from '../../app/session-context'
import { CaseTable } from './CaseTable'
import { useDebounced } from './useDebounced'
import './cases.css'
import { failureOf } from '@shared/ipc/failure'
import type { DeskError } from '@shared/ipc/result'
import { ErrorText } from '../../ui/ErrorText'

/** The last query, for coming back to the results; only for the same user. */
let lastQuery = { userId: 0, q: '' }

/** Find a case by any 2+ characters of a name, phone digits, address or matter; results as you type. */
export function SearchScreen() {
  const { t } = useTranslation()
  const { session } = useSession()
  const [q, setQ] = useState(lastQuery.userId === session.userId ? lastQuery.q : '')
  const query = useDebounced(q, 120)
  const [rows, setRows] = useState<CaseSummary[] | null>(null)
  const [error, setError] = useState<DeskError | null>(null)
  useEffect(() => {
    lastQuery = { userId: session.userId, q: query }
    let live = true
    // The main process normalises (script, width); here only "2 letters or digits" matters.
    if (Array.from(query.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '')).length < 2) {
      setRows(null)
      return
    }
    setError(null)
    call('cases.search', { query, limit: 50 }).then(
      (r) => live && setRows(r),
      (e) => live && (setRows(null), setError(failureOf(e)))
    )
    return () => {
      live = false
    }
  }, [query, session.userId])
  return (
    <div className="page search">
      <h1>{t('cases:search.title')}</h1>
      <div className="field">
        <label htmlFor="case-search">{t('cases:search.label')}</label>
        <input id="case-search" type="search" autoFocus value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" className="search-input" />
        <div className="hint">{t('cases:search.hint')}</div>
      </div>
      {rows === null ? null : <p className="muted" aria-live="polite">{t('cases:search.count', { count: rows.length })}</p>}
      <ErrorText error={error} kind="read" />
      {rows ? <CaseTable rows={rows} empty={t('cases:search.none')} /> : null}
    </div>
  )
}
