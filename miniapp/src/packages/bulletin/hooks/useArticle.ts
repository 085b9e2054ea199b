import type { Article, IssueDetail } from '@zhijian/shared';
import { useLoaded, type Loaded } from '../../../hooks/useLoaded';
import { getArticle, getIssue } from '../../../services/bulletins';

export function useArticle(articleId: number | null): Loaded<Article> {
  return useLoaded(articleId, getArticle);
}

/** The issue with its 导读; `null` until asked for (the 导读 sheet opens it). */
export function useIssue(issueId: number | null): Loaded<IssueDetail> {
  // Back from an article: its 导读 shows it read.
  return useLoaded(issueId, getIssue, { refreshOnShow: true });
}
