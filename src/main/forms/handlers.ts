import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'
import { checkCaseForms, outputBlankForms, outputCaseForms } from './service'

/** The forms feature's IPC handlers (one per call in src/shared/ipc/contracts/forms.ts). */
export const formsHandlers = (desk: Desk) =>
  handlers({
    'forms.check': (a) => ({ missing: checkCaseForms(desk, a) }),
    'forms.output': (a) => outputCaseForms(desk, a),
    'forms.blank': (a) => outputBlankForms(desk, a)
  })
