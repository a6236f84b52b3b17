// The aftercare feature's public entry: what other features may use.
export { OpinionsCard } from './OpinionsCard'
export { ReturnVisitsCard } from './ReturnVisits'
export { CaseAftercarePanel } from './CaseAftercarePanel'
export { SupervisionRecordsScreen } from './SupervisionScreen'
export { ReportScreen } from './ReportScreen'
export { WarningsScreen } from './WarningsScreen'
export { noticeKindLabel } from './labels'
