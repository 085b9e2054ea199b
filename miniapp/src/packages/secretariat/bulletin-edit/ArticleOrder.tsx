import { Text, View } from '@tarojs/components';
import type { IssueDetail } from '@zhijian/shared';

interface ArticleOrderProps {
  issue: IssueDetail;
  busy: boolean;
  onMove: (from: number, to: number) => void;
  onEdit: (articleId: number) => void;
  onRemove: (articleId: number, title: string) => void;
  onPreview: (articleId: number) => void;
}

/** The issue's articles in order (its 导读), each with 上移 / 下移 / 编辑 / 删除. */
export function ArticleOrder({ issue, busy, onMove, onEdit, onRemove, onPreview }: ArticleOrderProps) {
  if (issue.toc.length === 0) return <Text className="zj-muted">本期还没有文章，点“添加文章”开始。</Text>;
  const last = issue.toc.length - 1;
  return (
    <View className="zj-article-order">
      {issue.toc.map((entry, index) => (
        <View key={entry.articleId} className="zj-article-order__row">
          <View className="zj-article-order__main" onClick={() => onPreview(entry.articleId)}>
            <Text className="zj-article-order__title">
              {index + 1}、{entry.title}
            </Text>
            {entry.section ? <Text className="zj-article-order__section">{entry.section}</Text> : null}
          </View>
          <View className="zj-article-order__actions">
            <Text
              className={`zj-article-order__action${index === 0 || busy ? ' zj-article-order__action--off' : ''}`}
              onClick={() => index > 0 && !busy && onMove(index, index - 1)}
            >
              上移
            </Text>
            <Text
              className={`zj-article-order__action${index === last || busy ? ' zj-article-order__action--off' : ''}`}
              onClick={() => index < last && !busy && onMove(index, index + 1)}
            >
              下移
            </Text>
            <Text className="zj-article-order__action" onClick={() => onEdit(entry.articleId)}>
              编辑
            </Text>
            <Text
              className="zj-article-order__action zj-article-order__action--danger"
              onClick={() => !busy && onRemove(entry.articleId, entry.title)}
            >
              删除
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}
