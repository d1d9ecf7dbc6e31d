import type { WireCode, WireError } from '../wire';
import type { HandshakeInfo } from './stomp-socket';

/**
 * The application boundary of the STOMP engine. The engine owns the protocol (framing, sessions,
 * heart-beats, receipts, limits, fan-out); everything that knows about classes, chat or users
 * sits behind this interface. All methods may throw: a throw becomes `GLOBAL_500` (an ERROR frame
 * during CONNECT, an error message on `/user/queue/errors` otherwise) and is logged, never a crash.
 *
 * Check order for a SEND (stomp.md §5.2), and who does what:
 *   1-2 `resolveSend` (prefix `/app/` → GLOBAL_403, known pattern → GLOBAL_404), synchronous, pure;
 *   3   engine: inbound rate limit → GLOBAL_429;
 *   4   engine: body is UTF-8 JSON and an object → GLOBAL_400;
 *   5+  the returned route's `deliver` (class checks, joined, role, payload, effects, broadcast).
 * Check order for a SUBSCRIBE (stomp.md §5.1):
 *   -   engine: duplicate id → ERROR GLOBAL_400 (closes); inbound rate limit → GLOBAL_429;
 *   1-6 `subscribe` (pattern, class, membership, kick, destination rule), no side effects;
 *   7   engine: subscriptions-per-session limit → GLOBAL_429;
 *   then the engine registers the subscription and runs the decision's `activate` (e.g. the join),
 *   whose result, if any, is sent as a snapshot MESSAGE to that subscription only, before any
 *   message published to the destination in the meantime.
 */
export interface StompApplication {
  /** Authenticates a CONNECT. `connectHeaders` are the CONNECT frame's headers (first wins). */
  authenticate(connectHeaders: ReadonlyMap<string, string>, handshake: HandshakeInfo): Promise<AuthenticationResult>;
  /** Routes a SEND destination; see the check order above. */
  resolveSend(destination: string): SendResolution;
  /** Decides on a SUBSCRIBE (every destination, `/user/queue/...` included); no side effects. */
  subscribe(session: StompSessionHandle, destination: string): Promise<SubscribeDecision>;
  /**
   * Called once when a connected session ends, for any reason, after the frame it was processing
   * (if any) has finished. Ending a session is leaving every class it joined.
   */
  sessionEnded(session: StompSessionHandle): Promise<void>;
}

/** Who a session acts for; fixed at CONNECT for the life of the session. */
export interface StompPrincipal {
  readonly userId: number;
  readonly name: string;
  readonly role: string;
  /** The session family (refresh-token family) the credentials belong to. */
  readonly familyId: string;
}

/** An expected failure reported to the client: a catalogue code and, for GLOBAL_410/411, a detail. */
export type AppError = Pick<WireError, 'code' | 'field' | 'reason'>;

/** A JSON object, as parsed from a SEND body or published to subscribers. */
export type JsonObject = { readonly [key: string]: unknown };

export type AuthenticationResult =
  | { readonly ok: true; readonly principal: StompPrincipal }
  | { readonly ok: false; readonly code: Extract<WireCode, 'GLOBAL_401' | 'AUTH_401' | 'GLOBAL_429' | 'GLOBAL_500'> };

/** Outcome of an application step. */
export type AppOutcome = { readonly ok: true } | { readonly ok: false; readonly error: AppError };

export type SendResolution =
  | { readonly ok: true; readonly route: SendRoute }
  | { readonly ok: false; readonly error: AppError };

/** Handles a SEND whose body the engine already parsed into a JSON object. */
export type SendRoute = (session: StompSessionHandle, payload: JsonObject) => Promise<AppOutcome>;

export type SubscribeDecision =
  | {
      readonly ok: true;
      /**
       * Side effects of the subscription, run after it is registered (e.g. joining the class).
       * Resolves to a snapshot for this subscription only, or `undefined`. A throw unregisters the
       * subscription and reports GLOBAL_500.
       */
      readonly activate?: () => Promise<JsonObject | undefined>;
    }
  | { readonly ok: false; readonly error: AppError };

/** What the application may see and do with a session. */
export interface StompSessionHandle {
  /** The server session id (also sent in CONNECTED). */
  readonly id: string;
  readonly principal: StompPrincipal;
  readonly handshake: HandshakeInfo;
  /** Free per-session state owned by the application (e.g. the classes it joined). */
  readonly attributes: Map<string, unknown>;
  /** True while this session holds at least one subscription to exactly `destination`. */
  isSubscribedTo(destination: string): boolean;
  /** Drops, silently, every subscription whose destination matches; returns how many. */
  detach(matches: (destination: string) => boolean): number;
  /** Sends ERROR `code` and closes the connection (revocation: GLOBAL_401). */
  close(code: WireCode): void;
  /** False once the session has ended. */
  readonly open: boolean;
}
