import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Results } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { closeReviewRound, loadResults, publishResults, setTiers as saveTiers } from '../../../services/desk';
import './index.scss';

/** Ranked results: weighted scores, means, disagreement flags, suggested tiers; set tiers, close the round, publish. */
export default function ResultsPage() {
  const { params } = useRouter();
  const callId = Number(params.callId);
  const loaded = useLoaded(callId, loadResults);
  /** The tier picked per entry, until saved: what was set before, or the suggestion. */
  const [picked, setPicked] = useState<Record<number, string | null>>({});
  const [reason, setReason] = useState('');
  /** Saving tiers, closing the round or publishing: each answers the results as they now stand. */
  const act = useAction(
    async (run: () => Promise<Results>, _done: string) => {
      const results = await run();
      loaded.update((current) => ({ ...current, results }));
      setPicked({});
    },
    { success: (_, _run, done) => done },
  );

  if (loaded.error)
    return (
      <Page>
        <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />
      </Page>
    );
  const { call: current, results } = loaded.data ?? {};
  if (!results || !current)
    return (
      <Page>
        <StateView kind="loading" />
      </Page>
    );
  const tiers: Record<number, string | null> = {
    ...Object.fromEntries(results.rows.map((row) => [row.entryId, row.tier ?? row.suggestedTier])),
    ...picked,
  };
  const open = !results.resultsPublishedAt;
  const reviewing = results.rows.filter((row) => row.status === 'in_review');
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <Card title={current.title}>
          <Text className="zj-muted">加权得分为百分制；分差超过 {results.disagreementThreshold} 分标为“分歧较大”。</Text>
          {results.blocking.length && open ? (
            <View className="zj-results__blocking">
              {results.blocking.map((reasonText) => (
                <Text key={reasonText} className="zj-results__block">
                  · {reasonText}
                </Text>
              ))}
            </View>
          ) : null}
          {!open ? <Text className="zj-results__published">结果已发布</Text> : null}
        </Card>
        {results.rows.map((row) => (
          <Card key={row.entryId}>
            <View className="zj-results__row">
              <Text className="zj-results__rank">{row.rank ?? '—'}</Text>
              <View className="zj-results__main">
                <Text className="zj-results__title">
                  {row.registrationNumber} {row.title}
                </Text>
                <Text className="zj-muted">{row.unitName}</Text>
                <Text className="zj-results__scores">
                  {row.reviews
                    .map((r) => (r.weightedScore === null ? `${r.reviewerName} 未交` : `${r.reviewerName} ${r.weightedScore}`))
                    .join(' · ') || '尚未分配评审'}
                </Text>
                <Text className={row.disagreement ? 'zj-results__flag' : 'zj-muted'}>
                  平均 {row.mean ?? '—'} · 分差 {row.spread ?? '—'}
                  {row.disagreement ? ' · 分歧较大' : ''}
                  {row.suggestedTier ? ` · 建议 ${row.suggestedTier}` : ''}
                </Text>
              </View>
            </View>
            {open && row.status === 'in_review' ? (
              <Chips
                options={current.tiers.map((t) => ({ value: t.name, label: t.name }))}
                value={tiers[row.entryId] ?? null}
                onChange={(tier) => setPicked((all) => ({ ...all, [row.entryId]: tier }))}
              />
            ) : row.tier ? (
              <Text className="zj-results__tier">{row.tier}</Text>
            ) : null}
          </Card>
        ))}
        {open ? (
          <View className="zj-results__actions">
            <Button
              block
              variant="secondary"
              disabled={reviewing.length === 0}
              onClick={() =>
                void act.run(
                  () => saveTiers(callId, { tiers: reviewing.map((row) => ({ entryId: row.entryId, tier: tiers[row.entryId] ?? null })) }),
                  '等次已保存',
                )
              }
            >
              保存等次
            </Button>
            {!results.reviewRoundClosedAt ? (
              <Card title="结束评审轮次">
                <Text className="zj-muted">未提交的评分将不再计入，此后可以发布结果。</Text>
                <Field label="理由" value={reason} maxlength={200} onChange={setReason} />
                <Button
                  size="small"
                  variant="danger"
                  disabled={reason.trim().length < 2}
                  onClick={() => void act.run(() => closeReviewRound(callId, reason), '评审轮次已结束')}
                >
                  结束评审轮次
                </Button>
              </Card>
            ) : null}
            <Button block disabled={results.blocking.length > 0} onClick={() => void act.run(() => publishResults(callId), '结果已发布')}>
              发布结果
            </Button>
          </View>
        ) : null}
      </RoleGate>
    </Page>
  );
}
