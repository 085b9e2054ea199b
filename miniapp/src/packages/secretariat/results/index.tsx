import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { api, type Call, type Results } from '@zhijian/shared';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { call } from '../../../services/api';
import { messageOf } from '../../../services/errors';
import './index.scss';

/** Ranked results: weighted scores, means, disagreement flags, suggested tiers; set tiers, close the round, publish. */
export default function ResultsPage() {
  const { params } = useRouter();
  const callId = Number(params.callId);
  const [current, setCurrent] = useState<Call | null>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [tiers, setTiers] = useState<Record<number, string | null>>({});
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  function show(loaded: Results) {
    setResults(loaded);
    setTiers(Object.fromEntries(loaded.rows.map((row) => [row.entryId, row.tier ?? row.suggestedTier])));
  }

  useEffect(() => {
    Promise.all([call(api.calls.get, { params: { id: callId } }), call(api.results.get, { params: { id: callId } })])
      .then(([c, r]) => {
        setCurrent(c);
        show(r);
      })
      .catch((e: unknown) => setError(messageOf(e)));
  }, [callId]);

  async function act(run: () => Promise<Results>, done: string) {
    try {
      show(await run());
      void Taro.showToast({ title: done, icon: 'none' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  }

  if (error)
    return (
      <Page>
        <StateView kind="error" description={error} />
      </Page>
    );
  if (!results || !current)
    return (
      <Page>
        <StateView kind="loading" />
      </Page>
    );
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
                onChange={(tier) => setTiers((all) => ({ ...all, [row.entryId]: tier }))}
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
                void act(
                  () =>
                    call(api.results.setTiers, {
                      params: { id: callId },
                      body: { tiers: reviewing.map((row) => ({ entryId: row.entryId, tier: tiers[row.entryId] ?? null })) },
                    }),
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
                  onClick={() =>
                    void act(() => call(api.results.closeRound, { params: { id: callId }, body: { reason } }), '评审轮次已结束')
                  }
                >
                  结束评审轮次
                </Button>
              </Card>
            ) : null}
            <Button
              block
              disabled={results.blocking.length > 0}
              onClick={() => void act(() => call(api.results.publish, { params: { id: callId } }), '结果已发布')}
            >
              发布结果
            </Button>
          </View>
        ) : null}
      </RoleGate>
    </Page>
  );
}
