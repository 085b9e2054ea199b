import { Text } from '@tarojs/components';
import './forms.scss';

/** A message under a form: what is wrong with a part of it, or the server's refusal. */
export function FormError({ message }: { message?: string | null }) {
  return message ? <Text className="zj-form-error">{message}</Text> : null;
}
