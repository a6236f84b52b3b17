// The cases feature's public entry: what other features may use (the screens are reached through app/routes).
export { CaseTable } from './CaseTable'
export { RiskBadge, StatusTag } from './CaseBadges'
