import { TextArea } from '../../../components/TextArea';

/** An activity's study materials (篇目、链接), up to the contract's 2000 characters. */
export function MaterialsField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  return (
    <TextArea
      label="学习材料"
      value={value}
      maxlength={2000}
      onChange={onChange}
      placeholder="篇目、链接或需提前阅读的内容"
      error={error}
    />
  );
}
