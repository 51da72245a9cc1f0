import type { publicSiteZh } from './public-site.zh.ts';

/** Disclosure settings: what a department's public pages show beyond the published reports. */
export const publicSiteEn: Readonly<Record<keyof typeof publicSiteZh, string>> = {
  'publicSettings.title': 'Disclosure settings: {name}',
  'publicSettings.pickTitle': 'Disclosure settings by department',
  'publicSettings.pickDepartment': 'Pick a department to see or change its disclosure settings',
  'publicSettings.phone': "Show the preparer's phone on the public report pages",
  'publicSettings.rule':
    'Off by default. The phone is a personal detail: it is shown on the public report pages of the department and its units only when the department chooses; the downloaded Word, PDF and self-evaluation tables never contain it.',
  'publicSettings.updated': 'Changed by {name} on {at}',
  'publicSettings.readOnly': "The department's reviewer or head changes the disclosure settings.",
  'publicSettings.confirmOnTitle': "Publish the preparer's phone?",
  'publicSettings.confirmOn':
    "The public will see the preparer's phone on the public report pages of {name} and its units. The change is recorded in the audit log.",
  'publicSettings.confirmOffTitle': "Stop publishing the preparer's phone?",
  'publicSettings.confirmOff':
    "The public report pages of {name} will no longer show the preparer's phone. The change is recorded in the audit log.",
  'publicSettings.saved': 'Disclosure settings saved',
};
