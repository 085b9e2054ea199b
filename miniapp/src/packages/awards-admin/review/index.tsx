import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AWARD_KINDS, AWARD_LABELS, type AwardCandidate, type AwardKind } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Chips } from '../../../components/Chips';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { usePagedList } from '../../../hooks/usePagedList';
import { useHasRole } from '../../../hooks/useSession';
import { AWARD_CERTIFICATE_PAGE } from '../../../routes';
import {
  answerObjection,
  awardCandidates,
  decideCandidate,
  exportAwardCandidates,
  exportAwardWinners,
  loadAwardProcess,
  publishAwards,
  recommendCandidate,
  setAwardRules,
  startAwardPublicity,
  type CandidateView,
} from '../../../services/awards';
import { CandidateCard } from '../components/CandidateCard';
import { ReviewProcess } from '../components/ReviewProcess';
import { RulesForm } from '../components/RulesForm';
import '../../awards/components/awards.scss';

const AWARD_OPTIONS = AWARD_KINDS.map((value) => ({ value, label: AWARD_LABELS[value] }));
const SHOW_OPTIONS: Array<{ value: CandidateView; label: string }> = [
  { value: 'eligible', label: '符合条件' },
  { value: 'recommended', label: '片组推荐' },
  { value: 'all', label: '全部候选' },
];

function Review({ id }: { id: number }) {
  const committee = useHasRole(['secretariat']);
  const leader = useHasRole(['group_leader']);
  const loaded = useLoaded(id, loadAwardProcess, { refreshOnShow: true });
  const [award, setAward] = useState<AwardKind>('unit');
  const [show, setShow] = useState<CandidateView>(committee ? 'recommended' : 'eligible');
  const [editingRules, setEditingRules] = useState(false);
  const list = usePagedList<AwardCandidate>((page, pageSize) => awardCandidates(id, award, show, page, pageSize), [id, award, show]);
  if (!loaded.data)
    return loaded.error ? <StateView kind="error" description={loaded.error} onRetry={loaded.reload} /> : <StateView kind="loading" />;
  const { review, objections, drafts } = loaded.data;
  const open = review.status === 'open';
  const after = async (work: Promise<unknown>) => {
    await work;
    loaded.reload();
    await list.refresh();
  };
  return (
    <>
      <View className="zj-award__head">
        <Text className="zj-award__name">{review.year} 年度评优</Text>
        <Text className="zj-award__tag">{review.statusLabel}</Text>
      </View>
      {committee ? (
        <ReviewProcess
          review={review}
          objections={objections}
          drafts={drafts}
          now={new Date()}
          onStartPublicity={() => after(startAwardPublicity(id))}
          onAnswer={(objectionId, answer) => after(answerObjection(objectionId, answer))}
          onPublish={(issueId) => after(publishAwards(id, issueId))}
          onExportCandidates={() => exportAwardCandidates(id, review.year)}
          onExportWinners={() => exportAwardWinners(id, review.year)}
        />
      ) : null}
      {committee && open ? (
        editingRules ? (
          <RulesForm
            rules={review.rules}
            onSave={async (rules) => {
              await after(setAwardRules(id, rules));
              setEditingRules(false);
            }}
          />
        ) : (
          <Button block variant="plain" onClick={() => setEditingRules(true)}>
            修改评选规则
          </Button>
        )
      ) : null}
      {!committee && leader ? (
        <Text className="zj-award__note">本片组每项最多推荐 {review.rules.recommendLimit} 名，只显示本片组的候选。</Text>
      ) : null}
      <Chips options={AWARD_OPTIONS} value={award} onChange={setAward} />
      <Chips options={SHOW_OPTIONS} value={show} onChange={setShow} />
      <PagedList
        list={list}
        keyOf={(candidate) => candidate.id}
        emptyTitle="没有候选"
        renderItem={(candidate) => (
          <CandidateCard
            candidate={candidate}
            canRecommend={leader && open}
            canDecide={committee && open}
            onRecommend={(note) => after(recommendCandidate(candidate.id, note))}
            onDecide={(selected, note) => after(decideCandidate(candidate.id, selected, note))}
            onCertificate={
              committee && review.status === 'published' && candidate.decision?.selected
                ? () => void Taro.navigateTo({ url: `${AWARD_CERTIFICATE_PAGE}?id=${candidate.id}` })
                : undefined
            }
          />
        )}
      />
    </>
  );
}

/** One year's review: candidates with figures beside rules; 片组 recommend, the committee decides, 公示, publication. */
export default function AwardReviewPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page className="zj-awards-page">
      <RoleGate roles={['secretariat', 'group_leader']}>
        {Number.isInteger(id) && id > 0 ? <Review id={id} /> : <StateView kind="empty" title="没有找到这次评优" />}
      </RoleGate>
    </Page>
  );
}
