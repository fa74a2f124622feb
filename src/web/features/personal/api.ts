import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Paged } from '../../../shared/contracts/common';
import type { Notification, Task, taskCreate, taskUpdate } from '../../../shared/contracts/tasks';
import type { createTokenBody, createTokenResponse, Me, preferencesBody, tokenItem } from '../../../shared/contracts/auth';
import { api } from '../../api/client';

export type TaskTab = 'open' | 'done' | 'all';
export type TaskDue = 'overdue' | 'today' | 'week';
export type TaskCreate = z.input<typeof taskCreate>;
export type TaskUpdate = z.input<typeof taskUpdate>;
export type TokenItem = z.infer<typeof tokenItem>;
export type CreatedToken = z.infer<typeof createTokenResponse>;
export type CreateToken = z.input<typeof createTokenBody>;

export const personalKeys = {
  tasks: ['tasks'] as const,
  notifications: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  tokens: ['auth', 'tokens'] as const,
};

export function useTasks(params: { status: TaskTab; due?: TaskDue; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: [...personalKeys.tasks, params],
    queryFn: () => api.get<Paged<Task>>('/api/tasks', params),
    placeholderData: keepPreviousData,
  });
}

export function useSaveTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: TaskCreate | TaskUpdate }) =>
      id === undefined ? api.post<Task>('/api/tasks', body) : api.patch<Task>(`/api/tasks/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: personalKeys.tasks }),
  });
}

export function useNotifications(params: { unread?: boolean; page?: number; pageSize?: number }, enabled = true) {
  return useQuery({
    queryKey: [...personalKeys.notifications, 'list', params],
    queryFn: () =>
      api.get<Paged<Notification>>('/api/notifications', {
        unread: params.unread ? 'true' : undefined,
        page: params.page,
        pageSize: params.pageSize,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: personalKeys.unread,
    queryFn: () => api.get<{ count: number }>('/api/notifications/unread-count'),
    refetchInterval: 30_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post(`/api/notifications/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: personalKeys.notifications }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/notifications/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: personalKeys.notifications }),
  });
}

export function useTokens() {
  return useQuery({
    queryKey: personalKeys.tokens,
    queryFn: () => api.get<{ items: TokenItem[] }>('/api/auth/tokens'),
  });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateToken) => api.post<CreatedToken>('/api/auth/tokens', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: personalKeys.tokens }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/auth/tokens/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: personalKeys.tokens }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post('/api/auth/password', body),
  });
}

/** Saves the person's display preferences (money in 元 or 万元); `onSaved` reloads the session that carries them. */
export function useSavePreferences(onSaved: () => Promise<void>) {
  return useMutation({
    mutationFn: (body: z.input<typeof preferencesBody>) => api.put<Me>('/api/auth/preferences', body),
    onSuccess: onSaved,
  });
}
