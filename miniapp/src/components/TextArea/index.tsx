import { Text, Textarea, View } from '@tarojs/components';
import './index.scss';

export interface TextAreaProps {
  label?: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Shown as a running count next to the label when given. */
  maxlength?: number;
  error?: string;
  hint?: string;
  /** A fixed box, shorter for a summary and taller for a body of text, or one that grows with its text. */
  rows?: 'short' | 'tall' | 'grow';
  name?: string;
  /** Shown but not editable (a submitted form). */
  disabled?: boolean;
}

const NO_LIMIT = 20_000;

/** A labelled multi-line input, with a character count when limited, its hint or error underneath. */
export function TextArea({
  label,
  value,
  onChange,
  placeholder,
  maxlength,
  error,
  hint,
  rows = 'short',
  name,
  disabled = false,
}: TextAreaProps) {
  return (
    <View className={`zj-textarea zj-textarea--${rows}${error ? ' zj-textarea--error' : ''}${disabled ? ' zj-textarea--disabled' : ''}`}>
      {label ? (
        <View className="zj-textarea__head">
          <Text className="zj-textarea__label">{label}</Text>
          {maxlength ? (
            <Text className="zj-textarea__count">
              {value.length}/{maxlength}
            </Text>
          ) : null}
        </View>
      ) : null}
      <Textarea
        className="zj-textarea__input"
        name={name}
        value={value}
        disabled={disabled}
        maxlength={maxlength ?? NO_LIMIT}
        placeholder={placeholder}
        placeholderClass="zj-textarea__placeholder"
        autoHeight={rows === 'grow'}
        onInput={(event) => onChange(event.detail.value)}
      />
      {error ? <Text className="zj-textarea__error">{error}</Text> : hint ? <Text className="zj-textarea__hint">{hint}</Text> : null}
    </View>
  );
}
