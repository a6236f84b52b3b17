import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'
import { clearDraft, getDraft, saveDraft } from './service'

export const draftsHandlers = (desk: Desk) =>
  handlers({
    'drafts.get': (a) => getDraft(desk, a.scope),
    'drafts.save': (a) => saveDraft(desk, a.scope, a.text),
    'drafts.clear': (a) => clearDraft(desk, a.scope)
  })
