import type { LoginRequest, SignupRequest, User } from '@shortlist/contracts';
import { api } from './client';

export const authApi = {
  signup: (body: SignupRequest) => api.post<{ user: User; message: string }>('/auth/signup', body),
  login: (body: LoginRequest) =>
    api.post<{ token: string; user: User }>('/auth/login', body, { skipSessionExpiry: true }),
  me: () => api.get<{ user: User }>('/auth/me'),
  verify: (token: string) =>
    api.post<{ message: string }>('/auth/verify', { token }, { quiet: true, skipSessionExpiry: true }),
  resendVerification: (email: string) =>
    api.post<{ message?: string }>('/auth/resend-verification', { email }, { skipSessionExpiry: true }),
  forgotPassword: (email: string) =>
    api.post<{ message?: string }>('/auth/forgot-password', { email }, { skipSessionExpiry: true }),
  resetPassword: (token: string, password: string) =>
    api.post<{ message?: string }>('/auth/reset-password', { token, password }, { skipSessionExpiry: true }),
};
