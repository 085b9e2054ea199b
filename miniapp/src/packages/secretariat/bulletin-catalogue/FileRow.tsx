import { Text, View } from '@tarojs/components';
import { DatePicker } from '../../../components/DatePicker';
import { Field } from '../../../components/Field';
import type { Overrides } from '../bulletin-import/overrides';
import { labelOf, STAGE_NAMES, STAGE_PERCENT, type CatalogueFile } from './batchState';

interface FileRowProps {
  entry: CatalogueFile;
  /** The review's note on this file (duplicate, already stored, no 期号). */
  notes: string[];
  editable: boolean;
  onOverrides: (overrides: Overrides) => void;
  onInclude: (include: boolean) => void;
}

const MISSING = '未读出，请填写';

/** One file of the batch: its progress, what was read, the header fields to fill, whether to import it. */
export function FileRow({ entry, notes, editable, onOverrides, onInclude }: FileRowProps) {
  const document = entry.preview?.document;
  const set = (key: keyof Overrides) => (value: string) => onOverrides({ ...entry.overrides, [key]: value });
  return (
    <View className={`zj-catalogue__file zj-catalogue__file--${entry.stage}`}>
      <View className="zj-catalogue__file-head">
        <Text className="zj-catalogue__file-name">{entry.file.name}</Text>
        <Text className="zj-catalogue__stage">{STAGE_NAMES[entry.stage]}</Text>
      </View>
      <View className="zj-catalogue__bar">
        <View className="zj-catalogue__bar-fill" style={{ width: `${STAGE_PERCENT[entry.stage]}%` }} />
      </View>
      {entry.error ? <Text className="zj-catalogue__error">{entry.error}</Text> : null}
      {document ? (
        <>
          <Text className="zj-catalogue__label">
            {labelOf(entry)} · {document.articles.length} 篇文章{document.issue.date ? ` · ${document.issue.date}` : ''}
          </Text>
          <View className="zj-catalogue__titles">
            {document.articles.map((article, index) => (
              <Text key={`${index}-${article.title}`} className="zj-catalogue__title">
                {index + 1}、{article.title}
              </Text>
            ))}
          </View>
          {[...document.warnings, ...notes].map((note) => (
            <Text key={note} className="zj-catalogue__warning">
              {note}
            </Text>
          ))}
          {editable ? (
            <>
              <View className="zj-catalogue__fields">
                <Field
                  label="年份"
                  type="number"
                  maxlength={4}
                  value={entry.overrides.year}
                  onChange={set('year')}
                  hint={document.issue.year === null ? MISSING : undefined}
                />
                <Field
                  label="期号"
                  type="number"
                  maxlength={3}
                  value={entry.overrides.number}
                  onChange={set('number')}
                  hint={document.issue.number === null ? MISSING : undefined}
                />
                <Field
                  label="总期号"
                  type="number"
                  maxlength={6}
                  value={entry.overrides.total}
                  onChange={set('total')}
                  hint={document.issue.totalNumber === null ? MISSING : undefined}
                />
              </View>
              <DatePicker
                label="日期"
                value={entry.overrides.date}
                onChange={set('date')}
                hint={document.issue.date === null ? MISSING : undefined}
              />
              <View className="zj-catalogue__include" onClick={() => onInclude(!entry.include)}>
                <Text className={`zj-catalogue__check${entry.include ? ' zj-catalogue__check--on' : ''}`}>{entry.include ? '✓' : ''}</Text>
                <Text>导入这一期</Text>
              </View>
            </>
          ) : null}
        </>
      ) : null}
    </View>
  );
}
