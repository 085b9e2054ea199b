import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { StateView } from '../StateView';
import './index.scss';

interface FeatureNoticeProps {
  title: string;
  description: string;
  /** What this tab will hold, one line each. */
  upcoming: string[];
  children?: ReactNode;
}

/** An honest empty tab: what will appear here, until the feature that fills it exists. */
export function FeatureNotice({ title, description, upcoming, children }: FeatureNoticeProps) {
  return (
    <View className="zj-feature-notice">
      <StateView kind="empty" title={title} description={description} />
      <View className="zj-feature-notice__list">
        <Text className="zj-feature-notice__head">上线后这里会有：</Text>
        {upcoming.map((line) => (
          <Text key={line} className="zj-feature-notice__item">
            · {line}
          </Text>
        ))}
      </View>
      {children}
    </View>
  );
}
