/**
 * The mini-program page that shows one issue. The server puts it into "new 简报" subscription
 * messages and the mini-program declares it (miniapp/src/routes.ts), so both read it from here.
 */
export const BULLETIN_ISSUE_PAGE_PATH = 'packages/bulletin/issue/index';

/** The page a reminder opens: no leading slash, as WeChat's subscribeMessage.send wants it. */
export function bulletinIssuePage(issueId: number): string {
  return `${BULLETIN_ISSUE_PAGE_PATH}?id=${issueId}`;
}
