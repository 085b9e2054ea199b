import { Text, View } from '@tarojs/components';
import type { IssueDetail } from '@zhijian/shared';
import { StateView } from '../../../../components/StateView';
import './index.scss';

interface TocSheetProps {
  issue: IssueDetail | null;
  error: string | null;
  currentArticleId: number;
  onSelect: (articleId: number) => void;
  onClose: () => void;
  onRetry: () => void;
}

/** The issue's 【本期导读】 over the article, one tap from anywhere in it. */
export function TocSheet({ issue, error, currentArticleId, onSelect, onClose, onRetry }: TocSheetProps) {
  return (
    <View className="zj-toc-sheet">
      <View className="zj-toc-sheet__mask" onClick={onClose} />
      <View className="zj-toc-sheet__panel" ariaRole="dialog" ariaLabel="本期导读">
        <View className="zj-toc-sheet__head">
          <Text className="zj-toc-sheet__title">【本期导读】</Text>
          <View className="zj-toc-sheet__close" ariaRole="button" ariaLabel="关闭导读" onClick={onClose}>
            <Text>关闭</Text>
          </View>
        </View>
        {issue ? (
          <View className="zj-toc-sheet__list">
            <Text className="zj-toc-sheet__issue">{issue.label}</Text>
            {issue.toc.map((entry, index) => (
              <View
                key={entry.articleId}
                className={`zj-toc-sheet__entry${entry.articleId === currentArticleId ? ' zj-toc-sheet__entry--current' : ''}`}
                hoverClass="zj-toc-sheet__entry--hover"
                onClick={() => onSelect(entry.articleId)}
              >
                <Text className="zj-toc-sheet__number">{index + 1}、</Text>
                <Text className="zj-toc-sheet__entry-title">
                  {entry.section ? `${entry.section}：` : ''}
                  {entry.title}
                </Text>
              </View>
            ))}
          </View>
        ) : error ? (
          <StateView kind="error" description={error} onRetry={onRetry} />
        ) : (
          <StateView kind="loading" />
        )}
      </View>
    </View>
  );
}
