import type { BudgetLine } from '@jixiao/contract';
import { Select, type SelectProps } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatMoney } from '../../../lib/money.ts';

type Props = Omit<SelectProps<string>, 'options'> & {
  readonly lines: readonly BudgetLine[];
  /** Only 项目支出 lines (补贴, 工程采购). */
  readonly projectOnly?: boolean;
};

/** A budget line picker that shows each line's available balance (可用余额), so a charge can be judged before it is refused. */
export function BudgetLineSelect({ lines, projectOnly = false, ...rest }: Props) {
  const { t } = useI18n();
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      {...rest}
      options={lines
        .filter((line) => !projectOnly || line.spendingType === 'project')
        .map((line) => ({
          value: line.id,
          label: `${line.code} ${line.name}${t('common.paren', { text: t('line.availableShort', { amount: formatMoney(line.available) }) })}`,
        }))}
    />
  );
}
