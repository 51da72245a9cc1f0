import { Input, type InputProps } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { parseMoneyInput } from '../lib/money.ts';

type Props = Omit<InputProps, 'value' | 'onChange'> & {
  readonly value?: string | null;
  readonly onChange?: (value: string) => void;
};

/**
 * An amount in yuan, kept as the text typed (exact, never a float). Leaving the field turns
 * "1,234.5" or full-width digits into the API's money string "1234.5"; the form's moneyRule says
 * what is wrong with anything else.
 */
export function MoneyInput({ value, onChange, onBlur, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <Input
      inputMode="decimal"
      autoComplete="off"
      suffix={t('common.yuan')}
      {...rest}
      value={value ?? ''}
      onChange={(event) => onChange?.(event.target.value)}
      onBlur={(event) => {
        const parsed = parseMoneyInput(event.target.value);
        if (parsed !== null && parsed !== event.target.value) onChange?.(parsed);
        onBlur?.(event);
      }}
    />
  );
}
