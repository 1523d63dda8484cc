import { Form, Radio } from 'antd';
import { zh } from '../i18n/zh-CN';

/** The direction of an adjustment form (`direction`): which way the amount goes, by default 增加 or 扣减. */
export function DirectionField({
  label = zh.members.adjustDirection,
  choices = { grant: zh.members.grant, deduct: zh.members.deduct },
}: {
  label?: string;
  choices?: Record<string, string>;
}) {
  return (
    <Form.Item name='direction' label={label}>
      <Radio.Group options={Object.entries(choices).map(([value, text]) => ({ value, label: text }))} />
    </Form.Item>
  );
}
