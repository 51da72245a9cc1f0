import type { rollupZh } from './rollup.zh.ts';

export const rollupEn: Readonly<Record<keyof typeof rollupZh, string>> = {
  'tab.rollup': 'Units roll-up',
  'unitRollup.intro':
    'The self-scores of the units and projects below, weighted by their adjusted budgets, for reference only: the department’s overall self-evaluation is still scored by the rules (Caiyu [2020] No. 10), and the roll-up is not part of the formal report. Only handed-in evaluations count.',
  'unitRollup.official': 'Department’s own score (by the rules)',
  'unitRollup.projects': 'Projects, budget-weighted',
  'unitRollup.keyProjects': 'Key projects, budget-weighted',
  'unitRollup.units': 'Units’ overall evaluations, budget-weighted',
  'unitRollup.counted': '{counted} counted, budget {amount} yuan; {notCounted} not counted',
  'unitRollup.keyRule': 'Key projects: adjusted budget of {amount} yuan or more (configurable)',
  'unitRollup.unitTable': 'Units',
  'unitRollup.projectTable': 'Projects',
  'unitRollup.unit': 'Unit',
  'unitRollup.overall': 'Unit’s overall evaluation',
  'unitRollup.projectCount': 'Projects',
  'unitRollup.unitProjects': 'Projects, budget-weighted',
  'unitRollup.project': 'Project',
  'unitRollup.budget': 'Adjusted budget (yuan)',
  'unitRollup.selfScore': 'Self-score',
  'unitRollup.status': 'Status',
  'unitRollup.key': 'Key',
  'unitRollup.notHandedIn': 'Not handed in',
  'unitRollup.none': '—',
  'unitRollup.chart': 'Projects’ self-scores and adjusted budgets',
  'unitRollup.chartScore': 'Self-score',
  'unitRollup.empty': 'No evaluations of units or projects below this department this year',
};
