import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Button } from '../Button';
import './index.scss';

interface StateViewProps {
  kind: 'loading' | 'empty' | 'error';
  title?: string;
  description?: ReactNode;
  onRetry?: () => void;
}

const DEFAULT_TITLES = { loading: '正在加载…', empty: '暂无内容', error: '加载失败' } as const;

/** Loading, empty and error-with-retry states, the same on every page. */
export function StateView({ kind, title, description, onRetry }: StateViewProps) {
  return (
    <View className={`zj-state zj-state--${kind}`}>
      {kind === 'loading' ? <View className="zj-state__spinner" /> : <Text className="zj-state__icon">{kind === 'empty' ? '○' : '!'}</Text>}
      <Text className="zj-state__title">{title ?? DEFAULT_TITLES[kind]}</Text>
      {description ? <Text className="zj-state__description">{description}</Text> : null}
      {kind === 'error' && onRetry ? (
        <View className="zj-state__action">
          <Button variant="secondary" size="small" onClick={onRetry}>
            重试
          </Button>
        </View>
      ) : null}
    </View>
  );
}
