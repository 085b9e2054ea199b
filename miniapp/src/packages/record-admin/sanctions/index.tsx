import { Text, View } from '@tarojs/components';
import { SanctionInput, shanghaiToday } from '@zhijian/shared';
import { useState } from 'react';
import type { z } from 'zod';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Cell } from '../../../components/Cell';
import { DatePicker } from '../../../components/DatePicker';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { usePagedList } from '../../../hooks/usePagedList';
import { FieldProblems } from '../../../services/errors';
import { findUnitMembers, listSanctions, recordSanction } from '../../../services/recordAdmin';
import { FormError } from '../components/FormError';
import { MemberPicker } from '../components/MemberPicker';
import { thisYear, useKeepsUnit, usePageUnit } from '../components/unit';
import '../components/record.scss';

type Draft = z.input<typeof SanctionInput>;

function NewSanction({ unitId, onRecorded }: { unitId: number; onRecorded: () => void }) {
  const [q, setQ] = useState('');
  const members = useLoaded(`${unitId}:${q}`, () => findUnitMembers(unitId, q));
  const [memberId, setMemberId] = useState<number | null>(null);
  const [year, setYear] = useState(String(thisYear()));
  const [description, setDescription] = useState('');
  const [decidedOn, setDecidedOn] = useState(shanghaiToday());
  const record = useAction(
    async (draft: Draft) => {
      await recordSanction(unitId, SanctionInput.parse(draft));
      onRecorded();
    },
    {
      inline: true,
      validate: (draft) => {
        if (!draft.memberId) throw new FieldProblems({ memberId: '请选择党员' });
        const result = SanctionInput.safeParse(draft);
        if (!result.success)
          throw new FieldProblems(Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      },
      confirm: (draft) => ({
        title: '记录纪律处分',
        content: `记录后该党员 ${draft.year} 年度先锋指数清零，秘书处可见。确定记录吗？`,
        confirmText: '记录',
      }),
      success: '已记录纪律处分',
    },
  );
  return (
    <View>
      <MemberPicker members={members.data} value={memberId} onChange={setMemberId} onSearch={setQ} error={record.problems.memberId} />
      <Field
        label="年度"
        type="number"
        value={year}
        onChange={setYear}
        maxlength={4}
        error={record.problems.year}
        hint="该年度先锋指数清零"
      />
      <TextArea label="处分内容" value={description} onChange={setDescription} maxlength={500} error={record.problems.description} />
      <DatePicker label="处分日期" value={decidedOn} onChange={setDecidedOn} error={record.problems.decidedOn} />
      <FormError message={record.error} />
      <View className="zj-ra__actions">
        <Button
          loading={record.busy}
          onClick={() => void record.run({ memberId: memberId ?? 0, year: Number(year), description, decidedOn })}
        >
          记录处分
        </Button>
      </View>
    </View>
  );
}

function Sanctions({ unitId, canRecord }: { unitId: number | null; canRecord: boolean }) {
  const [adding, setAdding] = useState(false);
  const list = usePagedList((page, pageSize) => listSanctions(page, pageSize), []);
  return (
    <View className="zj-ra">
      {canRecord && unitId ? (
        adding ? (
          <Card title="记录纪律处分">
            <NewSanction
              unitId={unitId}
              onRecorded={() => {
                setAdding(false);
                list.reload();
              }}
            />
          </Card>
        ) : (
          <View className="zj-ra__bar">
            <Text className="zj-ra__note">受纪律处分的党员，处分所在年度的先锋指数为 0。</Text>
            <Button size="small" onClick={() => setAdding(true)}>
              记录处分
            </Button>
          </View>
        )
      ) : null}
      <PagedList
        list={list}
        keyOf={(sanction) => sanction.id}
        renderItem={(sanction) => (
          <Cell
            title={`${sanction.member.name} · ${sanction.year} 年度`}
            note={`${sanction.description} · ${sanction.unit.name} · 处分日期 ${sanction.decidedOn}`}
          />
        )}
        emptyTitle="没有纪律处分记录"
      />
    </View>
  );
}

/** 纪律处分: the unit admin records and lists the unit's; the secretariat lists every unit's. */
export default function SanctionsPage() {
  const unit = usePageUnit();
  const keeps = useKeepsUnit(unit?.unitId);
  return (
    <Page>
      <RoleGate roles={['unit_admin', 'secretariat']}>
        <Sanctions unitId={unit?.unitId ?? null} canRecord={keeps} />
      </RoleGate>
    </Page>
  );
}
