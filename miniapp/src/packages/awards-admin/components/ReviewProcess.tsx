import { Text, View } from '@tarojs/components';
import type { AwardObjection, AwardReview, IssueSummary } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { useAction } from '../../../hooks/useAction';
import { formatDateTime } from '../../../utils/format';
import { ObjectionItem } from './ObjectionItem';
import '../../awards/components/awards.scss';

export interface ReviewProcessProps {
  review: AwardReview;
  objections: AwardObjection[];
  drafts: IssueSummary[];
  now: Date;
  onStartPublicity: () => Promise<unknown>;
  onAnswer: (objectionId: number, answer: string) => Promise<unknown>;
  onPublish: (issueId: number) => Promise<unknown>;
  onExportCandidates: () => Promise<unknown>;
  onExportWinners: () => Promise<unknown>;
}

/** The committee's steps: 公示, objections and their answers, publication into a 简报 draft; the exports. */
export function ReviewProcess(props: ReviewProcessProps) {
  const { review, objections, drafts, now } = props;
  const [issueId, setIssueId] = useState<number | null>(null);
  const selected = review.awards.reduce((sum, award) => sum + award.selected, 0);
  const start = useAction(props.onStartPublicity, {
    confirm: {
      title: '开始公示',
      content: `将公示 ${selected} 名获奖者 ${review.rules.publicityDays} 天，公示期间不能再修改规则和评审结果。`,
      confirmText: '开始公示',
    },
    success: '公示已开始',
  });
  const publish = useAction(props.onPublish, {
    confirm: { title: '发布评优结果', content: '发布后荣誉写入获奖党员的党员卡和单位记录，名单编入所选简报草稿。', confirmText: '发布' },
    success: '已发布',
  });
  const exportCandidates = useAction(props.onExportCandidates);
  const exportWinners = useAction(props.onExportWinners);
  const ended = review.publicityEndsAt !== null && now >= new Date(review.publicityEndsAt);
  const unanswered = review.objections.unanswered;
  return (
    <Card title="评审流程">
      {review.status === 'open' ? (
        <>
          <Text className="zj-award__note">已评选 {selected} 名。各片组推荐后，由评审委员会逐一评审并写明意见，然后开始公示。</Text>
          <Button block disabled={selected === 0} loading={start.busy} onClick={() => void start.run()}>
            开始公示
          </Button>
        </>
      ) : null}
      {review.status === 'publicity' ? (
        <Text className="zj-award__note">
          公示 {formatDateTime(review.publicityStartsAt!)} 至 {formatDateTime(review.publicityEndsAt!)}
          {ended ? '（已结束）' : ''}；异议 {review.objections.total} 条，未答复 {unanswered} 条。
        </Text>
      ) : null}
      {review.status === 'published' ? (
        <Text className="zj-award__note">已于 {formatDateTime(review.publishedAt!)} 发布，名单已编入简报草稿。</Text>
      ) : null}
      {objections.map((objection) => (
        <ObjectionItem key={objection.id} objection={objection} onAnswer={(answer) => props.onAnswer(objection.id, answer)} />
      ))}
      {review.status === 'publicity' ? (
        ended && unanswered === 0 ? (
          drafts.length ? (
            <View>
              <Text className="zj-award__note">选择编入名单的简报草稿：</Text>
              <Chips options={drafts.map((d) => ({ value: d.id, label: d.label }))} value={issueId} onChange={setIssueId} />
              <Button
                block
                disabled={issueId === null}
                loading={publish.busy}
                onClick={() => issueId !== null && void publish.run(issueId)}
              >
                发布评优结果
              </Button>
            </View>
          ) : (
            <Text className="zj-award__note">没有简报草稿：请先在简报中新建一期草稿。</Text>
          )
        ) : (
          <Text className="zj-award__note">{ended ? '请先答复全部异议。' : '公示期满且异议均已答复后可发布。'}</Text>
        )
      ) : null}
      <View className="zj-award__actions">
        <Button size="small" variant="secondary" loading={exportCandidates.busy} onClick={() => void exportCandidates.run()}>
          导出候选（xlsx）
        </Button>
        {selected > 0 ? (
          <Button size="small" variant="secondary" loading={exportWinners.busy} onClick={() => void exportWinners.run()}>
            导出获奖名单（xlsx）
          </Button>
        ) : null}
      </View>
    </Card>
  );
}
