import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { initI18n } from './app/i18n'
import { ReadBackScreen, readBackRouteId } from './features/interview/ReadBackScreen'
import { installNoAutofill } from './ui/no-autofill'
import './ui/base.css'

initI18n('zh-CN')
// No field is remembered by the browser engine (autofill, form history): see ui/no-autofill.
installNoAutofill(document)
// The desktop shell's second window (the petitioner-facing read-back) shows that view alone.
const readBack = readBackRouteId(location.hash)
createRoot(document.getElementById('root')!).render(
  <StrictMode>{readBack ? <ReadBackScreen interviewId={readBack} /> : <App />}</StrictMode>
)
