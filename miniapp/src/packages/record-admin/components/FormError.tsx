import { Text } from '@tarojs/components';
import './record.scss';

/** The server's refusal (or the form's own message) under a form. */
export function FormError({ message }: { message?: string | null }) {
  return message ? <Text className="zj-ra__error">{message}</Text> : null;
}
