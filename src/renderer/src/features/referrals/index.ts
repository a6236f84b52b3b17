// The referrals feature's public entry: the case's ledger, Today's section, the pick-list and the supervisor's screens.
export { ReferralsPanel, ReferralEvents, CaseReferralHistory } from './ReferralsPanel'
export { TodayReferrals } from './TodayReferrals'
export { DirectoryPicker } from './DirectoryPicker'
export { DirectoryScreen } from './DirectoryScreen'
export { SupervisionScreen } from './SupervisionScreen'
export { directoryName } from './directory-words'
