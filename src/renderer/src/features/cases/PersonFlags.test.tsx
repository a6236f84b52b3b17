import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render } from '@testing-library/react'
import { initI18n } from '../../app/i18n'
import { answering, type FakeInvoke } from '../../test-support/fake-desk-client'

let invoke: FakeInvoke = answering({})
vi.mock('../../app/desk-client', async () =>
  (await import('../../test-support/fake-desk-client')).fakeDeskClient((m, a) => invoke(m, a))
)
const { PersonFlagTags, usePersonFlags } = await import('./PersonFlags')

initI18n('zh-CN')
afterEach(() => cleanup())

describe('外籍 beside the name', () => {
  function Row({ ids }: { ids: number[] }) {
    const flags = usePersonFlags(ids)
    return (
      <ul>
        {ids.map((id) => (
          <li key={id} data-case={id}>
            <PersonFlagTags flags={flags[id]} />
          </li>
        ))}
      </ul>
    )
  }
  it('shows the flags the main process gives, and nothing when the ask fails', async () => {
    invoke = answering({ 'person.flags': () => ({ 3: { foreignNational: true, hardOfHearing: false } }) })
    await act(async () => void render(<Row ids={[3, 4]} />))
    expect(document.querySelector('[data-case="3"] [data-flag="foreignNational"]')?.textContent).toBe('外籍')
    expect(document.querySelector('[data-case="4"] [data-flag]')).toBeNull()
    cleanup()
    invoke = answering({})
    await act(async () => void render(<Row ids={[3]} />))
    expect(document.querySelector('[data-flag]')).toBeNull()
  })
})
