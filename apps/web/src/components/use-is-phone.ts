import { Grid } from 'antd';

/** Below antd's md breakpoint (768 px): menus become drawers and tables drop their fixed columns. */
export function useIsPhone(): boolean {
  return Grid.useBreakpoint().md === false;
}
