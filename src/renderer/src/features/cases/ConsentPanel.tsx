import { useState } from 'react'
import { petitionerLanguages } from '@shared/domain/case/languages'
import { useTranslation } from 'react-i18next'
import { CONSENT_KINDS, CONSENT_TEXT_VERSION, type ConsentKind, type ConsentMethod } from '@shared/domain/case/options'
import type { CaseRecord } from '@shared/domain/case/types'
import { call } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { formatDateTime } from '../../ui/format'
import { deliverPdf } from '../../ui/pdf-output'
import type { Locale } from '@shared/domain/session/types'
import { useCall } from '../../app/calls'

/** PIPL (4.5): consent to record, separately for sensitive information, written consent for disclosure. */
export function ConsentPanel({ record, onChange }: { record: CaseRecord; onChange(r: CaseRecord): void }) {
  const { t, i18n } = useTranslation()
  const { run, error } = useCall()
  const [note, setNote] = useState('')
  const latest = (k: ConsentKind) => [...record.consents].reverse().find((c) => c.kind === k)
  const give = (kind: ConsentKind, granted: boolean, method: ConsentMethod) =>
    run(async () => {
      onChange(await call('cases.consent', { caseId: record.id, kind, granted, method, note: kind === 'disclosure' ? note : '' }))
      if (kind === 'disclosure') setNote('')
    })
  return (
    <section className="card consent">
      <h2>{t('cases:sections.consent')}</h2>
      <p className="hint">{t('cases:consent.version', { version: CONSENT_TEXT_VERSION })}</p>
      <ConsentSlipButtons record={record} />
      {CONSENT_KINDS.map((k) => {
        const c = latest(k)
        return (
          <div key={k} className="consent-row" data-consent={k}>
            <h3>{t(`cases:options.consentKind.${k}`)}</h3>
            <p className="hint">{t(`cases:consent.explain.${k}`)}</p>
            <p>
              {c
                ? t(c.granted ? 'cases:consent.given' : 'cases:consent.refused', {
                    method: t(`cases:options.consentMethod.${c.method}`),
                    when: formatDateTime(c.at, i18n.language),
                    who: c.by?.displayName ?? '—',
                    version: c.textVersion
                  })
                : t('cases:consent.none')}
              {c?.note ? ` · ${c.note}` : ''}
            </p>
            {k === 'disclosure' ? (
              <div className="field">
                <label htmlFor="consent-to">{t('cases:consent.recipient')}</label>
                <input id="consent-to" value={note} onChange={(e) => setNote(e.target.value)} />
              </div>
            ) : null}
            <div className="button-row">
              {k !== 'disclosure' ? (
                <button type="button" onClick={() => give(k, true, 'oral')}>
                  {t('cases:consent.oral')}
                </button>
              ) : null}
              <button type="button" onClick={() => give(k, true, 'written')}>
                {t('cases:consent.written')}
              </button>
              <button type="button" onClick={() => give(k, false, 'oral')}>
                {t('cases:consent.refuse')}
              </button>
            </div>
          </div>
        )
      })}
      <ErrorText error={error} />
    </section>
  )
}

/** Print or save the consent slip in the petitioner's language (default: the recorded 语言). */
function ConsentSlipButtons({ record }: { record: CaseRecord }) {
  const { t } = useTranslation()
  const { run, error } = useCall()
  const [lang, setLang] = useState<Locale>(petitionerLanguages(record.fields.language, record.fields.languageOther).speakable ?? 'zh-CN')
  const out = (action: 'print' | 'save') => run(async () => deliverPdf(await call('cases.consentSlip', { caseId: record.id, lang, action }), action))
  return (
    <div className="button-row">
      <label htmlFor="slip-lang">{t('cases:consentSlip.printLang')}</label>
      <select id="slip-lang" value={lang} onChange={(e) => setLang(e.target.value as Locale)}>
        <option value="zh-CN">{t('common:language.zh-CN')}</option>
        <option value="yue-HK">{t('common:language.yue-HK')}</option>
      </select>
      <button type="button" onClick={() => out('print')}>
        {t('cases:consentSlip.print')}
      </button>
      <button type="button" onClick={() => out('save')}>
        {t('common:actions.saveAs')}
      </button>
      <ErrorText error={error} />
    </div>
  )
}
