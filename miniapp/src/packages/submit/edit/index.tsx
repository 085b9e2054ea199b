import Taro, { useRouter } from '@tarojs/taro';
import { type Call, type Entry, type Topic } from '@zhijian/shared';
import { useEffect, useState } from 'react';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useSession } from '../../../hooks/useSession';
import { ENTRY_PAGE } from '../../../routes';
import { api, call as callApi } from '../../../services/api';
import { messageOf } from '../../../services/errors';
import { EntryForm } from '../components/EntryForm';

type Loaded = { call: Call; entry: Entry | null; topics: Topic[] };

async function load(params: Record<string, string | undefined>): Promise<Loaded> {
  const entryId = Number(params.id);
  const entry = Number.isInteger(entryId) && entryId > 0 ? await callApi(api.entries.get, { params: { id: entryId } }) : null;
  const callId = entry?.callId ?? Number(params.callId);
  const call = await callApi(api.calls.get, { params: { id: callId } });
  const topics = call.kind === 'research' ? (await callApi(api.topics.list, { params: { id: call.id } })).items : [];
  return { call, entry, topics };
}

/** New entry (`?callId=`) or an entry of the unit still open to changes (`?id=`). */
export default function EditEntryPage() {
  const session = useSession();
  const { params } = useRouter();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setError(null);
    load(params)
      .then(setLoaded)
      .catch((e: unknown) => setError(messageOf(e)));
  }, [params.id, params.callId, attempt]);

  function submitted(entry: Entry) {
    void Taro.showToast({ title: '已提交', icon: 'success' });
    void Taro.redirectTo({ url: `${ENTRY_PAGE}?id=${entry.id}` });
  }

  return (
    <Page>
      <RoleGate roles={['unit_admin', 'info_officer']}>
        {error ? (
          <StateView kind="error" title="无法打开报送" description={error} onRetry={() => setAttempt((n) => n + 1)} />
        ) : !loaded ? (
          <StateView kind="loading" />
        ) : loaded.entry && !loaded.entry.editable ? (
          <StateView
            kind="empty"
            title="这份报送不能再修改"
            description={`当前状态：${loaded.entry.statusLabel}。登记后或截止后不能修改。`}
          />
        ) : (
          <EntryForm
            call={loaded.call}
            entry={loaded.entry}
            topics={loaded.topics}
            defaultContactName={session?.user.name ?? ''}
            onSubmitted={submitted}
          />
        )}
      </RoleGate>
    </Page>
  );
}
