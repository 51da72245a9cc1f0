import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://127.0.0.1:3000';

/**
 * Vendor chunks change rarely, so browsers keep them across releases (stack-notes gotcha 9). antd
 * and echarts are each larger than the 500 kB warning limit on their own, so `maxSize` cuts them
 * into pieces that download in parallel. It counts module bytes before minification (about three
 * times the minified size): 1.2 MB gives pieces of at most ~330 kB.
 */
const VENDOR_MAX_BYTES = 1_200_000;

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': server, '/public': server },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Splitting one library over several chunks can run a module before one it depends on
        // (antd's pieces failed with "Cannot destructure property 'ESC'"); keep the source order.
        strictExecutionOrder: true,
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/,
              priority: 30,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 30, maxSize: VENDOR_MAX_BYTES },
            { name: 'contract', test: /packages[\\/]contract[\\/]|node_modules[\\/]zod[\\/]/, priority: 30 },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|@babel[\\/]runtime|dayjs|classnames|clsx|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|stylis|@emotion)[\\/]/,
              priority: 20,
              maxSize: VENDOR_MAX_BYTES,
            },
          ],
        },
      },
    },
  },
});
