import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CALL_KIND_LABELS, CALL_PHASE_LABELS, CALL_KINDS, type Call, type CallInput, type CallKind } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Cell, CellGroup } from '../../../components/Cell';
import { Chips } from '../../../components/Chips';
import { DateTimePicker } from '../../../components/DatePicker';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { DESK_PAGE, NEWS_DESK_PAGE } from '../../../routes';
import { createCall, listCalls } from '../../../services/desk';
import { FieldProblems, type Problems } from '../../../services/errors';
import { formatDateTime, parseShanghaiInput } from '../../../utils/format';
import type { z } from 'zod';
import './index.scss';

function NewCall({ onCreated }: { onCreated: (call: Call) => void }) {
  const now = Date.now();
  const [kind, setKind] = useState<CallKind>('case');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [opensAt, setOpensAt] = useState(formatDateTime(new Date(now).toISOString()));
  const [closesAt, setClosesAt] = useState(formatDateTime(new Date(now + 30 * 86_400_000).toISOString()).slice(0, 10) + ' 18:00');
  const [entryLimit, setEntryLimit] = useState('3');
  const [reviewers, setReviewers] = useState('3');

  /** The form as the contract takes it, or what to fix first. */
  function input(): z.input<typeof CallInput> {
    const opens = parseShanghaiInput(opensAt);
    const closes = parseShanghaiInput(closesAt);
    const problems: Problems = {};
    if (!title.trim()) problems.title = '请填写征集标题';
    if (!opens) problems.opensAt = '请选择开始时间的日期和时间';
    if (!closes) problems.closesAt = '请选择截止时间的日期和时间';
    if (!opens || !closes || Object.keys(problems).length) throw new FieldProblems(problems);
    return {
      kind,
      title,
      description,
      opensAt: opens,
      closesAt: closes,
      entryLimit: Number(entryLimit) || 1,
      reviewersPerEntry: kind === 'news' ? 0 : Number(reviewers) || 0,
    };
  }
  const create = useAction(async () => onCreated(await createCall(input())), { validate: input });
  const errors = create.problems;

  return (
    <Card title="发起征集">
      <Chips label="类型" options={CALL_KINDS.map((k) => ({ value: k, label: CALL_KIND_LABELS[k] }))} value={kind} onChange={setKind} />
      <Field label="标题" name="callTitle" value={title} placeholder="如：小创意发挥大作用" error={errors.title} onChange={setTitle} />
      <TextArea label="说明" value={description} maxlength={5000} onChange={setDescription} />
      <DateTimePicker label="开始时间（北京时间）" value={opensAt} error={errors.opensAt} onChange={setOpensAt} />
      <DateTimePicker label="截止时间（北京时间）" value={closesAt} error={errors.closesAt} onChange={setClosesAt} />
      <Field label="每家单位最多报送" type="number" value={entryLimit} onChange={setEntryLimit} />
      {kind !== 'news' ? <Field label="每份报送的评审专家数" type="number" value={reviewers} onChange={setReviewers} /> : null}
      <Text className="zj-muted">案例征集默认使用四个类别和创新性、实效性、长效性、推广性四项评分标准（各 25 分）。</Text>
      <View className="zj-calls__submit">
        <Button block loading={create.busy} onClick={() => void create.run()}>
          发起
        </Button>
      </View>
    </Card>
  );
}

/** The secretariat's calls: open a new one, or go to a call's desk. */
export default function CallsPage() {
  const loaded = useLoaded('calls', listCalls, { refreshOnShow: true });
  const calls = loaded.data;
  const [creating, setCreating] = useState(false);

  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <CellGroup>
          <Cell
            title="信息采用统计"
            note="各单位、各信息员的报送与采用数"
            arrow
            onClick={() => void Taro.navigateTo({ url: NEWS_DESK_PAGE })}
          />
        </CellGroup>
        {creating ? (
          <NewCall
            onCreated={(created) => {
              setCreating(false);
              loaded.update((list) => [created, ...list]);
            }}
          />
        ) : (
          <View className="zj-calls__new">
            <Button block variant="secondary" onClick={() => setCreating(true)}>
              发起征集
            </Button>
          </View>
        )}
        {loaded.error ? (
          <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />
        ) : !calls ? (
          <StateView kind="loading" />
        ) : calls.length === 0 ? (
          <StateView kind="empty" title="还没有征集" />
        ) : (
          <CellGroup>
            {calls.map((c) => {
              const counts = c.entryCounts ?? {};
              const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
              return (
                <Cell
                  key={c.id}
                  title={c.title}
                  note={`${CALL_KIND_LABELS[c.kind]} · ${c.year}-${c.code} · 截止 ${formatDateTime(c.closesAt)} · 收到 ${total} 份${c.resultsPublishedAt ? ' · 结果已发布' : ''}`}
                  value={CALL_PHASE_LABELS[c.phase]}
                  arrow
                  onClick={() => void Taro.navigateTo({ url: `${DESK_PAGE}?callId=${c.id}` })}
                />
              );
            })}
          </CellGroup>
        )}
      </RoleGate>
    </Page>
  );
}
