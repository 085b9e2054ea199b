import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { api, type CaseDetail } from '@zhijian/shared';
import { useEffect, useState } from 'react';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { EntryContent } from '../../../components/submissions/EntryContent';
import { call } from '../../../services/api';
import { messageOf } from '../../../services/errors';
import { formatDateTime } from '../../../utils/format';
import '../cases.scss';

/** A published case: its text and photos, its tier, and the reviewers' opinions without their names. */
export default function CasePage() {
  const { params } = useRouter();
  const [item, setItem] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call(api.cases.get, { params: { id: Number(params.id) } })
      .then(setItem)
      .catch((e: unknown) => setError(messageOf(e)));
  }, [params.id]);
  if (error) return <Page><StateView kind='error' description={error} /></Page>;
  if (!item) return <Page><StateView kind='loading' /></Page>;
  return (
    <Page>
      <Card>
        <Text className='zj-case__tier'>{item.tier}</Text>
        <Text className='zj-case__meta'>
          {item.unitName} · {item.callTitle} · 发布于 {formatDateTime(item.publishedAt).slice(0, 10)}
        </Text>
      </Card>
      <EntryContent {...item} />
      {item.opinions.length ? (
        <Card title='评审意见'>
          {item.opinions.map((opinion, index) => (
            <Text key={index} className='zj-case__opinion'>
              {opinion}
            </Text>
          ))}
        </Card>
      ) : null}
    </Page>
  );
}
