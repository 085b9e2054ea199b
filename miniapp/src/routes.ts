/** Page paths in one place, so links and redirects cannot drift from app.config.ts. */
export const SIGN_IN_PAGE = '/pages/signin/index';
export const BIND_PAGE = '/pages/bind/index';
export const PRIVACY_PAGE = '/pages/privacy/index';
export const HOME_TAB = '/pages/bulletin/index';
export const ME_TAB = '/pages/me/index';
export const ROSTER_PAGE = '/packages/unit-admin/roster/index';
export const UNITS_PAGE = '/packages/secretariat/units/index';
export const AUDIT_PAGE = '/packages/secretariat/audit/index';
export const REVIEW_QUEUE_PAGE = '/packages/reviewer/queue/index';
