import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime } from '@zhijian/shared';
import { Card } from '../../../components/Card';
import { Cell, CellGroup } from '../../../components/Cell';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { recordSettings, saveRecordSettings } from '../../../services/recordAdmin';
import { SettingsForm, settingsOf, type SettingsDraft } from '../components/SettingsForm';
import '../components/record.scss';

function Settings() {
  const view = useLoaded('settings', recordSettings);
  const save = useAction(
    async (draft: SettingsDraft) => {
      const saved = await saveRecordSettings(settingsOf(draft));
      view.update(() => saved);
    },
    {
      inline: true,
      validate: (draft) => void settingsOf(draft),
      confirm: { title: '保存规则', content: '新规则自保存时起生效，已有的积分和记录不会改写。确定保存吗？', confirmText: '保存' },
      success: '已保存，自现在起生效',
    },
  );
  if (view.error) return <StateView kind="error" description={view.error} onRetry={view.reload} />;
  if (!view.data) return <StateView kind="loading" />;
  const { effectiveFrom, history } = view.data;
  return (
    <View className="zj-ra">
      <Card title="现行规则">
        <Text className="zj-ra__line">
          {effectiveFrom ? `自 ${formatShanghaiDateTime(new Date(effectiveFrom))} 起生效。` : '尚未修改过，使用系统默认规则。'}
        </Text>
        <Text className="zj-ra__note">自保存时起生效，不改写已有记录：此前已记的积分、已认定的加分和已结账的年度保持不变。</Text>
      </Card>
      <SettingsForm key={effectiveFrom ?? 'default'} settings={view.data.settings} action={save} />
      {history.length ? (
        <>
          <Text className="zj-section-title">历次版本</Text>
          <CellGroup>
            {history.map((version) => (
              <Cell
                key={version.effectiveFrom}
                title={`自 ${formatShanghaiDateTime(new Date(version.effectiveFrom))} 起`}
                value={version.createdBy ?? '系统默认'}
              />
            ))}
          </CellGroup>
        </>
      ) : null}
    </View>
  );
}

/** 积分与指数规则: the secretariat edits the rules; a save is a new version from that moment. */
export default function SettingsPage() {
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <Settings />
      </RoleGate>
    </Page>
  );
}
