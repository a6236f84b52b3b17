import { useTranslation } from 'react-i18next'
import { call } from '../../app/desk-client'
import { useLoad } from '../../app/calls'
import { useNav } from '../../app/nav'
import { ErrorText } from '../../ui/ErrorText'
import { formatDate } from '../../ui/format'
import './archive.css'

/** The records clerk's Today: overdue returns first, what waits to be printed and filed. */
export function ClerkToday() {
  const { t, i18n } = useTranslation('archive')
  const { go } = useNav()
  const today = useLoad(() => call('archive.today', {}), [])
  const d = today.value
  return (
    <div className="page archive">
      <h1>{t('today.title')}</h1>
      <ErrorText error={today.error} kind="read" onRetry={today.reload} />
      {d ? (
        <>
          <section aria-labelledby="clerk-overdue">
            <h2 id="clerk-overdue">{t('today.overdue')}</h2>
            {d.overdue.length === 0 ? (
              <p className="muted">{t('today.none')}</p>
            ) : (
              <ul className="archive-overdue">
                {d.overdue.map((l) => (
                  <li key={l.id} className="row-overdue">
                    {t('today.overdueLine', { caseNo: l.caseNo, borrower: l.borrower, due: formatDate(l.dueDate, i18n.language) })}
                  </li>
                ))}
              </ul>
            )}
            {d.dueSoon.length ? (
              <>
                <h3>{t('today.dueSoon')}</h3>
                <ul>
                  {d.dueSoon.map((l) => (
                    <li key={l.id}>{t('today.overdueLine', { caseNo: l.caseNo, borrower: l.borrower, due: formatDate(l.dueDate, i18n.language) })}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <button type="button" onClick={() => go({ name: 'lending' })}>
              {t('today.openLending')}
            </button>
          </section>
          <section>
            <p>
              {t('today.toPrint', { count: d.toPrint })} · {t('today.toFile', { count: d.toFile })}
            </p>
            <button type="button" className="primary" onClick={() => go({ name: 'archive' })}>
              {t('today.openQueue')}
            </button>
          </section>
        </>
      ) : null}
    </div>
  )
}
