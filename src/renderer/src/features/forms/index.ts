// The forms feature's public entry: what other features may use (the screens are reached through app/routes).
export { CasePrintPanel, BlankFormsPanel } from './CasePrintPanel'
