import type { Migration } from '../migrate'
import { m0001 } from './0001_foundation'
import { m0002 } from './0002_cases'
import { m0003 } from './0003_interview'
import { m0004 } from './0004_supervisor'
import { m0005 } from './0005_notices'
import { m0006 } from './0006_archive_indexes'
import { m0007 } from './0007_record_corrections'
import { m0009 } from './0009_case_aware'
import { m0010 } from './0010_drafts'
import { m0013 } from './0013_confidential'
import { m0014 } from './0014_people'
import { m0015 } from './0015_multi_tick'
import { m0016 } from './0016_archive'
import { m0017 } from './0017_referrals'
import { m0018 } from './0018_referrals_backfill'

/** In order; one file per version. Never edit a released step: add the next one. */
export const MIGRATIONS: Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0009, m0010, m0013, m0014, m0015, m0016, m0017, m0018, m0019]
