import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { toastDone } from '../../../services/feedback';
import { appealDeduction, getDeduction } from '../../../services/record';
import { formatChineseDate, formatDateTime } from '../../../utils/format';
import { AppealForm } from '../components/AppealForm';
import { PhaseTag } from '../components/PhaseTag';
import '../components/record.scss';
import '../records/index.scss';

function Appeal({ id }: { id: number }) {
  const loaded = useLoaded(id, getDeduction);
  const deduction = loaded.data;
  if (!deduction)
    return loaded.error ? <StateView kind="error" description={loaded.error} onRetry={loaded.reload} /> : <StateView kind="loading" />;
  return (
    <View>
      <Card>
        <View className="zj-record-item__head">
          <Text className="zj-record-item__title">
            {deduction.kindName} <Text className="zj-record-item__minus">−{deduction.points} 分</Text>
          </Text>
          <PhaseTag deduction={deduction.phase} label={deduction.phaseLabel} />
        </View>
        <Text className="zj-record-item__meta">
          发生日期 {formatChineseDate(deduction.occurredOn)} · 记录于 {formatDateTime(deduction.recordedAt)}
        </Text>
        <Text className="zj-record-item__text">{deduction.reason}</Text>
      </Card>
      <Card title="申诉">
        <AppealForm
          deduction={deduction}
          onAppeal={(text) => appealDeduction(id, text)}
          onAppealed={(appealed) => {
            loaded.update(() => appealed);
            toastDone('申诉已提交');
          }}
        />
      </Card>
    </View>
  );
}

/** 申诉 of one of my deductions: once, before its deadline. */
export default function AppealPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page className="zj-record-page">
      <RoleGate roles={['member']}>
        {Number.isInteger(id) && id > 0 ? <Appeal id={id} /> : <StateView kind="empty" title="未指定扣分记录" />}
      </RoleGate>
    </Page>
  );
}
