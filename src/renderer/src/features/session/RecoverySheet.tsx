import { useTranslation } from 'react-i18next'
import { intlLocale } from '../../app/i18n'

/**
 * The recovery sheet for the office safe, as a printable A4 page: the key in large monospace,
 * what it opens and how to use it, the date and the organisation. No case data, no person's name.
 */
export function RecoverySheet({ recoveryKey, orgName, date }: { recoveryKey: string; orgName: string; date: Date }) {
  const { t, i18n } = useTranslation()
  const when = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'long' }).format(date)
  return (
    <article className="print-sheet" aria-label={t('session:sheet.title')}>
      <header>
        <div className="sheet-app">{t('common:appName')}</div>
        <h1>{t('session:sheet.title')}</h1>
        <dl className="sheet-meta">
          <dt>{t('session:sheet.org')}</dt>
          <dd>{orgName || '______________________________'}</dd>
          <dt>{t('session:sheet.date')}</dt>
          <dd>{when}</dd>
        </dl>
      </header>
      <p className="sheet-key" data-testid="sheet-key">
        {recoveryKey.split('-').map((g, i) => (
          <span key={i}>{g}</span>
        ))}
      </p>
      <section>
        <h2>{t('session:sheet.whatTitle')}</h2>
        <p>{t('session:sheet.what')}</p>
        <h2>{t('session:sheet.howTitle')}</h2>
        <ol>
          <li>{t('session:sheet.how1')}</li>
          <li>{t('session:sheet.how2')}</li>
          <li>{t('session:sheet.how3')}</li>
        </ol>
        <h2>{t('session:sheet.keepTitle')}</h2>
        <ul>
          <li>{t('session:sheet.keep1')}</li>
          <li>{t('session:sheet.keep2')}</li>
          <li>{t('session:sheet.keep3')}</li>
        </ul>
      </section>
      <footer className="sheet-sign">
        <span>{t('session:sheet.keeper')}</span>
        <span>{t('session:sheet.signedDate')}</span>
      </footer>
    </article>
  )
}
