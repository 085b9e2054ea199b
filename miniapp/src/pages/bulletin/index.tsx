import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { IssueSummary } from '@zhijian/shared';
import { Page } from '../../components/Page';
import { PagedList } from '../../components/PagedList';
import { StateView } from '../../components/StateView';
import { usePagedList } from '../../hooks/usePagedList';
import { useRequireSession } from '../../hooks/useSession';
import { BULLETIN_ISSUE_PAGE, BULLETIN_SEARCH_PAGE } from '../../routes';
import { bulletinTemplateId, isWeapp } from '../../services/env';
import { listIssues, markNewIssue, subscribeToNewIssues } from '../../services/bulletins';
import { useEffect } from 'react';
import { formatChineseDate } from '../../utils/format';
import { SubscribeReminder } from './SubscribeReminder';
import './index.scss';

function yearOf(issue: IssueSummary): string {
  return issue.year === null ? '未注明年份' : `${issue.year} 年`;
}

function IssueRow({ issue }: { issue: IssueSummary }) {
  const meta = [formatChineseDate(issue.date), `共 ${issue.articleCount} 篇`].filter(Boolean).join(' · ');
  return (
    <View
      className="zj-issue-row"
      hoverClass="zj-issue-row--hover"
      onClick={() => void Taro.navigateTo({ url: `${BULLETIN_ISSUE_PAGE}?id=${issue.id}` })}
    >
      <View className="zj-issue-row__head">
        {issue.unreadCount > 0 ? (
          <View className="zj-unread-dot" ariaLabel={issue.unreadCount === issue.articleCount ? '未读' : `${issue.unreadCount} 篇未读`} />
        ) : null}
        <Text className="zj-issue-row__label">{issue.label}</Text>
      </View>
      <Text className="zj-issue-row__meta">{meta}</Text>
      {issue.leadTitles.map((title) => (
        <Text key={title} className="zj-issue-row__lead">
          {title}
        </Text>
      ))}
    </View>
  );
}

function IssueList() {
  const list = usePagedList((page, pageSize) => listIssues(page, pageSize), []);
  // Back from reading: the dots follow what was read.
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh();
  });
  // The tab's badge: the newest issue is out and not opened yet.
  const newest = list.status === 'ready' ? list.items[0] : undefined;
  const isNew = !!newest && newest.articleCount > 0 && newest.unreadCount === newest.articleCount;
  useEffect(() => {
    if (list.status === 'ready') markNewIssue(isNew);
  }, [list.status, isNew]);
  return (
    <PagedList
      list={list}
      keyOf={(issue) => issue.id}
      groupOf={yearOf}
      renderItem={(issue) => <IssueRow issue={issue} />}
      emptyTitle="还没有发布的简报"
      emptyDescription="协会秘书处发布新一期简报后会显示在这里。"
    />
  );
}

/** The 简报 tab: every published issue, newest first under year headers, and the way into search. */
export default function BulletinTab() {
  const session = useRequireSession();
  // Reminders need WeChat's subscription prompt and a template the build knows.
  const templateId = isWeapp() ? bulletinTemplateId() : '';
  return (
    <Page className="zj-bulletin-tab">
      <View
        className="zj-bulletin-tab__search"
        ariaRole="search"
        hoverClass="zj-bulletin-tab__search--hover"
        onClick={() => void Taro.navigateTo({ url: BULLETIN_SEARCH_PAGE })}
      >
        <Text className="zj-bulletin-tab__search-icon">⌕</Text>
        <Text className="zj-bulletin-tab__search-text">搜索往期简报，如“固定活动日”</Text>
      </View>
      {templateId ? <SubscribeReminder onSubscribe={() => subscribeToNewIssues(templateId)} /> : null}
      {session ? <IssueList /> : <StateView kind="loading" />}
    </Page>
  );
}
