// The interview feature's public entry: what other features may use (the screens are reached through app/routes).
export { StartInterviewButton } from './StartInterviewButton'
export { CaseCrisis } from './CaseCrisis'
