import { Text, View } from '@tarojs/components';
import { DecideInput, RecommendInput, type AwardCandidate } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import '../../awards/components/awards.scss';

/** Each frozen figure beside the rule that used it and the points it gave. */
export function RuleLines({ lines }: { lines: AwardCandidate['lines'] }) {
  return (
    <View className="zj-award__lines">
      {lines.map((line) => (
        <View key={line.label} className={`zj-award__line${line.met ? '' : ' zj-award__line--unmet'}`}>
          <Text className="zj-award__line-label">{line.label}</Text>
          <Text className="zj-award__line-value">{line.value}</Text>
          <Text className="zj-award__line-rule">{line.rule}</Text>
          <Text className="zj-award__line-points">{line.points === null ? (line.met ? '符合' : '不符合') : `${line.points} 分`}</Text>
        </View>
      ))}
    </View>
  );
}

export interface CandidateCardProps {
  candidate: AwardCandidate;
  /** The 片组长 may recommend (the review is open); the committee may decide. */
  canRecommend: boolean;
  canDecide: boolean;
  onRecommend: (note: string) => Promise<unknown>;
  onDecide: (selected: boolean, note: string) => Promise<unknown>;
  onCertificate?: () => void;
}

/** A candidate: figures and rules, the 片组's recommendation, the committee's decision, and what the viewer may do. */
export function CandidateCard({ candidate, canRecommend, canDecide, onRecommend, onDecide, onCertificate }: CandidateCardProps) {
  const [note, setNote] = useState('');
  const recommend = useAction(async (input: { note: string }) => onRecommend(input.note), {
    check: RecommendInput,
    inline: true,
    success: '已推荐',
  });
  const decide = useAction(async (input: { selected: boolean; note: string }) => onDecide(input.selected, input.note), {
    check: DecideInput,
    inline: true,
    success: '已记录评审意见',
  });
  const { recommendation, decision } = candidate;
  const writing = (canRecommend && !recommendation && candidate.eligible) || (canDecide && recommendation !== null);
  return (
    <Card>
      <View className="zj-award__head">
        <Text className="zj-award__name">{candidate.name}</Text>
        <Text className="zj-award__meta">
          {candidate.award === 'unit' ? '' : `${candidate.unit.name} · `}
          {candidate.group.name} · 得分 {candidate.score}
        </Text>
        <Text className={`zj-award__tag${candidate.eligible ? ' zj-award__tag--ok' : ' zj-award__tag--muted'}`}>
          {candidate.eligible ? '符合条件' : '不符合条件'}
        </Text>
      </View>
      <RuleLines lines={candidate.lines} />
      {recommendation ? (
        <Text className="zj-award__note">
          片组推荐{recommendation.by ? `（${recommendation.by}）` : ''}：{recommendation.note}
        </Text>
      ) : null}
      {decision ? (
        <Text className="zj-award__note">
          评审：{decision.selected ? '评选' : '未评选'}——{decision.note}
        </Text>
      ) : null}
      {writing ? (
        <TextArea
          name="note"
          label={canDecide ? '评审意见' : '推荐理由'}
          value={note}
          maxlength={500}
          placeholder={canDecide ? '写明评审意见（2–500 字）' : '写明推荐理由（2–500 字）'}
          error={(canDecide ? decide : recommend).problems.note}
          onChange={(value) => {
            setNote(value);
            recommend.reset('note');
            decide.reset('note');
          }}
        />
      ) : null}
      {recommend.error || decide.error ? <Text className="zj-award__error">{recommend.error ?? decide.error}</Text> : null}
      <View className="zj-award__actions">
        {canRecommend && !recommendation && candidate.eligible ? (
          <Button size="small" loading={recommend.busy} onClick={() => void recommend.run({ note })}>
            推荐
          </Button>
        ) : null}
        {canDecide && recommendation ? (
          <>
            <Button size="small" loading={decide.busy} onClick={() => void decide.run({ selected: true, note })}>
              评选
            </Button>
            <Button size="small" variant="secondary" loading={decide.busy} onClick={() => void decide.run({ selected: false, note })}>
              不评选
            </Button>
          </>
        ) : null}
        {onCertificate ? (
          <Button size="small" variant="plain" onClick={onCertificate}>
            打印证书
          </Button>
        ) : null}
      </View>
    </Card>
  );
}
