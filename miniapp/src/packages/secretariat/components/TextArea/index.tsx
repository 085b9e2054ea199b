import { Text, Textarea, View } from '@tarojs/components';
import './index.scss';

interface TextAreaProps {
  label?: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxlength?: number;
  hint?: string;
  error?: string;
}

/** A labelled multi-line input that grows with its text. */
export function TextArea({ label, value, onChange, placeholder, maxlength = 20_000, hint, error }: TextAreaProps) {
  return (
    <View className={`zj-textarea${error ? ' zj-textarea--error' : ''}`}>
      {label ? <Text className='zj-textarea__label'>{label}</Text> : null}
      <Textarea
        className='zj-textarea__input'
        value={value}
        placeholder={placeholder}
        placeholderClass='zj-textarea__placeholder'
        maxlength={maxlength}
        autoHeight
        onInput={(event) => onChange(event.detail.value)}
      />
      {error ? <Text className='zj-textarea__error'>{error}</Text> : hint ? <Text className='zj-textarea__hint'>{hint}</Text> : null}
    </View>
  );
}
