import { Text, View } from '@tarojs/components';
import { DUES_ARREARS_MONTHS, duesRefusals, isRefusal, shanghaiToday, type DuesSheet } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { DatePicker } from '../../../components/DatePicker';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { FieldProblems } from '../../../services/errors';
import { duesSheet, importDues, recordDues, removeDues } from '../../../services/recordAdmin';
import { pickDocument } from '../../secretariat/services/pickFile';
import { DuesSheetTable, type DuesCell } from '../components/DuesSheetTable';
import { FormError } from '../components/FormError';
import { YearStepper } from '../components/YearStepper';
import { centsOf, thisYear, useKeepsUnit, usePageUnit, yuanOf } from '../components/unit';
import '../components/record.scss';

/** The last day of a `YYYY-MM` month, or today when that month is not over: the default day paid. */
function defaultPaidOn(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
  const now = shanghaiToday();
  return last < now ? last : now;
}

function MonthEditor({
  unitId,
  cell,
  sheet,
  onSaved,
}: {
  unitId: number;
  cell: DuesCell;
  sheet: DuesSheet;
  onSaved: (sheet: DuesSheet) => void;
}) {
  const entry = sheet.rows.find((row) => row.member.id === cell.memberId)?.months.find((m) => m.month === cell.month);
  const [amount, setAmount] = useState(entry ? yuanOf(entry.amountCents) : '');
  const [paidOn, setPaidOn] = useState(entry?.paidOn ?? defaultPaidOn(cell.month));
  const replaceRow = (row: DuesSheet['rows'][number]) =>
    onSaved({ ...sheet, rows: sheet.rows.map((r) => (r.member.id === row.member.id ? row : r)) });
  const save = useAction(
    async () => {
      const amountCents = centsOf(amount)!;
      replaceRow(await recordDues(unitId, { memberId: cell.memberId, month: cell.month, amountCents, paidOn }));
    },
    {
      inline: true,
      validate: () => {
        if (centsOf(amount) === null) throw new FieldProblems({ amountCents: '请填写金额（元，最多两位小数）' });
      },
      success: entry ? '已更正' : '已登记',
    },
  );
  const remove = useAction(async () => replaceRow(await removeDues(unitId, cell.memberId, cell.month)), {
    confirm: { title: '撤销登记', content: `撤销 ${cell.memberName} ${cell.month} 的党费登记？`, confirmText: '撤销' },
    success: '已撤销登记',
  });
  return (
    <Card title={`${cell.memberName} · ${cell.month}${entry ? '（已登记）' : '（未登记）'}`}>
      <View className="zj-dues__form">
        <Field
          label="金额（元）"
          value={amount}
          onChange={setAmount}
          placeholder="如 50"
          maxlength={10}
          error={save.problems.amountCents}
        />
        <DatePicker label="交纳日期" value={paidOn} onChange={setPaidOn} error={save.problems.paidOn} />
      </View>
      <FormError message={save.error} />
      <View className="zj-ra__actions">
        <Button size="small" loading={save.busy} onClick={() => void save.run()}>
          {entry ? '更正' : '登记已交'}
        </Button>
        {entry ? (
          <Button size="small" variant="secondary" loading={remove.busy} onClick={() => void remove.run()}>
            撤销登记
          </Button>
        ) : null}
      </View>
    </Card>
  );
}

function ImportProblems({ error }: { error: unknown }) {
  if (!isRefusal(error, duesRefusals.dues_sheet_invalid)) return null;
  return (
    <Card title="党费表中的问题（未导入任何数据）">
      {error.details.rows.slice(0, 50).map((problem) => (
        <Text key={`${problem.row}-${problem.column}`} className="zj-ra__line">
          第 {problem.row} 行 {problem.column}：{problem.problem}
        </Text>
      ))}
    </Card>
  );
}

function Dues({ unitId, canKeep }: { unitId: number; canKeep: boolean }) {
  const [year, setYear] = useState(thisYear());
  const sheet = useLoaded(`${unitId}:${year}`, () => duesSheet(unitId, year));
  const [selected, setSelected] = useState<DuesCell | null>(null);
  const [importError, setImportError] = useState<unknown>(null);
  const importing = useAction(
    async () => {
      setImportError(null);
      const file = await pickDocument(['xlsx', 'csv']);
      if (!file) return null;
      try {
        const result = await importDues(unitId, year, file);
        await sheet.refresh();
        return result;
      } catch (error) {
        setImportError(error);
        throw error;
      }
    },
    { success: (result) => (result ? `已导入 ${result.members} 人的 ${result.recorded} 条记录` : '') },
  );
  const behind = sheet.data?.rows.filter((row) => row.monthsBehind >= DUES_ARREARS_MONTHS).length ?? 0;
  return (
    <View className="zj-ra">
      <View className="zj-ra__bar">
        <YearStepper
          year={year}
          max={thisYear()}
          onChange={(next) => {
            setYear(next);
            setSelected(null);
          }}
        />
        {canKeep ? (
          <Button size="small" variant="secondary" loading={importing.busy} onClick={() => void importing.run()}>
            导入 Excel
          </Button>
        ) : null}
      </View>
      <Text className="zj-ra__note">
        {canKeep ? '点选某月即可登记、更正或撤销。' : ''}导入的表格列为：姓名、手机号、1月…12月（金额，元）；全部行无误才会导入。
      </Text>
      <ImportProblems error={importError} />
      {sheet.error ? (
        <StateView kind="error" description={sheet.error} onRetry={sheet.reload} />
      ) : !sheet.data ? (
        <StateView kind="loading" />
      ) : !sheet.data.rows.length ? (
        <StateView kind="empty" title="名册还是空的" />
      ) : (
        <View>
          <Text className={`zj-ra__tag ${behind ? 'zj-ra__tag--danger' : 'zj-ra__tag--success'}`}>
            {behind ? `${behind} 人连续欠交 ${DUES_ARREARS_MONTHS} 个月及以上` : `没有连续欠交 ${DUES_ARREARS_MONTHS} 个月及以上的党员`}
          </Text>
          <DuesSheetTable sheet={sheet.data} selected={selected} onSelect={canKeep ? setSelected : () => undefined} />
          {selected && canKeep ? (
            <MonthEditor
              key={`${selected.memberId}:${selected.month}`}
              unitId={unitId}
              cell={selected}
              sheet={sheet.data}
              onSaved={(next) => sheet.update(() => next)}
            />
          ) : null}
        </View>
      )}
    </View>
  );
}

/** 党费: the unit's year sheet, months recorded one by one or imported from a sheet. */
export default function DuesPage() {
  const unit = usePageUnit();
  const keeps = useKeepsUnit(unit?.unitId);
  return (
    <Page>
      <RoleGate roles={['unit_admin', 'secretariat']}>
        {unit ? <Dues unitId={unit.unitId} canKeep={keeps} /> : <StateView kind="empty" title="尚未关联单位" />}
      </RoleGate>
    </Page>
  );
}
