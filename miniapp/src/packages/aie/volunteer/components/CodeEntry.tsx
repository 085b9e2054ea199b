import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../../../components/Button';
import { Field } from '../../../../components/Field';

interface CodeEntryProps {
  label: string;
  placeholder: string;
  submitLabel: string;
  /** The WeChat scanner (null on H5, which has none): the code's text, or null when closed. */
  onScan: (() => Promise<string | null>) | null;
  onSubmit: (text: string) => Promise<unknown>;
  busy?: boolean;
}

/** A QR code scanned with the camera, or its text typed or pasted (H5, or a code that will not scan). */
export function CodeEntry({ label, placeholder, submitLabel, onScan, onSubmit, busy }: CodeEntryProps) {
  const [text, setText] = useState('');
  const submit = async (value: string) => {
    await onSubmit(value.trim());
    setText('');
  };
  return (
    <View className="zj-vol__actions">
      {onScan ? (
        <Button
          block
          loading={busy}
          onClick={() =>
            void onScan().then((scanned) => {
              if (scanned) return submit(scanned);
              return undefined;
            })
          }
        >
          扫码
        </Button>
      ) : null}
      <Field label={label} value={text} onChange={setText} placeholder={placeholder} maxlength={2000} name="scan-code" />
      <Button block variant="secondary" loading={busy} disabled={!text.trim()} onClick={() => void submit(text)}>
        {submitLabel}
      </Button>
    </View>
  );
}
