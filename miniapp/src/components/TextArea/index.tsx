import { Text, Textarea, View } from '@tarojs/components';
import './index.scss';

export interface TextAreaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxlength: number;
  error?: string;
  hint?: string;
  /** Taller for a body of text, shorter for a summary. */
  rows?: 'short' | 'tall';
  name?: string;
}

/** A labelled multi-line input with a character count, its hint or error underneath. */
export function TextArea({ label, value, onChange, placeholder, maxlength, error, hint, rows = 'short', name }: TextAreaProps) {
  return (
    <View className={`zj-textarea zj-textarea--${rows}${error ? ' zj-textarea--error' : ''}`}>
      <View className='zj-textarea__head'>
        <Text className='zj-textarea__label'>{label}</Text>
        <Text className='zj-textarea__count'>
          {value.length}/{maxlength}
        </Text>
      </View>
      <Textarea
        className='zj-textarea__input'
        name={name}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass='zj-textarea__placeholder'
        autoHeight={false}
        onInput={(event) => onChange(event.detail.value)}
      />
      {error ? <Text className='zj-textarea__error'>{error}</Text> : hint ? <Text className='zj-textarea__hint'>{hint}</Text> : null}
    </View>
  );
}
