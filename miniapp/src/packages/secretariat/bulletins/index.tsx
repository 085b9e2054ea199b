import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { IssueStatus, IssueSummary } from '@zhijian/shared';
import { useRef, useState } from 'react';
import type { z } from 'zod';
import { Button } from '../../../components/Button';
import { Cell } from '../../../components/Cell';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { BULLETIN_EDIT_PAGE, BULLETIN_IMPORT_PAGE } from '../../../routes';
import { listIssues } from '../../../services/bulletins';
import { formatChineseDate } from '../../../utils/format';
import { Segmented } from '../components/Segmented';
import './index.scss';

type Status = z.output<typeof IssueStatus>;
const STATUS_OPTIONS = [
  { value: 'draft', label: '草稿' },
  { value: 'published', label: '已发布' },
] as const;

function IssueRow({ issue }: { issue: IssueSummary }) {
  const note = [formatChineseDate(issue.date), `${issue.articleCount} 篇文章`].filter(Boolean).join(' · ');
  return (
    <Cell
      title={issue.label}
      note={note}
      value={issue.status === 'draft' ? '草稿' : '已发布'}
      arrow
      onClick={() => void Taro.navigateTo({ url: `${BULLETIN_EDIT_PAGE}?id=${issue.id}` })}
    />
  );
}

function IssueDesk() {
  const [status, setStatus] = useState<Status>('draft');
  const list = usePagedList((page, pageSize) => listIssues(page, pageSize, status), [status]);
  const shownBefore = useRef(false);
  useDidShow(() => {
    // Back from the editor: show the new or changed issue.
    if (shownBefore.current) void list.refresh();
    shownBefore.current = true;
  });
  return (
    <>
      <View className="zj-desk__actions">
        <Button onClick={() => void Taro.navigateTo({ url: BULLETIN_EDIT_PAGE })}>新建一期</Button>
        <Button variant="secondary" onClick={() => void Taro.navigateTo({ url: BULLETIN_IMPORT_PAGE })}>
          导入往期
        </Button>
      </View>
      <Segmented options={STATUS_OPTIONS} value={status} onChange={setStatus} />
      <PagedList
        list={list}
        keyOf={(issue) => issue.id}
        groupOf={(issue) => (issue.year === null ? '未注明年份' : `${issue.year} 年`)}
        renderItem={(issue) => <IssueRow issue={issue} />}
        emptyTitle={status === 'draft' ? '没有草稿' : '还没有发布的简报'}
        emptyDescription={status === 'draft' ? '点“新建一期”开始编辑下一期简报。' : '发布草稿或导入往期后会显示在这里。'}
      />
      <Text className="zj-desk__note">已发布的简报仍可更正，每次修改都记入审计日志。</Text>
    </>
  );
}

/** 编辑简报: the secretariat's drafts and published issues, and the way to a new one. */
export default function BulletinDeskPage() {
  return (
    <Page className="zj-desk">
      <RoleGate roles={['secretariat']}>
        <IssueDesk />
      </RoleGate>
    </Page>
  );
}
