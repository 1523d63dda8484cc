import { fenToYuanString, yuanStringToFen } from '@siyu/shared/money';
import { Input } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import { zh } from '../i18n/zh-CN';

/** What a merchant may type for an amount in yuan: digits, at most two decimals (a trailing dot while typing). */
const TYPING = /^\d{0,10}(\.\d{0,2})?$/;

/** Yuan text -> fen, or null when it is not (yet) an amount. "228.00" -> 22800, "19.99" -> 1999; never floats. */
export function parseYuan(text: string): number | null {
  const t = text.trim();
  if (!t || t === '.') return null;
  try {
    return yuanStringToFen(t.endsWith('.') ? t.slice(0, -1) : t);
  } catch {
    return null;
  }
}

/** A form rule: the field holds fen (a safe integer within `max`), or is empty when not required. */
export function moneyRule(options: { required?: boolean; max?: number; label?: string } = {}) {
  return {
    validator: async (_: unknown, value: number | null | undefined) => {
      if (value === null || value === undefined) {
        if (options.required) throw new Error(zh.money.invalid);
        return;
      }
      if (!Number.isSafeInteger(value) || value < 0) throw new Error(zh.money.invalid);
      if (options.max !== undefined && value > options.max) throw new Error(zh.money.tooLarge);
    },
  };
}

export interface MoneyInputProps {
  /** Fen. */
  value?: number | null;
  /** Fen, or null while the text is not an amount (antd Form then shows the rule's message). */
  onChange?: (fen: number | null) => void;
  placeholder?: string;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
  'aria-label'?: string;
  className?: string;
  size?: 'small' | 'middle' | 'large';
}

/**
 * An amount entered in yuan and held in fen: the merchant types 228.00 and the form gets 22800. The text the
 * merchant typed is kept while it is being typed ("12." stays "12."); on blur it shows two decimals.
 */
export function MoneyInput({ value, onChange, placeholder, disabled, style, id, className, size, ...rest }: MoneyInputProps) {
  const [text, setText] = useState(() => (value === null || value === undefined ? '' : fenToYuanString(value)));

  // Follow the value when it changes from outside (a form reset, a batch price), not while it matches the text.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of value resets the text.
  useEffect(() => {
    const current = parseYuan(text);
    if (value === null || value === undefined) {
      if (current !== null) setText('');
    } else if (current !== value) {
      setText(fenToYuanString(value));
    }
  }, [value]);

  return (
    <Input
      id={id}
      className={className}
      size={size}
      aria-label={rest['aria-label']}
      prefix='¥'
      inputMode='decimal'
      placeholder={placeholder ?? '0.00'}
      disabled={disabled}
      style={style}
      value={text}
      onChange={(e) => {
        const next = e.target.value.replace(/[，。]/g, '.').replace(/\s/g, '');
        if (!TYPING.test(next)) return;
        setText(next);
        onChange?.(parseYuan(next));
      }}
      onBlur={() => {
        const fen = parseYuan(text);
        if (fen !== null) setText(fenToYuanString(fen));
      }}
    />
  );
}
