import type { NotificationList } from '@jixiao/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from './client.ts';

export const notificationApi = {
  list: () => http.get<NotificationList>('/api/notifications'),
  read: (id: string) => http.post<{ updated: number }>(`/api/notifications/${id}/read`),
  readAll: () => http.post<{ updated: number }>('/api/notifications/read-all'),
};

const key = ['notifications'] as const;

/** 消息通知: polled once a minute (no push channel yet), and refreshed when the window is focused again. */
export function useNotifications() {
  return useQuery({ queryKey: key, queryFn: notificationApi.list, refetchInterval: 60_000 });
}

export function useNotificationWrites() {
  const client = useQueryClient();
  const settle = { onSuccess: () => client.invalidateQueries({ queryKey: key }) };
  return {
    read: useMutation({ mutationFn: notificationApi.read, ...settle }),
    readAll: useMutation({ mutationFn: notificationApi.readAll, ...settle }),
  };
}
