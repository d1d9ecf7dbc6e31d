import type { LiveSessionControl, SessionTerminator } from '@sooscode/domain';
import type { LiveFanOut } from '@sooscode/adapters/realtime/live-fan-out';
import type { CacheInvalidation } from '@sooscode/adapters/redis/redis-cache-invalidation-relay';

/**
 * What the state family provides beyond the domain ports: the server-side plumbing whose in-memory and
 * Redis versions differ in kind, given one shape so that the feature modules never ask which it is.
 */

/** Every delivery and command to live STOMP sessions: on this node only (in-memory), or on every node (Redis pub/sub). */
export type LiveBus = LiveFanOut & LiveSessionControl & SessionTerminator;

/** Starts and stops what the live bus needs beyond this process (subscriptions); a no-op in memory. */
export interface LiveBusLifecycle {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Removes the presence of nodes that died without leaving (Redis: heartbeats and a sweep). In memory
 * there is one node, whose sessions leave when they close, so it never sweeps.
 */
export interface PresenceSweeper {
  /** Begins sweeping; `onSwept` gets the classes that lost participants (a class may repeat). */
  start(onSwept: (classIds: number[]) => void): Promise<void>;
  stop(): void;
}

/** Carries cache invalidations to the other nodes; alone in memory, it has no one to tell. */
export interface CacheRelay {
  publish(change: CacheInvalidation): void;
  /** Begins receiving the other nodes' changes. */
  start(onChange: (change: CacheInvalidation) => void): Promise<void>;
  stop(): Promise<void>;
}
