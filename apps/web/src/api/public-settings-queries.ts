import type { PublicSettingsView, UpdatePublicSettings } from '@jixiao/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from './client.ts';
import { invalidate } from './control-cache.ts';
import { auditKeys } from './query-keys.ts';

const enc = encodeURIComponent;

export const publicSettingsApi = {
  get: (organisationId: string) => http.get<PublicSettingsView>(`/api/public-settings/${enc(organisationId)}`),
  update: (organisationId: string, body: UpdatePublicSettings) =>
    http.put<PublicSettingsView>(`/api/public-settings/${enc(organisationId)}`, body),
};

export const publicSettingsKeys = {
  all: ['public-settings'] as const,
  one: (organisationId: string) => ['public-settings', organisationId] as const,
};

/** A department's 公开设置; an organisation that is no department (or out of reach) answers an error, shown as nothing. */
export function usePublicSettings(organisationId: string) {
  return useQuery({ queryKey: publicSettingsKeys.one(organisationId), queryFn: () => publicSettingsApi.get(organisationId), retry: false });
}

/** A change is audited: the setting and the audit log are read again. */
export function useUpdatePublicSettings(organisationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePublicSettings) => publicSettingsApi.update(organisationId, body),
    onSuccess: () => invalidate(client, [publicSettingsKeys.one(organisationId), auditKeys.all]),
  });
}
