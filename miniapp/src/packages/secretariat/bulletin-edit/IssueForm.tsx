import { View } from '@tarojs/components';
import { DatePicker } from '../../../components/DatePicker';
import { Field } from '../../../components/Field';
import { TextArea } from '../../../components/TextArea';
import type { IssueFormErrors, IssueFormValues } from './issueForm';

interface IssueFormProps {
  values: IssueFormValues;
  errors: IssueFormErrors;
  onChange: (values: IssueFormValues) => void;
}

/** 年份、期、总期、日期、编印单位, and the 报 / 发 lists of an issue. */
export function IssueForm({ values, errors, onChange }: IssueFormProps) {
  const set = (key: keyof IssueFormValues) => (value: string) => onChange({ ...values, [key]: value });
  return (
    <View className="zj-issue-form">
      <View className="zj-issue-form__row">
        <Field label="年份" type="number" maxlength={4} value={values.year} onChange={set('year')} error={errors.year} placeholder="2026" />
        <Field
          label="期号"
          type="number"
          maxlength={3}
          value={values.number}
          onChange={set('number')}
          error={errors.number}
          placeholder="1"
        />
        <Field
          label="总期号"
          type="number"
          maxlength={6}
          value={values.totalNumber}
          onChange={set('totalNumber')}
          error={errors.totalNumber}
          placeholder="可不填"
        />
      </View>
      <DatePicker label="日期" value={values.date} onChange={set('date')} error={errors.date} />
      <Field label="编印单位" value={values.publisher} onChange={set('publisher')} error={errors.publisher} maxlength={100} />
      <TextArea
        rows="grow"
        label="报（每行一个）"
        value={values.report}
        onChange={set('report')}
        error={errors.report}
        placeholder={'省委组织部\n市委“两新”工委'}
      />
      <TextArea rows="grow" label="发（每行一个）" value={values.send} onChange={set('send')} error={errors.send} placeholder="协会会员" />
    </View>
  );
}
