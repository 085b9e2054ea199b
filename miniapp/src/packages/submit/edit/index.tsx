import Taro, { useRouter } from '@tarojs/taro';
import type { Entry } from '@zhijian/shared';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useLoaded } from '../../../hooks/useLoaded';
import { useSession } from '../../../hooks/useSession';
import { ENTRY_PAGE } from '../../../routes';
import { toastDone } from '../../../services/feedback';
import { createEntry, loadEntryForm, submitEntry, updateEntry } from '../../../services/submissions';
import { entryFileUrl, removeEntryFile, uploadEntryFile } from '../../../services/entryFiles';
import { EntryForm } from '../components/EntryForm';

function positive(value: string | undefined): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** New entry (`?callId=`) or an entry of the unit still open to changes (`?id=`). */
export default function EditEntryPage() {
  const session = useSession();
  const { params } = useRouter();
  const entryId = positive(params.id);
  const callId = Number(params.callId);
  const loaded = useLoaded(`${entryId ?? ''}/${params.callId ?? ''}`, () => loadEntryForm({ entryId, callId }));

  function submitted(entry: Entry) {
    toastDone('已提交');
    void Taro.redirectTo({ url: `${ENTRY_PAGE}?id=${entry.id}` });
  }

  const form = loaded.data;
  return (
    <Page>
      <RoleGate roles={['unit_admin', 'info_officer']}>
        {loaded.error ? (
          <StateView kind="error" title="无法打开报送" description={loaded.error} onRetry={loaded.reload} />
        ) : !form ? (
          <StateView kind="loading" />
        ) : form.entry && !form.entry.editable ? (
          <StateView
            kind="empty"
            title="这份报送不能再修改"
            description={`当前状态：${form.entry.statusLabel}。登记后或截止后不能修改。`}
          />
        ) : (
          <EntryForm
            call={form.call}
            entry={form.entry}
            topics={form.topics}
            defaultContactName={form.contact?.name ?? session?.user.name ?? ''}
            defaultContactPhone={form.contact?.phone ?? ''}
            onSave={(id, draft, onQueued) => (id === null ? createEntry(form.call.id, draft) : updateEntry(id, draft, onQueued))}
            onUpload={uploadEntryFile}
            onRemoveFile={(file) => removeEntryFile(file.id)}
            onSubmit={submitEntry}
            onSubmitted={submitted}
            fileUrl={entryFileUrl}
          />
        )}
      </RoleGate>
    </Page>
  );
}
