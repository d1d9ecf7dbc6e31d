import type { Principal } from '@sooscode/domain';

/** Per-request state set by middleware. */
export interface AppState {
  requestId?: string;
  /** Set by `requireUser`. */
  principal?: Principal;
  /** Set by `jsonBody()`. */
  body?: Record<string, unknown>;
}

/** The authenticated principal; only valid after `requireUser`. */
export function principalOf(state: AppState): Principal {
  if (!state.principal) throw new Error('principalOf called on a route without requireUser');
  return state.principal;
}
