import { importJobStore } from './control/import/import-job.repository.ts';
import { loadLedger } from './control/ledger/ledger.repository.ts';
import { asOfFor } from './control/ledger/ledger.service.ts';
import { subsidyRegisterReader } from './control/subsidies/subsidy-register.ts';
import { rescoreLedgerLinked } from './evaluations/ledger-linked.ts';
import { onLedgerChanged } from './events/ledger-events.ts';
import { latestRound } from './monitoring/monitoring-round.ts';
import { provideLedgerReader } from './ports/ledger-reader.ts';
import { provideMonitoringReader } from './ports/monitoring-reader.ts';
import { provideRectificationReader } from './ports/rectification-reader.ts';
import { provideResultReader } from './ports/result-reader.ts';
import { provideSubsidyRegister } from './ports/subsidy-register.ts';
import { provideSurveyReader } from './ports/survey-reader.ts';
import { carriedInto } from './rectification/rectification.service.ts';
import { appliedResultFor, appliedResultForProject } from './results/results.service.ts';
import { surveyActuals } from './surveys/survey-sources.ts';

let wired = false;

/**
 * The composition root of the modules that must not import each other (biome.json forbids it): internal
 * control provides the ledger the evaluations read, and the evaluations re-score on the ledger writes
 * control announces. Called when the app is built and before the demo is seeded; once per process.
 */
export function wireModules(): void {
  if (wired) return;
  wired = true;
  provideLedgerReader({ load: loadLedger, asOf: asOfFor });
  onLedgerChanged(rescoreLedgerLinked);
  provideSubsidyRegister(subsidyRegisterReader);
  provideSurveyReader(surveyActuals);
  provideRectificationReader({ carriedInto });
  provideResultReader({ appliedResultFor, appliedResultForProject });
  provideMonitoringReader({ latestRound });
}

/** Every kind of background job, for the sweeps that settle those whose process ended (jobs/stale-jobs.ts). */
export const JOB_STORES = [importJobStore] as const;
