import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { issueLabel, type ImportResult } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { useAction } from '../../../hooks/useAction';
import { BULLETIN_ISSUE_PAGE } from '../../../routes';
import { importIssue, previewImport } from '../../../services/bulletinDesk';
import { UserError } from '../../../services/errors';
import { pickDocument, type PickedFile } from '../services/pickFile';
import { DryRunPreview } from './DryRunPreview';
import { NO_OVERRIDES, overrideQuery, overridesFrom, sameOverrides, type Overrides } from './overrides';
import './index.scss';

const MAX_BYTES = 10 * 1024 * 1024;

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** One step of an import: pick a file and preview it, preview again with what was filled in, import. */
type Step = 'choose' | 'preview' | 'import';

function Importer() {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  /** The overrides the shown preview was made with, to tell when it is out of date. */
  const [previewedWith, setPreviewedWith] = useState<Overrides>(NO_OVERRIDES);
  const [overrides, setOverrides] = useState<Overrides>(NO_OVERRIDES);
  const [imported, setImported] = useState<ImportResult | null>(null);

  async function dryRun(target: PickedFile, wanted: Overrides) {
    setPreview(null);
    const result = await previewImport(target, overrideQuery(wanted));
    const filled = sameOverrides(wanted, NO_OVERRIDES) ? overridesFrom(result.document) : wanted;
    setPreview(result);
    setOverrides(filled);
    setPreviewedWith(filled);
  }

  const step = useAction(
    async (kind: Step) => {
      if (kind === 'preview') return dryRun(file!, overrides);
      if (kind === 'import') {
        setImported(await importIssue(file!, overrideQuery(overrides)));
        setPreview(null);
        return;
      }
      const picked = await pickDocument(['docx', 'txt']);
      if (!picked) return;
      setImported(null);
      setPreview(null);
      setFile(picked);
      if (picked.size > MAX_BYTES) throw new UserError(`文件 ${size(picked.size)}，超过 10 MB 的上限`);
      await dryRun(picked, NO_OVERRIDES);
    },
    { inline: true },
  );
  const busy = step.running?.[0] ?? null;

  function reset() {
    setFile(null);
    setPreview(null);
    setImported(null);
    step.reset();
    setOverrides(NO_OVERRIDES);
  }

  if (imported) {
    return (
      <Card title="导入完成" className="zj-import__done">
        <Text className="zj-import__line">
          {imported.created ? '已新建并发布' : '已更新'}：{issueLabel(imported.document.issue)}，共 {imported.document.articles.length}{' '}
          篇文章。
        </Text>
        <View className="zj-import__actions">
          {imported.issueId !== null ? (
            <Button size="small" onClick={() => void Taro.navigateTo({ url: `${BULLETIN_ISSUE_PAGE}?id=${imported.issueId}` })}>
              查看本期
            </Button>
          ) : null}
          <Button size="small" variant="secondary" onClick={reset}>
            继续导入
          </Button>
        </View>
      </Card>
    );
  }

  const stale = preview !== null && !sameOverrides(overrides, previewedWith);
  return (
    <View className="zj-import">
      <Card title="选择文件">
        <Text className="zj-muted">
          支持 Word（.docx）和文本（.txt）格式，不超过 10 MB。先预览读出的内容，确认后再导入；同一期再次导入会更新而不会重复。
        </Text>
        {file ? (
          <Text className="zj-import__file">
            {file.name}（{size(file.size)}）
          </Text>
        ) : null}
        <Button block variant={file ? 'plain' : 'primary'} loading={busy === 'choose'} onClick={() => void step.run('choose')}>
          {file ? '重新选择文件' : '选择简报文件'}
        </Button>
      </Card>

      {step.error ? (
        <Card title="无法导入" className="zj-import__error">
          <Text className="zj-import__error-text">{step.error}</Text>
        </Card>
      ) : null}

      {preview ? (
        <>
          <DryRunPreview preview={preview} overrides={overrides} onOverrides={setOverrides} />
          {stale ? (
            <Button block variant="secondary" loading={busy === 'preview'} onClick={() => void step.run('preview')}>
              按填写的信息重新预览
            </Button>
          ) : (
            <Button block loading={busy === 'import'} onClick={() => void step.run('import')}>
              {preview.created ? '导入并发布' : '导入并更新这一期'}
            </Button>
          )}
        </>
      ) : null}
    </View>
  );
}

/** 导入往期: upload a back-catalogue issue, check what was read, fill what is missing, import. */
export default function BulletinImportPage() {
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <Importer />
      </RoleGate>
    </Page>
  );
}
