import { Text, View } from '@tarojs/components';
import { describeReview, issueLabel, type BatchReport, type BatchReportItem } from '@zhijian/shared';
import { useRef, useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { useAction } from '../../../hooks/useAction';
import { downloadImportReport, importIssue, previewImport } from '../../../services/bulletinDesk';
import { messageOf } from '../../../services/errors';
import { pickDocuments } from '../services/pickFile';
import { batchOf, notImportedItem, queryOf, reviewOf, withPreview, type CatalogueFile } from './batchState';
import { FileRow } from './FileRow';
import { ReportCard } from './ReportCard';
import { withZipEntries } from './zipEntries';
import './index.scss';

const MAX_FILES = 50;
const MAX_BYTES = 10 * 1024 * 1024;
// A .zip of a folder is opened in the browser only (./zipEntries); in WeChat files come one by one from a chat.
const FORMATS = process.env.TARO_ENV === 'h5' ? ['docx', 'doc', 'wps', 'pdf', 'txt', 'zip'] : ['docx', 'doc', 'wps', 'pdf', 'txt'];

type Step = 'choose' | 'import' | 'download';

/** The notes of the batch's review that concern one file. */
function notesFor(name: string, review: ReturnType<typeof reviewOf>): string[] {
  const notes: string[] = [];
  for (const { totalNumber, names } of review.duplicates) {
    if (names.includes(name)) notes.push(`与 ${names.filter((other) => other !== name).join('、')} 同为总第 ${totalNumber} 期`);
  }
  if (review.alreadyStored.includes(name)) notes.push('系统中已有这一期：导入将更新它');
  return notes;
}

function Catalogue() {
  const [files, setFiles] = useState<CatalogueFile[]>([]);
  const [report, setReport] = useState<BatchReport | null>(null);
  // The loops below run across renders; they read the latest files from here.
  const current = useRef<CatalogueFile[]>([]);

  function update(key: string, change: (entry: CatalogueFile) => CatalogueFile) {
    current.current = current.current.map((entry) => (entry.key === key ? change(entry) : entry));
    setFiles(current.current);
  }

  async function readAll(picked: CatalogueFile[]) {
    for (const entry of picked) {
      if (entry.stage === 'refused') continue;
      if (entry.file.size > MAX_BYTES) {
        update(entry.key, (it) => ({ ...it, stage: 'refused', include: false, error: '文件超过 10 MB 的上限' }));
        continue;
      }
      update(entry.key, (it) => ({ ...it, stage: 'reading' }));
      try {
        const preview = await previewImport(entry.file, {});
        update(entry.key, (it) => withPreview(it, preview));
      } catch (error) {
        update(entry.key, (it) => ({ ...it, stage: 'refused', include: false, error: messageOf(error) }));
      }
    }
    // Of the same 总期 twice, only the first is imported unless the secretariat says otherwise.
    for (const { names } of reviewOf(current.current).duplicates) {
      for (const name of names.slice(1)) {
        const later = current.current.find((it) => it.file.name === name);
        if (later) update(later.key, (it) => ({ ...it, include: false }));
      }
    }
  }

  async function importChosen(): Promise<BatchReport> {
    const items: BatchReportItem[] = [];
    for (const entry of current.current) {
      if (!entry.preview || !entry.include) {
        items.push(notImportedItem(entry));
        continue;
      }
      update(entry.key, (it) => ({ ...it, stage: 'importing' }));
      let item: BatchReportItem;
      try {
        const saved = await importIssue(entry.file, queryOf(entry));
        item = {
          name: entry.file.name,
          outcome: saved.created ? 'created' : 'updated',
          label: issueLabel(saved.document.issue),
          issueId: saved.issueId,
          articles: saved.document.articles.length,
          why: null,
          warnings: saved.document.warnings,
        };
      } catch (error) {
        item = { name: entry.file.name, outcome: 'refused', label: '', issueId: null, articles: 0, why: messageOf(error), warnings: [] };
      }
      update(entry.key, (it) => ({ ...it, stage: 'done', result: item }));
      items.push(item);
    }
    return { items };
  }

  const step = useAction(
    async (kind: Step) => {
      if (kind === 'download') return downloadImportReport(report!);
      if (kind === 'import') {
        setReport(await importChosen());
        return;
      }
      const chosen = await withZipEntries(await pickDocuments(FORMATS, MAX_FILES), { maxEntryBytes: MAX_BYTES });
      const picked = batchOf(chosen, MAX_FILES);
      if (picked.length === 0) return;
      setReport(null);
      current.current = picked;
      setFiles(picked);
      await readAll(picked);
    },
    { inline: true },
  );
  const busy = step.running?.[0] ?? null;

  function restart() {
    current.current = [];
    setFiles([]);
    setReport(null);
    step.reset();
  }

  const review = reviewOf(files);
  const finished = files.filter((entry) => ['read', 'refused', 'done'].includes(entry.stage)).length;
  const chosen = files.filter((entry) => entry.preview && entry.include).length;
  const reading = busy === 'choose';
  const importing = busy === 'import';
  const imported = files.filter((entry) => entry.stage === 'done').length;
  const batchPercent =
    files.length === 0
      ? 0
      : Math.round(((importing || report ? imported : finished) / (importing || report ? Math.max(chosen, 1) : files.length)) * 100);

  return (
    <View className="zj-catalogue">
      <Card title="选择文件">
        <Text className="zj-muted">
          一次可选多个文件（最多 {MAX_FILES} 个）：Word（.docx、.doc）、WPS（.wps）、PDF 和文本（.txt），每个不超过 10 MB
          {process.env.TARO_ENV === 'h5' ? '；也可选整个文件夹的 .zip 压缩包，在浏览器中解开后逐个读取' : ''}
          。逐个读出后列出每一期，标出重复的总期号、系统中已有的期次和缺号；缺少的期号可逐期填写，再选择导入全部或部分。
        </Text>
        <Button
          block
          variant={files.length ? 'plain' : 'primary'}
          loading={reading}
          disabled={importing}
          onClick={() => void step.run('choose')}
        >
          {files.length ? '重新选择文件' : '选择多个简报文件'}
        </Button>
      </Card>

      {files.length > 0 ? (
        <Card title="进度">
          <Text className="zj-catalogue__progress-text">
            {importing || report ? `已导入 ${imported}/${chosen}` : `已读取 ${finished}/${files.length}`}
          </Text>
          <View className="zj-catalogue__bar zj-catalogue__bar--batch">
            <View className="zj-catalogue__bar-fill" style={{ width: `${batchPercent}%` }} />
          </View>
        </Card>
      ) : null}

      {step.error ? (
        <Card title="出错了" className="zj-catalogue__failed">
          <Text className="zj-catalogue__error">{step.error}</Text>
        </Card>
      ) : null}

      {report ? (
        <ReportCard report={report} downloading={busy === 'download'} onDownload={() => void step.run('download')} onRestart={restart} />
      ) : null}

      {!reading && files.length > 0 && describeReview(review).length > 0 && !report ? (
        <Card title="批次检查" className="zj-catalogue__review">
          {describeReview(review).map((line) => (
            <Text key={line} className="zj-catalogue__warning">
              {line}
            </Text>
          ))}
        </Card>
      ) : null}

      {files.map((entry) => (
        <FileRow
          key={entry.key}
          entry={entry}
          notes={notesFor(entry.file.name, review)}
          editable={!busy && !report}
          onOverrides={(overrides) => update(entry.key, (it) => ({ ...it, overrides }))}
          onInclude={(include) => update(entry.key, (it) => ({ ...it, include }))}
        />
      ))}

      {files.length > 0 && !reading && !report ? (
        <Button block loading={importing} disabled={chosen === 0} onClick={() => void step.run('import')}>
          {`导入选中的 ${chosen} 期并发布`}
        </Button>
      ) : null}
    </View>
  );
}

/** 导入往期（多个文件）: a folder of back issues at once, checked as a batch, imported, with a report. */
export default function BulletinCataloguePage() {
  return (
    <Page>
      <RoleGate roles={['secretariat']}>
        <Catalogue />
      </RoleGate>
    </Page>
  );
}
