/** A records clerk (档案管理) account for tests; a supervisor adds it with session.addUser. */
export const CLERK = { displayName: '王档案', loginName: 'wang', passphrase: 'amber harbour quiet meadow', role: 'clerk' as const }
