import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { IssueSummary, ReviewerLoad } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { DateTimePicker } from '../../../components/DatePicker';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { EntryContent } from '../../../components/submissions/EntryContent';
import { StatusTag } from '../../../components/submissions/StatusTag';
import { Timeline } from '../../../components/submissions/Timeline';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import {
  adoptNews,
  assignReviewer,
  loadDeskEntry,
  placeCaseInBulletin,
  prescreenEntry,
  registerEntry,
  reopenReview,
} from '../../../services/desk';
import { UserError } from '../../../services/errors';
import { entryFileUrl } from '../../../services/entryFiles';
import { formatDateTime, parseShanghaiInput } from '../../../utils/format';
import './index.scss';

const WEEK = 7 * 86_400_000;

function Prescreen({ onDecide }: { onDecide: (decision: 'pass' | 'return' | 'reject', comment: string) => void }) {
  const [comment, setComment] = useState('');
  return (
    <Card title="初审">
      <TextArea label="意见（退回修改、不通过时必填）" value={comment} maxlength={1000} onChange={setComment} />
      <View className="zj-desk-entry__decisions">
        <Button size="small" onClick={() => onDecide('pass', comment)}>
          初审通过
        </Button>
        <Button size="small" variant="secondary" onClick={() => onDecide('return', comment)}>
          退回修改
        </Button>
        <Button size="small" variant="danger" onClick={() => onDecide('reject', comment)}>
          不通过
        </Button>
      </View>
    </Card>
  );
}

function Assign({
  reviewers,
  onAssign,
}: {
  reviewers: ReviewerLoad[];
  onAssign: (reviewerId: number, deadline: string, reason: string) => void;
}) {
  const [reviewerId, setReviewerId] = useState<number | null>(null);
  const [deadline, setDeadline] = useState(formatDateTime(new Date(Date.now() + WEEK).toISOString()).slice(0, 10) + ' 18:00');
  const [reason, setReason] = useState('');
  return (
    <Card title="指定评审专家">
      <Chips
        options={reviewers.map((r) => ({ value: r.id, label: `${r.name}（${r.unitName ?? '外聘'} · 已分配 ${r.assigned}）` }))}
        value={reviewerId}
        onChange={setReviewerId}
      />
      <DateTimePicker label="评审截止时间（北京时间）" value={deadline} onChange={setDeadline} />
      <Field label="指定本单位或同片组专家的理由（其他情况不填）" value={reason} maxlength={200} onChange={setReason} />
      <Button size="small" disabled={reviewerId === null} onClick={() => reviewerId !== null && onAssign(reviewerId, deadline, reason)}>
        指定
      </Button>
    </Card>
  );
}

function Adopt({ issues, label, onAdopt }: { issues: IssueSummary[]; label: string; onAdopt: (issueId: number, section: string) => void }) {
  const [issueId, setIssueId] = useState<number | null>(null);
  const [section, setSection] = useState('');
  return (
    <Card title={label}>
      {issues.length ? (
        <>
          <Chips
            options={issues.map((i) => ({ value: i.id, label: `${i.label}（${i.articleCount} 篇）` }))}
            value={issueId}
            onChange={setIssueId}
          />
          <Field label="栏目（可不填）" value={section} maxlength={50} placeholder="如：会员动态" onChange={setSection} />
          <Button size="small" disabled={issueId === null} onClick={() => issueId !== null && onAdopt(issueId, section)}>
            编入这一期
          </Button>
        </>
      ) : (
        <Text className="zj-muted">没有简报草稿：请先在简报中新建一期草稿。</Text>
      )}
    </Card>
  );
}

