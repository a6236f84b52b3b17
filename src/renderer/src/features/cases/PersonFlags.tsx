import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../app/desk-client'

export type PersonFlags = Record<number, { foreignNational: boolean; hardOfHearing: boolean }>

/**
 * The person flags a case carries in lists and on its header (外籍, 听力较差): asked for the cases
 * shown; the main process leaves out a confidential case this person may not open. A failed ask
 * shows no flag (nothing is written, nothing is lost).
 */
export function usePersonFlags(ids: number[]): PersonFlags {
  const [flags, setFlags] = useState<PersonFlags>({})
  const key = ids.join(',')
  useEffect(() => {
    if (!key) return
    let live = true
    call('person.flags', { caseIds: key.split(',').map(Number).slice(0, 1000) }).then(
      (f) => live && setFlags(f),
      () => live && setFlags({})
    )
    return () => {
      live = false
    }
  }, [key])
  return flags
}

/** 外籍 (and 听力较差) beside a name: the worker knows before they open the case. */
export function PersonFlagTags({ flags }: { flags: PersonFlags[number] | undefined }) {
  const { t } = useTranslation()
  if (!flags) return null
  return (
    <>
      {flags.foreignNational ? (
        <span className="tag tag-person" data-flag="foreignNational" title={t('interview:people.foreignFlagTitle')}>
          {t('interview:people.foreignFlag')}
        </span>
      ) : null}
      {flags.hardOfHearing ? (
        <span className="tag tag-person" data-flag="hardOfHearing">
          {t('interview:people.hardOfHearing')}
        </span>
      ) : null}
    </>
  )
}
