import { Text, View } from '@tarojs/components';
import type { RosterProblem } from '@zhijian/shared';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';

export interface ImportPanelProps {
  busy: boolean;
  /** What the last check or import came to. */
  outcome:
    | { kind: 'checked' | 'imported'; created: number; updated: number; fileName: string }
    | { kind: 'problems'; rows: RosterProblem[]; fileName: string }
    | null;
  onPick: () => void;
  onImport: () => void;
}

/**
 * Import (xlsx or CSV, checked first: every row's problem listed, nothing imported until the file is
 * clean); the export is the roster table's own button.
 */
export function ImportPanel({ busy, outcome, onPick, onImport }: ImportPanelProps) {
  return (
    <Card title="导入名册">
      <Text className="zj-muted">Excel（.xlsx）或 CSV：姓名、手机号、党员类型、党组织、入党日期各一列；先检查，全部无误才导入。</Text>
      <View className="zj-roster__actions">
        <Button size="small" variant="secondary" loading={busy} onClick={onPick}>
          选择名册文件
        </Button>
      </View>
      {outcome?.kind === 'problems' ? (
        <View className="zj-roster__report" ariaLabel="名册问题">
          <Text className="zj-roster__report-title">
            {outcome.fileName}：{outcome.rows.length} 处问题，未导入任何数据
          </Text>
          {outcome.rows.map((row, index) => (
            <Text key={index} className="zj-roster__problem">
              第 {row.row} 行 · {row.column}：{row.problem}
            </Text>
          ))}
        </View>
      ) : outcome?.kind === 'checked' ? (
        <View className="zj-roster__report">
          <Text className="zj-roster__report-title">
            {outcome.fileName}：检查无误，将新增 {outcome.created} 人、更新 {outcome.updated} 人
          </Text>
          <Button size="small" loading={busy} onClick={onImport}>
            确认导入
          </Button>
        </View>
      ) : outcome?.kind === 'imported' ? (
        <Text className="zj-roster__report-title">
          已导入：新增 {outcome.created} 人，更新 {outcome.updated} 人
        </Text>
      ) : null}
    </Card>
  );
}
