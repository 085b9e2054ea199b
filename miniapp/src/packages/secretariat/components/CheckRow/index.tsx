import { Text, View } from '@tarojs/components';
import './index.scss';

/** A tappable yes/no row with a box, the same on WeChat and H5. */
export function CheckRow({
  checked,
  label,
  note,
  onChange,
}: {
  checked: boolean;
  label: string;
  note?: string;
  onChange: (checked: boolean) => void;
}) {
  return (
    <View className="zj-check-row" ariaRole="checkbox" ariaLabel={label} onClick={() => onChange(!checked)}>
      <View className={`zj-check-row__box${checked ? ' zj-check-row__box--on' : ''}`}>{checked ? '✓' : ''}</View>
      <View className="zj-check-row__text">
        <Text>{label}</Text>
        {note ? <Text className="zj-check-row__note">{note}</Text> : null}
      </View>
    </View>
  );
}
