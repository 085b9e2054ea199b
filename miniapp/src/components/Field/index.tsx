import { Input, Text, View } from '@tarojs/components';
import './index.scss';

export interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** `digit` opens the numeric keyboard with a decimal point, `number` the one without. */
  type?: 'text' | 'number' | 'digit';
  /** Shown but not editable (a submitted form). */
  disabled?: boolean;
  password?: boolean;
  maxlength?: number;
  error?: string;
  hint?: string;
  name?: string;
  /** The cursor goes into the field (as it is drawn, or when this turns true). */
  focus?: boolean;
  onConfirm?: () => void;
}

/** A labelled text input with its hint or error underneath. */
export function Field({
  label,
  value,
  onChange,
  placeholder,
  type = 'text',
  password,
  maxlength = 100,
  error,
  hint,
  name,
  focus,
  onConfirm,
  disabled = false,
}: FieldProps) {
  return (
    <View className={`zj-field${error ? ' zj-field--error' : ''}${disabled ? ' zj-field--disabled' : ''}`}>
      <Text className="zj-field__label">{label}</Text>
      <Input
        className="zj-field__input"
        name={name}
        value={value}
        type={type}
        password={password}
        disabled={disabled}
        focus={focus}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass="zj-field__placeholder"
        onInput={(event) => onChange(event.detail.value)}
        onConfirm={() => onConfirm?.()}
      />
      {error ? <Text className="zj-field__error">{error}</Text> : hint ? <Text className="zj-field__hint">{hint}</Text> : null}
    </View>
  );
}
