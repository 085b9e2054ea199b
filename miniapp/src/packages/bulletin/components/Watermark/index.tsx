import { Text, View } from '@tarojs/components';
import './index.scss';

const CELLS = 18;

/**
 * A faint repeated mark over the whole screen: who is reading (name and masked phone tail) and
 * 内部刊物 注意保存, so a screenshot carries its source. A fixed grid of rotated text rather than a
 * background image: it renders the same in WeChat and H5, and `pointer-events: none` leaves every
 * tap and text selection to the page underneath.
 */
export function Watermark({ lines }: { lines: string[] }) {
  return (
    <View className="zj-watermark">
      {Array.from({ length: CELLS }, (_, index) => (
        <View key={index} className="zj-watermark__cell">
          {lines.map((line) => (
            <Text key={line} className="zj-watermark__line">
              {line}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

/** "李青 ****0003": the reader's name and phone tail, as printed in the watermark. */
export function watermarkLines(user: { name: string; phoneTail: string } | null | undefined): string[] {
  const reader = user ? `${user.name} ****${user.phoneTail}` : '';
  return [reader, '内部刊物 注意保存'].filter(Boolean);
}
