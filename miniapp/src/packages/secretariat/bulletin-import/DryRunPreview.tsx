import { Text, View } from '@tarojs/components';
import type { ImportResult } from '@zhijian/shared';
import { Card } from '../../../components/Card';
import { DatePicker } from '../../../components/DatePicker';
import { Field } from '../../../components/Field';
import type { Overrides } from './overrides';

interface DryRunPreviewProps {
  preview: ImportResult;
  overrides: Overrides;
  onOverrides: (overrides: Overrides) => void;
}

const MISSING = '未读出，请填写';

/** What the importer read from the file, before anything is saved; missing header fields are asked for. */
export function DryRunPreview({ preview, overrides, onOverrides }: DryRunPreviewProps) {
  const { issue, articles, warnings } = preview.document;
  const set = (key: keyof Overrides) => (value: string) => onOverrides({ ...overrides, [key]: value });
  return (
    <>
      {warnings.length > 0 ? (
        <Card title="请注意" className="zj-import__warnings">
          {warnings.map((warning) => (
            <Text key={warning} className="zj-import__warning">
              {warning}
            </Text>
          ))}
        </Card>
      ) : null}
      <Card title="期号与日期">
        <Text className="zj-muted">
          {preview.created ? '这是新的一期，导入后直接发布。' : '系统中已有这一期：导入将更新它，阅读记录和收藏都保留。'}
        </Text>
        <View className="zj-import__fields">
          <Field
            label="年份"
            type="number"
            maxlength={4}
            value={overrides.year}
            onChange={set('year')}
            hint={issue.year === null ? MISSING : undefined}
          />
          <Field
            label="期号"
            type="number"
            maxlength={3}
            value={overrides.number}
            onChange={set('number')}
            hint={issue.number === null ? MISSING : undefined}
          />
          <Field
            label="总期号"
            type="number"
            maxlength={6}
            value={overrides.total}
            onChange={set('total')}
            hint={issue.totalNumber === null ? MISSING : undefined}
          />
        </View>
        <DatePicker label="日期" value={overrides.date} onChange={set('date')} hint={issue.date === null ? MISSING : undefined} />
        <Text className="zj-import__line">编印：{issue.publisher ?? '（未读出）'}</Text>
        <Text className="zj-import__line">报：{issue.distribution.report.length ? issue.distribution.report.join('、') : '（无）'}</Text>
        <Text className="zj-import__line">发：{issue.distribution.send.length ? issue.distribution.send.join('、') : '（无）'}</Text>
      </Card>
      <Card title={`文章（${articles.length} 篇）`}>
        {articles.map((article, index) => (
          <View key={`${index}-${article.title}`} className="zj-import__article">
            <Text className="zj-import__article-title">
              {index + 1}、{article.section ? `${article.section}：` : ''}
              {article.title}
            </Text>
            <Text className="zj-muted">{article.paragraphs.length} 段</Text>
          </View>
        ))}
      </Card>
    </>
  );
}