/** One entry at the desk: register, pre-screen, assign reviewers, reopen a review, adopt into the 简报. */
export default function DeskEntryPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const loaded = useLoaded(id, loadDeskEntry, { refreshOnShow: true });
  const [reopenReason, setReopenReason] = useState('');
  /** Any step at the desk, said in a toast; the entry is read again afterwards. */
  const act = useAction(
    async (work: () => Promise<unknown>, _done: string) => {
      await work();
      await loaded.refresh();
    },
    { success: (_, _work, done) => done },
  );

  if (loaded.error)
    return (
      <Page>
        <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />
      </Page>
    );
  if (!loaded.data)
    return (
      <Page>
        <StateView kind="loading" />
      </Page>
    );
  const { entry, reviewers, drafts } = loaded.data;
  const reviewed = entry.callKind !== 'news';
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <Card>
          <View className="zj-desk-entry__head">
            <StatusTag status={entry.status} />
            <Text>{entry.registrationNumber ?? '未登记'}</Text>
          </View>
          <Text className="zj-muted">
            {entry.unitName} · {entry.authorName} · 联系人 {entry.contactName} {entry.contactPhone}
          </Text>
        </Card>
        {entry.status === 'submitted' ? (
          <Button block onClick={() => void act.run(() => registerEntry(id), '已登记')}>
            登记
          </Button>
        ) : null}
        {entry.status === 'registered' && reviewed ? (
          <Prescreen
            onDecide={(decision, comment) =>
              void act.run(() => prescreenEntry(id, { decision, comment: comment || undefined }), '已记录初审结果')
            }
          />
        ) : null}
        {reviewed && ['passed', 'in_review'].includes(entry.status) ? (
          <Assign
            reviewers={reviewers}
            onAssign={(reviewerId, deadline, reason) =>
              void act.run(async () => {
                const iso = parseShanghaiInput(deadline);
                if (!iso) throw new UserError('请选择评审截止时间的日期和时间');
                await assignReviewer(id, { reviewerId, deadline: iso, overrideReason: reason.trim() || undefined });
              }, '已指定')
            }
          />
        ) : null}
        {entry.assignments?.length ? (
          <Card title="评审专家">
            {entry.assignments.some((a) => a.reviewStatus === 'submitted' && a.status === 'active') ? (
              <Field
                label="退回重评的理由（退回时必填，新的截止时间为一周后）"
                value={reopenReason}
                maxlength={200}
                onChange={setReopenReason}
              />
            ) : null}
            {entry.assignments.map((a) => (
              <View key={a.id} className="zj-desk-entry__assignment">
                <Text>
                  {a.reviewerName} ·{' '}
                  {a.status === 'declined'
                    ? `已谢绝：${a.declineReason}`
                    : a.reviewStatus === 'submitted'
                      ? `已评 ${a.weightedScore} 分`
                      : a.reviewStatus === 'draft'
                        ? '草稿'
                        : '未开始'}
                  {a.conflictOverrideReason ? `（回避例外：${a.conflictOverrideReason}）` : ''}
                </Text>
                {a.reviewStatus === 'submitted' && a.status === 'active' ? (
                  <Button
                    size="small"
                    variant="plain"
                    disabled={reopenReason.trim().length < 2}
                    onClick={() =>
                      void act.run(
                        () => reopenReview(a.id, { reason: reopenReason.trim(), deadline: new Date(Date.now() + WEEK).toISOString() }),
                        '已退回重评',
                      )
                    }
                  >
                    退回重评
                  </Button>
                ) : null}
              </View>
            ))}
          </Card>
        ) : null}
        {entry.callKind === 'news' && ['submitted', 'registered', 'passed'].includes(entry.status) ? (
          <Adopt
            issues={drafts}
            label="采用进简报"
            onAdopt={(issueId, section) => void act.run(() => adoptNews(id, { issueId, section: section || null }), '已采用')}
          />
        ) : null}
        {entry.status === 'rated' && entry.result ? (
          <Adopt
            issues={drafts}
            label="编入简报（优秀案例）"
            onAdopt={(issueId, section) => void act.run(() => placeCaseInBulletin(id, { issueId, section: section || null }), '已编入')}
          />
        ) : null}
        <Card title="进度">
          <Timeline events={entry.timeline} status={entry.status} news={entry.callKind === 'news'} />
        </Card>
        <EntryContent {...entry} fileUrl={entryFileUrl} />
      </RoleGate>
    </Page>
  );
}
