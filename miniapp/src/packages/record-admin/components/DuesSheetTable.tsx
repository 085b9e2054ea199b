import { Text, View } from '@tarojs/components';
import { DUES_ARREARS_MONTHS, monthsOfYear, type DuesSheet } from '@zhijian/shared';
import { yuanOf } from './unit';
import './record.scss';

export interface DuesCell {
  memberId: number;
  memberName: string;
  month: string;
}

interface Props {
  sheet: DuesSheet;
  selected: DuesCell | null;
  onSelect: (cell: DuesCell) => void;
}

/**
 * The unit's year of dues: a row per member, a column per month (the amount paid, or 未交), and how
 * many months in a row are unpaid; members 3 or more months behind stand out.
 */
export function DuesSheetTable({ sheet, selected, onSelect }: Props) {
  const months = monthsOfYear(sheet.year);
  return (
    <View className="zj-table">
      <View className="zj-table__inner">
        <View className="zj-table__row zj-table__row--head">
          <Text className="zj-table__cell zj-table__cell--name">姓名</Text>
          {months.map((month) => (
            <Text key={month} className="zj-table__cell">
              {Number(month.slice(5))}月
            </Text>
          ))}
          <Text className="zj-table__cell">连续欠交</Text>
        </View>
        {sheet.rows.map((row) => {
          const behind = row.monthsBehind >= DUES_ARREARS_MONTHS;
          const paid = new Map(row.months.map((entry) => [entry.month, entry]));
          return (
            <View
              key={row.member.id}
              className={`zj-table__row${behind ? ' zj-table__row--flag' : ''}`}
              data-behind={behind ? 'yes' : 'no'}
            >
              <View className="zj-table__cell zj-table__cell--name">
                <Text>{row.member.name}</Text>
                {behind ? <Text className="zj-ra__tag zj-ra__tag--danger zj-dues__behind">欠交 {row.monthsBehind} 个月</Text> : null}
              </View>
              {months.map((month) => {
                const entry = paid.get(month);
                const on = selected?.memberId === row.member.id && selected.month === month;
                return (
                  <View
                    key={month}
                    className="zj-table__cell"
                    ariaRole="button"
                    ariaLabel={`${row.member.name} ${month}`}
                    onClick={() => onSelect({ memberId: row.member.id, memberName: row.member.name, month })}
                  >
                    <Text className={`zj-month zj-month--${entry ? 'paid' : 'unpaid'}${on ? ' zj-month--on' : ''}`}>
                      {entry ? `¥${yuanOf(entry.amountCents)}` : '未交'}
                    </Text>
                  </View>
                );
              })}
              <Text className="zj-table__cell zj-table__cell--num">{row.monthsBehind ? `${row.monthsBehind} 个月` : '—'}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}
