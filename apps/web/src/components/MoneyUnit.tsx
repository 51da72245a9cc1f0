import { Segmented, Space, Typography } from 'antd';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { MONEY_UNITS, type MoneyUnit } from '../lib/money.ts';
import { isOneOf } from '../lib/one-of.ts';

const MoneyUnitContext = createContext<MoneyUnit>('yuan');
const STORAGE_KEY = 'jixiao.moneyUnit';

/** The unit the figures of the surrounding page read in; 元 outside a page that offers the switch. */
export function useMoneyUnit(): MoneyUnit {
  return useContext(MoneyUnitContext);
}

function storedUnit(): MoneyUnit {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isOneOf(MONEY_UNITS, stored) ? stored : 'yuan';
  } catch {
    return 'yuan';
  }
}

/**
 * The page's 元 / 万元 switch and the unit its figures read in: the choice is remembered in the browser, so a
 * finance reviewer who reads budgets of 亿 in 万元 keeps them so across pages and visits.
 */
export function MoneyUnitScope({ children }: { children: (toggle: ReactNode) => ReactNode }) {
  const { t } = useI18n();
  const [unit, setUnit] = useState<MoneyUnit>(storedUnit);
  const choose = (next: MoneyUnit) => {
    setUnit(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // A browser that keeps nothing still switches for this visit.
    }
  };
  const toggle = (
    <Space size={6}>
      <Typography.Text type="secondary">{t('money.unit')}</Typography.Text>
      <Segmented<MoneyUnit>
        size="small"
        value={unit}
        onChange={choose}
        data-testid="money-unit"
        options={[
          { value: 'yuan', label: t('common.yuan') },
          { value: 'wan', label: t('money.wan') },
        ]}
      />
    </Space>
  );
  return <MoneyUnitContext.Provider value={unit}>{children(toggle)}</MoneyUnitContext.Provider>;
}
