import type { helpZh } from './help.zh.ts';

export const helpEn: Readonly<Record<keyof typeof helpZh, string>> = {
  'help.button': 'Help',
  'help.rules': 'Rules',
  'help.none': 'There is no guide for this page yet.',
  'help.evaluations.title': 'Self-evaluations',
  'help.evaluations.body':
    'The project and department self-evaluations you can see.\n“New self-evaluation” opens a draft for a project or a department; approved targets become its indicators.\nOpen one by its name and fill in actual values, reasons for deviations and evidence; the score and the quality checks follow as you type.\nWhen done, “Submit” at the top of the evaluation sends it to the department’s review.',
  'help.evaluations.rules': 'Measures for project expenditure performance evaluation (Cai Yu [2020] No. 10)',
  'help.evaluation.title': 'A self-evaluation',
  'help.evaluation.body':
    '“Indicators” lists every indicator by level 1, 2 and 3; click a row to edit its actual value and reason.\n“Score” gives each item’s score and how it was computed, in the order of the indicator tree; before any actual value is filled in it reads “Not scored yet”.\n“Budget” can take its figures from the ledger. Errors in the quality check must be fixed before submitting.',
  'help.evaluation.rules': 'Cai Yu [2020] No. 10, annex: indicator framework for project expenditure',
  'help.reviews.title': 'Reviews',
  'help.reviews.body':
    'Self-evaluations waiting for your review, by deadline.\nOpen one, check indicators and evidence, then approve or return it; a return needs an opinion, which the preparer sees.\nEvery step asks for confirmation and is written to the audit log.',
  'help.reviews.rules': 'Cai Yu [2020] No. 10, chapter 4: organising the evaluation',
  'help.declarations.title': 'Target declarations',
  'help.declarations.body':
    'The performance target form of next year’s projects or departments: overall goal, funds and indicators.\nChecks show as you type; once submitted it goes through the department, the finance bureau and approval, and the approved version is what the year-end evaluation scores against.',
  'help.declarations.rules': 'Measures for performance target management of central departments (Cai Yu [2015] No. 88)',
  'help.ledger.title': 'Budget execution',
  'help.ledger.body':
    'Budget, plan, commitments, payments and what is left of each budget line, by unit and year.\nThe indicator cards are computed from the ledger; click a numerator or denominator to list its records.\nLarge budgets can be read in 10k yuan; the conversion is exact to the fen.',
  'help.ledger.rules': 'Internal control standard for administrative institutions (Cai Kuai [2012] No. 21), chapter 3: budget control',
  'help.payments.title': 'Payment requests',
  'help.payments.body':
    'The requester files a payment; the accountant reviews it, the approver approves it and the cashier pays it.\nEach post finds its turn in “My to-dos”; a returned request can be corrected and resubmitted by its requester.\nFilter by status or budget line, or search payee, purpose or invoice.',
  'help.payments.rules': 'Cai Kuai [2012] No. 21, chapter 4: revenue and expenditure control (segregation of duties)',
  'help.procurements.title': 'Procurement',
  'help.procurements.body':
    'Record a procurement need, approve it, award a supplier and sign the contract from it.\nThe estimate is held on the chosen budget line. Search by code, title or supplier.',
  'help.procurements.rules': 'Cai Kuai [2012] No. 21, chapter 5: government procurement control',
  'help.contracts.title': 'Contracts',
  'help.contracts.body':
    'A contract is paid by milestones, each accepted before it is paid.\nThe signer may not accept, and the accepter may not keep the asset.',
  'help.contracts.rules': 'Cai Kuai [2012] No. 21, chapter 8: contract control',
  'help.assets.title': 'Assets',
  'help.assets.body': 'Asset cards, issue, stocktakes and disposals. A disposal needs approval; a stocktake difference needs its reason.',
  'help.assets.rules': 'Cai Kuai [2012] No. 21, chapter 6: asset control',
  'help.subsidies.title': 'Subsidies',
  'help.subsidies.body': 'Recipients, grants and follow-up visits. A follow-up past its date appears in the to-dos.',
  'help.subsidies.rules': 'Cai Kuai [2012] No. 21, chapter 4: revenue and expenditure control',
  'help.audit.title': 'Audit log',
  'help.audit.body':
    'Every write is recorded here: who, when, which record, from what to what.\nFilter by record type, person, dates and record id; expand a row for its field-by-field changes.\nThe administrator can verify the hash chain to confirm nothing was altered.',
  'help.audit.rules': 'Cai Kuai [2012] No. 21, chapter 2: risk assessment and control methods (information systems)',
  'help.overview.title': 'Overview',
  'help.overview.body':
    'The finance bureau’s view of a year: progress, score distribution, share of excellent and good, anomalies, down to departments, units and evaluations.',
  'help.overview.rules': 'Cai Yu [2020] No. 10; Opinions on fully implementing budget performance management (2018)',
  'help.results.title': 'Results applied',
  'help.results.body':
    'A suggestion for next year’s budget by grade (excellent: priority, good: keep, fair: reduce, poor: cancel or suspend), decided by the finance bureau with its reason.',
  'help.results.rules': 'Cai Yu [2020] No. 10, chapter 6: use and publication of results',
};
