import { Input, type InputProps } from 'antd';
import { sanitizeDecimal } from '../lib/decimal-input.ts';

type Props = Omit<InputProps, 'value' | 'onChange'> & {
  readonly value?: string | null;
  readonly onChange?: (value: string | null) => void;
};

/** A text input that accepts only a decimal; the value stays a string (exact), empty means null. */
export function DecimalInput({ value, onChange, ...rest }: Props) {
  return (
    <Input
      {...rest}
      inputMode="decimal"
      autoComplete="off"
      value={value ?? ''}
      onChange={(event) => {
        const cleaned = sanitizeDecimal(event.target.value);
        onChange?.(cleaned === '' ? null : cleaned);
      }}
    />
  );
}
