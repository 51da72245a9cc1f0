import { Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './SessionProvider.tsx';

const CHANGE_PASSWORD = '/account/password';

/**
 * Guards the signed-in part of the app: without a session, the login page (remembering where the user
 * was going); with an initial password still to change, the change-password page and nothing else.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (state.status === 'signed-out') {
    const from = state.reason === 'signed-out' ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  if (state.session.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD) {
    return <Navigate to={CHANGE_PASSWORD} replace />;
  }
  return children;
}
