import { Text, View } from '@tarojs/components';
import { BATCH_OUTCOME_NAMES, reportTotals, type BatchReport } from '@zhijian/shared';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';

interface ReportCardProps {
  report: BatchReport;
  downloading: boolean;
  onDownload: () => void;
  onRestart: () => void;
}

/** After the import: how many issues were created, updated, skipped, refused; each file's line. */
export function ReportCard({ report, downloading, onDownload, onRestart }: ReportCardProps) {
  const totals = reportTotals(report);
  return (
    <Card title="导入报告" className="zj-catalogue__report">
      <Text className="zj-catalogue__totals">
        新建 {totals.created} 期，更新 {totals.updated} 期，跳过 {totals.skipped} 个，未能导入 {totals.refused} 个；共 {totals.articles}{' '}
        篇文章，{totals.openWarnings} 条提示待处理。
      </Text>
      {report.items.map((item) => (
        <View key={item.name} className={`zj-catalogue__outcome zj-catalogue__outcome--${item.outcome}`}>
          <Text className="zj-catalogue__outcome-name">
            {BATCH_OUTCOME_NAMES[item.outcome]}：{item.label || item.name}
          </Text>
          {item.why ? <Text className="zj-muted">{item.why}</Text> : null}
        </View>
      ))}
      <View className="zj-catalogue__actions">
        <Button size="small" loading={downloading} onClick={onDownload}>
          下载报告（xlsx）
        </Button>
        <Button size="small" variant="secondary" onClick={onRestart}>
          继续导入
        </Button>
      </View>
    </Card>
  );
}
