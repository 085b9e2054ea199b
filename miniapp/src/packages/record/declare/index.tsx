import Taro from '@tarojs/taro';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { RECORD_LIST_PAGE } from '../../../routes';
import { toast, toastDone } from '../../../services/feedback';
import { pickImages } from '../../../services/files';
import { shanghaiToday } from '@zhijian/shared';
import { declareBonus, recordRules, uploadBonusPhoto } from '../../../services/record';
import { DeclareForm, type FailedPhoto } from '../components/DeclareForm';
import '../components/record.scss';

function Declare() {
  const rules = useLoaded('rules', recordRules);
  if (!rules.data)
    return rules.error ? <StateView kind="error" description={rules.error} onRetry={rules.reload} /> : <StateView kind="loading" />;

  const declared = (failed: FailedPhoto[]) => {
    if (failed.length) toast(`申报已提交，${failed.length} 张照片未能上传（${failed[0]!.message}），可在我的记录中补传`);
    else toastDone('申报已提交');
    // 我的记录 shows the new claim first, with its timeline; back from there returns to the card.
    void Taro.redirectTo({ url: RECORD_LIST_PAGE });
  };

  return (
    <DeclareForm
      kinds={rules.data.bonusKinds}
      today={shanghaiToday()}
      onPickPhotos={pickImages}
      onDeclare={declareBonus}
      onUploadPhoto={uploadBonusPhoto}
      onDeclared={(_claim, failed) => declared(failed)}
    />
  );
}

/** 申报加分: a kind from the association's list, the day, what was done, up to nine photos. */
export default function DeclarePage() {
  return (
    <Page className="zj-record-page">
      <RoleGate roles={['member']}>
        <Declare />
      </RoleGate>
    </Page>
  );
}
