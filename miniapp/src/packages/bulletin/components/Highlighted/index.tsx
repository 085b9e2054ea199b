import { Text } from '@tarojs/components';
import type { Segment } from '@zhijian/shared';
import './index.scss';

/** Search text as the server cut it: hits in their own style, everything as plain text. */
export function Highlighted({ segments, className }: { segments: Segment[]; className?: string }) {
  return (
    <Text className={className}>
      {segments.map((segment, index) => (
        <Text key={index} className={segment.hit ? 'zj-hit' : undefined}>
          {segment.text}
        </Text>
      ))}
    </Text>
  );
}
