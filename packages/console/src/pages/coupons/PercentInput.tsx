import { Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { zh } from '../../i18n/zh-CN';
import { bpToPercent, bpToText, bpToZhe, isPercentBp, normalizeTyped, type PercentMode, percentTypingOk, textToBp } from './coupon-rule';

export interface PercentInputProps {
  /** Basis points off (1500 = 15 % off = 8.5折). */
  value?: number | null;
  /** Basis points, or null while the text is not a number (the form's rule then says so). */
  onChange?: (bp: number | null) => void;
  disabled?: boolean;
  id?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * Percent off typed the way the merchant thinks of it: as 折 (8.5, or 85 as on price tags) or as % off (15), held in
 * basis points in the form. Under the field, the other reading, so "85" cannot be mistaken: = 8.5 折，即减 15%.
 */
export function PercentInput({ value, onChange, disabled, id, ...rest }: PercentInputProps) {
  const [mode, setMode] = useState<PercentMode>('zhe');
  const [text, setText] = useState(() => (isPercentBp(value) ? bpToText('zhe', value) : ''));

  // Follow an outside change of value (a form reset, a copied template), not one that matches what is typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of value resets the text.
  useEffect(() => {
    const current = text ? textToBp(mode, text) : null;
    if (value === null || value === undefined) {
      if (current !== null) setText('');
    } else if (current !== value && isPercentBp(value)) {
      setText(bpToText(mode, value));
    }
  }, [value]);

  const switchMode = (next: PercentMode) => {
    setMode(next);
    if (isPercentBp(value)) setText(bpToText(next, value));
  };

  return (
    <div>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id={id}
          aria-label={rest['aria-label']}
          data-testid={rest['data-testid']}
          inputMode='decimal'
          disabled={disabled}
          value={text}
          placeholder={mode === 'zhe' ? '8.5' : '15'}
          suffix={mode === 'zhe' ? zh.coupons.percent.zheUnit : '%'}
          onChange={(e) => {
            const next = normalizeTyped(e.target.value);
            if (!percentTypingOk(mode, next)) return;
            setText(next);
            onChange?.(next ? textToBp(mode, next) : null);
          }}
        />
        <Select<PercentMode>
          value={mode}
          disabled={disabled}
          onChange={switchMode}
          style={{ width: 128, flex: 'none' }}
          data-testid={rest['data-testid'] ? `${rest['data-testid']}-mode` : undefined}
          options={[
            { value: 'zhe', label: zh.coupons.percent.modeZhe },
            { value: 'percent', label: zh.coupons.percent.modePercent },
          ]}
        />
      </Space.Compact>
      {isPercentBp(value) && (
        <Typography.Text type='secondary' style={{ fontSize: 12 }} data-testid={rest['data-testid'] ? `${rest['data-testid']}-reading` : undefined}>
          {zh.coupons.percent.reading(bpToZhe(value), bpToPercent(value))}
        </Typography.Text>
      )}
    </div>
  );
}
