import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { AwardCertificate } from '@zhijian/shared';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { awardCertificate } from '../../../services/awards';
import { isH5 } from '../../../services/env';
import { formatChineseDate } from '../../../utils/format';
import './index.scss';

/** The certificate as one A4 page (landscape on paper): who, which honour, the association and the day. */
export function CertificateSheet({ certificate }: { certificate: AwardCertificate }) {
  return (
    <View className="zj-certificate__sheet">
      <Text className="zj-certificate__title">荣 誉 证 书</Text>
      <Text className="zj-certificate__name">
        {certificate.name}
        {certificate.awardLabel === '先进集体' ? '' : '　同志'}
      </Text>
      {certificate.awardLabel === '先进集体' ? null : <Text className="zj-certificate__unit">{certificate.unitName}</Text>}
      <Text className="zj-certificate__body">在 {certificate.year} 年度工作中表现突出，经片组推荐、评审委员会评审并公示，被评为</Text>
      <Text className="zj-certificate__honour">{certificate.title}</Text>
      <Text className="zj-certificate__body">特发此证，以资鼓励。</Text>
      <View className="zj-certificate__foot">
        <Text>杭州市“两新”党务工作者协会</Text>
        <Text>{formatChineseDate(certificate.issuedOn)}</Text>
      </View>
    </View>
  );
}

function Certificate({ id }: { id: number }) {
  const loaded = useLoaded(id, awardCertificate);
  return (
    <View className="zj-certificate">
      <View className="zj-certificate__toolbar">
        {isH5() ? (
          <Button size="small" disabled={!loaded.data} onClick={() => window.print()}>
            打印（A4）
          </Button>
        ) : (
          <Text className="zj-muted">请在电脑浏览器中打开本页打印。</Text>
        )}
      </View>
      {loaded.data ? (
        <CertificateSheet certificate={loaded.data} />
      ) : loaded.error ? (
        <StateView kind="error" description={loaded.error} onRetry={loaded.reload} />
      ) : (
        <StateView kind="loading" />
      )}
    </View>
  );
}

/** `?id=` (a winner's candidate id): the secretariat prints the certificate from the console. */
export default function CertificatePage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page className="zj-certificate-page">
      <RoleGate roles={['secretariat']}>
        {Number.isInteger(id) && id > 0 ? <Certificate id={id} /> : <StateView kind="empty" title="未指定获奖者" />}
      </RoleGate>
    </Page>
  );
}
