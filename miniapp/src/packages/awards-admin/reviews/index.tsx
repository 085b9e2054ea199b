import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { shanghaiYear, type AwardReview } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { useHasRole } from '../../../hooks/useSession';
import { AWARD_REVIEW_PAGE } from '../../../routes';
import { awardReviews, openAwardReview } from '../../../services/awards';
import '../../awards/components/awards.scss';

export function ReviewSummary({ review, onOpen }: { review: AwardReview; onOpen: () => void }) {
  return (
    <Card>
      <View className="zj-award__head">
        <Text className="zj-award__name">{review.year} 年度评优</Text>
        <Text className="zj-award__tag">{review.statusLabel}</Text>
      </View>
      {review.awards.map((award) => (
        <Text key={award.award} className="zj-award__note">
          {award.label}：候选 {award.candidates}，符合条件 {award.eligible}，片组推荐 {award.recommended}，评选 {award.selected}
        </Text>
      ))}
      <View className="zj-award__actions">
        <Button size="small" onClick={onOpen}>
          进入
        </Button>
      </View>
    </Card>
  );
}

/** A year's review is opened once: the snapshot is taken then. */
function OpenYear({ taken, onOpened }: { taken: number[]; onOpened: (review: AwardReview) => void }) {
  const thisYear = shanghaiYear(new Date());
  const years = [thisYear, thisYear - 1].filter((year) => !taken.includes(year)).map((value) => ({ value, label: `${value} 年度` }));
  const [year, setYear] = useState<number | null>(null);
  const open = useAction(async (value: number) => onOpened(await openAwardReview(value)), {
    confirm: (value) => ({
      title: `开启 ${value} 年度评优`,
      content: '开启时冻结该年度的出勤、先锋指数、评比、信息、志愿服务与来信数据，之后的修改不再影响评优。',
      confirmText: '开启',
    }),
    success: '已开启',
  });
  if (years.length === 0) return null;
  return (
    <Card title="开启年度评优">
      <Chips options={years} value={year} onChange={setYear} />
      <Button block disabled={year === null} loading={open.busy} onClick={() => year !== null && void open.run(year)}>
        开启并冻结数据
      </Button>
    </Card>
  );
}

function Reviews() {
  const committee = useHasRole(['secretariat']);
  const reviews = useLoaded('award-reviews', awardReviews, { refreshOnShow: true });
  const go = (id: number) => void Taro.navigateTo({ url: `${AWARD_REVIEW_PAGE}?id=${id}` });
  if (!reviews.data)
    return reviews.error ? <StateView kind="error" description={reviews.error} onRetry={reviews.reload} /> : <StateView kind="loading" />;
  return (
    <>
      {committee ? <OpenYear taken={reviews.data.map((r) => r.year)} onOpened={(review) => go(review.id)} /> : null}
      {reviews.data.length === 0 ? <StateView kind="empty" title="还没有开启的年度评优" /> : null}
      {reviews.data.map((review) => (
        <ReviewSummary key={review.id} review={review} onOpen={() => go(review.id)} />
      ))}
    </>
  );
}

/** 年度评优: the years, and opening a new one (the secretariat). */
export default function AwardReviewsPage() {
  return (
    <Page className="zj-awards-page">
      <RoleGate roles={['secretariat', 'group_leader']}>
        <Reviews />
      </RoleGate>
    </Page>
  );
}
