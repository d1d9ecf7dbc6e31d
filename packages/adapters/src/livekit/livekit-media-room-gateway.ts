import { RoomServiceClient, ServerError, type VideoGrant } from 'livekit-server-sdk';
import {
  domainError,
  err,
  ok,
  type Clock,
  type MediaParticipant,
  type MediaRoomGateway,
  type MediaRoomOptions,
  type Result,
} from '@sooscode/domain';
import type { Logger } from '../system/logger';
import type { LiveKitCredentials } from './livekit-credentials';
import { LiveKitJwtSigner } from './livekit-jwt-signer';
import { roomServiceUrlOf } from './room-service-url';

/** Default upstream timeout per call, in milliseconds (`LIVEKIT_HTTP_TIMEOUT_MS`). */
export const DEFAULT_LIVEKIT_HTTP_TIMEOUT_MS = 5000;

/** Lifetime of the server token sent with each call, in seconds. */
const SERVER_TOKEN_TTL_S = 600;

/** `sub` of the server tokens. */
const SERVER_TOKEN_SUBJECT = 'sooscode-api';

/** Connection settings of the Room API. */
export interface LiveKitRoomServiceOptions extends LiveKitCredentials {
  /** `LIVEKIT_URL` (`ws://`, `wss://`, `http://` or `https://`); converted by `roomServiceUrlOf`. */
  readonly url: string;
  /** Upstream timeout per call in milliseconds, a positive integer; default 5000. */
  readonly timeoutMs?: number;
}

/**
 * `MediaRoomGateway` over LiveKit's Twirp Room API, through the SDK's `RoomServiceClient`.
 *
 * Each call carries its own server token (HS256, `iss` = API key, `sub` = `sooscode-api`,
 * 10 minutes) holding only the grant that method needs: `roomCreate` for CreateRoom and
 * DeleteRoom, `roomList` for ListRooms, `roomAdmin` on that room for the participant methods.
 * Calls are aborted after `timeoutMs`, and the SDK's region failover (which retries on other
 * hosts) is off, so a call never outlives its timeout. Failures are logged at warn level
 * without credentials and come back as `LIVEKIT_002`, except the outcomes each method absorbs.
 */
export class LiveKitMediaRoomGateway implements MediaRoomGateway {
  readonly #baseUrl: string;
  readonly #timeoutS: number;
  readonly #signer: LiveKitJwtSigner;
  readonly #clock: Clock;
  readonly #logger: Logger;

  /** Throws on an empty key or secret, a malformed URL or a non-positive timeout. */
  constructor(options: LiveKitRoomServiceOptions, clock: Clock, logger: Logger) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_LIVEKIT_HTTP_TIMEOUT_MS;
    if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) throw new RangeError('timeoutMs must be a positive integer');
    this.#signer = new LiveKitJwtSigner(options);
    this.#baseUrl = roomServiceUrlOf(options.url);
    this.#timeoutS = timeoutMs / 1000;
    this.#clock = clock;
    this.#logger = logger.child({ component: 'livekit-room-gateway' });
  }

  createRoom(name: string, options: MediaRoomOptions): Promise<Result<void>> {
    // LiveKit answers CreateRoom for an existing room with that room; `already_exists` is absorbed too.
    return this.#call('CreateRoom', name, { roomCreate: true }, 'already_exists', undefined, async (client) => {
      await client.createRoom({ name, emptyTimeout: options.emptyTimeoutS, maxParticipants: options.maxParticipants });
    });
  }

  deleteRoom(name: string): Promise<Result<void>> {
    return this.#call('DeleteRoom', name, { roomCreate: true }, 'not_found', undefined, (client) =>
      client.deleteRoom(name),
    );
  }

  listParticipants(room: string): Promise<Result<MediaParticipant[]>> {
    return this.#call('ListParticipants', room, { roomAdmin: true, room }, 'not_found', [], async (client) => {
      const participants = await client.listParticipants(room);
      return participants.map((p) => ({ identity: p.identity, publisher: p.isPublisher === true }));
    });
  }

  listRooms(): Promise<Result<unknown[]>> {
    return this.#call('ListRooms', null, { roomList: true }, null, [], async (client) => {
      const rooms = await client.listRooms();
      // Back to protojson: camelCase, int64 as strings, default values omitted as LiveKit does.
      return rooms.map((r) => r.toJson());
    });
  }

  removeParticipant(room: string, identity: string): Promise<Result<void>> {
    return this.#call('RemoveParticipant', room, { roomAdmin: true, room }, 'not_found', undefined, (client) =>
      client.removeParticipant(room, identity),
    );
  }

  mutePublishedTrack(room: string, identity: string, trackSid: string, muted: boolean): Promise<Result<void>> {
    return this.#call('MutePublishedTrack', room, { roomAdmin: true, room }, null, undefined, async (client) => {
      await client.mutePublishedTrack(room, identity, trackSid, muted);
    });
  }

  /**
   * Runs `run` with a client whose token carries `grant`. A Twirp error whose code is
   * `absorbedCode` yields `absorbedValue`; every other failure yields `LIVEKIT_002`.
   */
  async #call<T>(
    method: string,
    room: string | null,
    grant: VideoGrant,
    absorbedCode: string | null,
    absorbedValue: T,
    run: (client: RoomServiceClient) => Promise<T>,
  ): Promise<Result<T>> {
    try {
      const token = await this.#signer.sign({ video: grant }, SERVER_TOKEN_SUBJECT, this.#clock.now(), SERVER_TOKEN_TTL_S);
      const client = new RoomServiceClient(this.#baseUrl, undefined, undefined, {
        token,
        requestTimeout: this.#timeoutS,
        failover: false,
      });
      return ok(await run(client));
    } catch (error) {
      if (absorbedCode !== null && error instanceof ServerError && error.code === absorbedCode) {
        return ok(absorbedValue);
      }
      this.#logger.warn({ method, room, ...describeFailure(error) }, 'LiveKit Room API call failed');
      return err(domainError('LIVEKIT_002'));
    }
  }
}

/** Loggable facts about a failed call: Twirp status and code, or the transport error's name. */
function describeFailure(error: unknown): Record<string, unknown> {
  if (error instanceof ServerError) return { status: error.status, twirpCode: error.code ?? null, reason: error.message };
  if (error instanceof Error) {
    const cause = error.cause as { code?: unknown } | undefined;
    return { error: error.name, reason: error.message, ...(typeof cause?.code === 'string' ? { cause: cause.code } : {}) };
  }
  return { error: typeof error };
}
