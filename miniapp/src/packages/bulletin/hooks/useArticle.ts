import type { Article, IssueDetail } from '@zhijian/shared';
import { useLoaded, type Loaded } from '../../../hooks/useLoaded';
import { api, call } from '../../../services/api';

export function useArticle(articleId: number | null): Loaded<Article> {
  return useLoaded(articleId, (id) => call(api.bulletins.getArticle, { params: { id } }));
}

/** The issue with its 导读; `null` until asked for (the 导读 sheet opens it). */
export function useIssue(issueId: number | null): Loaded<IssueDetail> {
  return useLoaded(issueId, (id) => call(api.bulletins.getIssue, { params: { id } }));
}
