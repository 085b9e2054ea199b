import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { EntryContent } from '../../../components/submissions/EntryContent';
import { useLoaded } from '../../../hooks/useLoaded';
import { getCase } from '../../../services/submissions';
import { entryFileUrl } from '../../../services/entryFiles';
import { formatDateTime } from '../../../utils/format';
import '../../../components/submissions/CaseCard.scss';

/** A published case: its text and photos, its tier, and the reviewers' opinions without their names. */
export default function CasePage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const { data: item, error, reload } = useLoaded(valid ? id : null, getCase);
  if (!valid)
    return (
      <Page>
        <StateView kind="empty" title="未指定案例" />
      </Page>
    );
  if (error)
    return (
      <Page>
        <StateView kind="error" description={error} onRetry={reload} />
      </Page>
    );
  if (!item)
    return (
      <Page>
        <StateView kind="loading" />
      </Page>
    );
  return (
    <Page>
      <Card>
        <Text className="zj-case__tier">{item.tier}</Text>
        <Text className="zj-case__meta">
          {item.unitName} · {item.callTitle} · 发布于 {formatDateTime(item.publishedAt).slice(0, 10)}
        </Text>
      </Card>
      <EntryContent {...item} fileUrl={entryFileUrl} />
      {item.opinions.length ? (
        <Card title="评审意见">
          {item.opinions.map((opinion, index) => (
            <Text key={index} className="zj-case__opinion">
              {opinion}
            </Text>
          ))}
        </Card>
      ) : null}
    </Page>
  );
}
