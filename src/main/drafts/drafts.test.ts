import { afterEach, describe, expect, it } from 'vitest'
import { setupDesk, WORKER, type TestDesk } from '../../../tests/support/desk'
import * as session from '../session/service'

describe('drafts: unsent text kept per person in the encrypted database', () => {
  let t: TestDesk
  afterEach(() => t.cleanup())

  it('survives a lock and a new login, is never shown to another person, and is gone once cleared', async () => {
    t = setupDesk()
    const scope = 'signoff:A:12:opinion'
    const opinion = '同意结案。钟𠮶妹的诉求已按程序处理，\n请继续跟进。'
    expect(await t.router.invoke('drafts.save', { scope, text: opinion })).toMatchObject({ ok: true })

    // The supervisor's session ends (locked, app killed and restarted): the text is back after login.
    session.logout(t.desk)
    session.login(t.desk, { loginName: 'chen', passphrase: 'correct horse battery staple' })
    expect(await t.router.invoke('drafts.get', { scope })).toMatchObject({ ok: true, value: { text: opinion } })

    // Another person at the same desk sees nothing of it, and cannot overwrite it.
    session.logout(t.desk)
    session.login(t.desk, { loginName: WORKER.loginName, passphrase: WORKER.passphrase })
    expect(await t.router.invoke('drafts.get', { scope })).toEqual({ ok: true, value: null })
    await t.router.invoke('drafts.save', { scope, text: '别人的草稿' })
    await t.router.invoke('drafts.clear', { scope })
    session.logout(t.desk)
    session.login(t.desk, { loginName: 'chen', passphrase: 'correct horse battery staple' })
    expect(await t.router.invoke('drafts.get', { scope })).toMatchObject({ ok: true, value: { text: opinion } })

    // Submitted: cleared.
    expect(await t.router.invoke('drafts.clear', { scope })).toEqual({ ok: true, value: null })
    expect(await t.router.invoke('drafts.get', { scope })).toEqual({ ok: true, value: null })
  })

  it('a scope can never carry personal text, and a locked desk keeps nothing', async () => {
    t = setupDesk()
    expect(await t.router.invoke('drafts.save', { scope: 'case:3:钟𠮶妹', text: 'x' })).toMatchObject({ ok: false, code: 'BAD_ARGS' })
    session.logout(t.desk)
    expect(await t.router.invoke('drafts.save', { scope: 'case:3:note', text: 'x' })).toMatchObject({ ok: false, code: 'LOCKED' })
  })
})
