import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from './api/query-client.ts';
import { SessionProvider } from './auth/SessionProvider.tsx';
import { I18nProvider, useI18n } from './i18n/I18nProvider.tsx';
import { AppRoutes } from './routes.tsx';

// One cache for the life of the page (created outside the component: a re-render must not empty it).
const queryClient = createQueryClient();

const THEME = {
  token: {
    colorPrimary: '#1f4e99',
    fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif',
  },
};

/** Toasts open below a drawer's or the header's title bar (56–64 px), so they never cover what a drawer is about. */
const MESSAGE = { top: 72 };

function LocalisedApp() {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={THEME}>
      <AntApp message={MESSAGE}>
        <BrowserRouter>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalisedApp />
      </I18nProvider>
    </QueryClientProvider>
  );
}
