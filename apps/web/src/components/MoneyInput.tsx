import { InputNumber, type InputNumberProps } from 'antd';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatMoneyField, groupMoneyTyping, ungroupMoney } from '../lib/money.ts';

type Props = Omit<InputNumberProps<string>, 'value' | 'onChange' | 'stringMode' | 'formatter' | 'parser'> & {
  readonly value?: string | null;
  readonly onChange?: (value: string) => void;
};

const formatter: NonNullable<InputNumberProps<string>['formatter']> = (value, { userTyping, input }) =>
  // While typing, the text typed is regrouped (the value would drop a trailing point or zeros).
  userTyping ? groupMoneyTyping(input) : value === undefined || value === '' ? '' : formatMoneyField(String(value));

/**
 * An amount in yuan with thousands separators while typing ("288000000.00" reads 288,000,000.00). The value
 * is a decimal string throughout: string mode keeps the number in the input's exact decimal (never a JS
 * float), and the form receives the API's money string without separators ("288000000", "1234.5"), or ''
 * when cleared. Full-width digits are accepted; the form's moneyRule says what is wrong with anything else.
 */
export function MoneyInput({ value, onChange, style, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <InputNumber<string>
      stringMode
      controls={false}
      inputMode="decimal"
      autoComplete="off"
      suffix={t('common.yuan')}
      style={{ width: '100%', ...style }}
      {...rest}
      value={value === '' ? null : value}
      formatter={formatter}
      parser={(text) => ungroupMoney(text ?? '')}
      onChange={(next) => onChange?.(next ?? '')}
    />
  );
}
