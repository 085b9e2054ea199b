/** Pages of the organiser's subpackage (also listed in src/routes.ts for links from other packages). */
export const DESK = '/packages/checkin-admin/desk/index';
export const CODE = '/packages/checkin-admin/code/index';
export const LIVE = '/packages/checkin-admin/live/index';
export const RULES = '/packages/checkin-admin/rules/index';
export const APPROVALS = '/packages/checkin-admin/approvals/index';
export const FIGURES = '/packages/checkin-admin/figures/index';
export const SUMMARY = '/packages/checkin-admin/summary/index';
export const ACTIVITY = '/packages/checkin-admin/activity/index';
export const EXTRA = '/packages/checkin-admin/extra/index';
