import { Text, View } from '@tarojs/components';
import type { AwardRules } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { Field } from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';
import '../../awards/components/awards.scss';

type NumberPath = [string, (rules: AwardRules) => number, (rules: AwardRules, value: number) => AwardRules];

/** The numbers of the rules, with where each lives; the committee edits them while the review is open. */
const NUMBERS: Array<{ group: string; fields: NumberPath[] }> = [
  {
    group: '流程',
    fields: [
      ['每个片组每项推荐名额', (r) => r.recommendLimit, (r, v) => ({ ...r, recommendLimit: v })],
      ['公示天数', (r) => r.publicityDays, (r, v) => ({ ...r, publicityDays: v })],
    ],
  },
  {
    group: '优秀信息员',
    fields: [
      ['每报送一条（分）', (r) => r.infoOfficer.perReported, (r, v) => ({ ...r, infoOfficer: { ...r.infoOfficer, perReported: v } })],
      ['每采用一条（分）', (r) => r.infoOfficer.perAdopted, (r, v) => ({ ...r, infoOfficer: { ...r.infoOfficer, perAdopted: v } })],
      ['每采用为头条（分）', (r) => r.infoOfficer.perLead, (r, v) => ({ ...r, infoOfficer: { ...r.infoOfficer, perLead: v } })],
      ['至少采用（条）', (r) => r.infoOfficer.minAdopted, (r, v) => ({ ...r, infoOfficer: { ...r.infoOfficer, minAdopted: v } })],
      ['虚假信息扣分', (r) => r.infoOfficer.falsePenalty, (r, v) => ({ ...r, infoOfficer: { ...r.infoOfficer, falsePenalty: v } })],
    ],
  },
  {
    group: '优秀会员',
    fields: [
      ['先锋指数不低于', (r) => r.member.minIndex, (r, v) => ({ ...r, member: { ...r.member, minIndex: v } })],
      ['诚信积分不低于', (r) => r.member.minIntegrity, (r, v) => ({ ...r, member: { ...r.member, minIntegrity: v } })],
    ],
  },
  {
    group: '先进集体（各项 0–100 分 × 权重）',
    fields: [
      ['出勤率权重 %', (r) => r.unit.weights.attendance, (r, v) => weight(r, 'attendance', v)],
      ['案例评比权重 %', (r) => r.unit.weights.contest, (r, v) => weight(r, 'contest', v)],
      ['信息采用率权重 %', (r) => r.unit.weights.news, (r, v) => weight(r, 'news', v)],
      ['志愿服务权重 %', (r) => r.unit.weights.volunteer, (r, v) => weight(r, 'volunteer', v)],
      ['来信按时答复权重 %', (r) => r.unit.weights.letters, (r, v) => weight(r, 'letters', v)],
      ['人均志愿服务满分线（次）', (r) => r.unit.volunteerPerMember, (r, v) => ({ ...r, unit: { ...r.unit, volunteerPerMember: v } })],
    ],
  },
];

function weight(rules: AwardRules, key: keyof AwardRules['unit']['weights'], value: number): AwardRules {
  return { ...rules, unit: { ...rules.unit, weights: { ...rules.unit.weights, [key]: value } } };
}

const YES_NO = [
  { value: 'yes' as const, label: '须为优秀' },
  { value: 'no' as const, label: '不作要求' },
];

export function RulesForm({ rules, onSave }: { rules: AwardRules; onSave: (rules: AwardRules) => Promise<unknown> }) {
  const all = NUMBERS.flatMap((group) => group.fields);
  const [values, setValues] = useState(() => all.map(([, read]) => String(read(rules))));
  const [tiers, setTiers] = useState(rules.unit.tierPoints.join('/'));
  const [appraisal, setAppraisal] = useState<'yes' | 'no'>(rules.member.requireExcellentAppraisal ? 'yes' : 'no');
  const save = useAction(
    async () => {
      let next: AwardRules = {
        ...rules,
        member: { ...rules.member, requireExcellentAppraisal: appraisal === 'yes' },
        unit: {
          ...rules.unit,
          tierPoints: tiers
            .split(/[/,，、\s]+/)
            .filter(Boolean)
            .map(Number),
        },
      };
      all.forEach(([, , write], index) => (next = write(next, Number(values[index]))));
      return onSave(next);
    },
    { inline: true, success: '规则已保存' },
  );
  let index = 0;
  return (
    <Card title="评选规则（修改后按冻结的数据重新计算）">
      {NUMBERS.map((group) => (
        <View key={group.group}>
          <Text className="zj-award__note">{group.group}</Text>
          {group.fields.map(([label]) => {
            const at = index++;
            return (
              <Field
                key={label}
                label={label}
                type="digit"
                value={values[at]!}
                onChange={(value) => setValues((old) => old.map((v, i) => (i === at ? value : v)))}
              />
            );
          })}
          {group.group === '优秀会员' ? <Chips label="民主评议" options={YES_NO} value={appraisal} onChange={setAppraisal} /> : null}
        </View>
      ))}
      <Field label="案例评比各等次得分（一等/二等/三等…）" value={tiers} onChange={setTiers} />
      {save.error ? <Text className="zj-award__error">{save.error}</Text> : null}
      <Button block loading={save.busy} onClick={() => void save.run()}>
        保存规则
      </Button>
    </Card>
  );
}
