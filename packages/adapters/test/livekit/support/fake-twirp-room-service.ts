import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify, type JWTPayload, type JWTHeaderParameters } from 'jose';
import type { FakeParticipant, FakeRoom, FakeTrack } from './fake-room-state';
import { FAKE_METHODS, type VideoClaim } from './fake-room-service-methods';
import { twirpError, type TwirpAnswer } from './twirp-answer';

export type { FakeParticipant, FakeRoom, FakeTrack } from './fake-room-state';

/** The key pair the fake accepts server tokens from. */
export interface FakeTwirpRoomServiceOptions {
  readonly apiKey: string;
  readonly apiSecret: string;
}

/** One request the fake answered. */
export interface RecordedCall {
  /** Twirp method name, e.g. `CreateRoom`; `''` for a path that is not a RoomService method. */
  readonly method: string;
  /** HTTP status answered. */
  readonly status: number;
  /** The request body as JSON (`null` when it did not parse). */
  readonly body: unknown;
  /** The claims of the verified server token (`null` when it did not verify). */
  readonly claims: JWTPayload | null;
  /** The protected header of the verified server token (`null` when it did not verify). */
  readonly header: JWTHeaderParameters | null;
}

interface VerifiedToken {
  readonly claims: JWTPayload;
  readonly header: JWTHeaderParameters;
}

const PATH = /^\/twirp\/livekit\.RoomService\/([A-Za-z]+)$/;
const MAX_BODY_BYTES = 1 << 20;

/**
 * A loopback fake of LiveKit's Twirp RoomService (`POST /twirp/livekit.RoomService/<Method>`)
 * for CreateRoom, DeleteRoom, ListRooms, ListParticipants, RemoveParticipant and
 * MutePublishedTrack.
 *
 * Like LiveKit it requires `Authorization: Bearer <HS256 JWT>` signed with the configured
 * secret and issued by the configured key (else 401 `unauthenticated`), and the grant each
 * method needs (else 403 `permission_denied`): `roomCreate` for CreateRoom/DeleteRoom,
 * `roomList` for ListRooms, `roomAdmin` with `room` = the body's room for the others. It
 * answers protojson (camelCase, int64 as strings, defaults skipped) and Twirp error bodies
 * `{"code","msg"}` with the matching HTTP status. Rooms live in memory. It can be made slow
 * (`setLatencyMs`), unresponsive (`stall`) or unreachable (`goDown`), and can fail the next
 * call to a method (`failNext`).
 */
export class FakeTwirpRoomService {
  /** Every answered request, in order. */
  readonly calls: RecordedCall[] = [];
  /** The rooms, by name. */
  readonly rooms = new Map<string, FakeRoom>();

  readonly #server: Server;
  readonly #options: FakeTwirpRoomServiceOptions;
  readonly #failures = new Map<string, { code: string; msg: string }[]>();
  #mode: 'up' | 'stalled' | 'down' = 'up';
  #latencyMs = 0;
  #sequence = 0;

  private constructor(server: Server, options: FakeTwirpRoomServiceOptions) {
    this.#server = server;
    this.#options = options;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.#handle(req, res).catch(() => res.destroy());
    });
  }

  /** Starts a fake on 127.0.0.1, on a free port. */
  static async start(options: FakeTwirpRoomServiceOptions): Promise<FakeTwirpRoomService> {
    const server = createServer();
    const fake = new FakeTwirpRoomService(server, options);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return fake;
  }

  /** The fake as a `LIVEKIT_URL` (`ws://127.0.0.1:<port>`). */
  get livekitUrl(): string {
    return `ws://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** The fake's HTTP origin (`http://127.0.0.1:<port>`). */
  get httpUrl(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Adds (or replaces) room `name`. */
  addRoom(name: string, init: Partial<Pick<FakeRoom, 'emptyTimeout' | 'maxParticipants' | 'metadata'>> = {}): FakeRoom {
    const room: FakeRoom = {
      sid: this.#nextSid('RM_'),
      name,
      emptyTimeout: init.emptyTimeout ?? 300,
      maxParticipants: init.maxParticipants ?? 0,
      creationTimeMs: Date.now(),
      metadata: init.metadata ?? '',
      participants: new Map(),
    };
    this.rooms.set(name, room);
    return room;
  }

  /** Puts `identity` in room `room` (created when missing); it publishes when it has tracks. */
  addParticipant(
    room: string,
    identity: string,
    init: { name?: string; metadata?: string; tracks?: Omit<FakeTrack, 'muted'>[]; isPublisher?: boolean } = {},
  ): FakeParticipant {
    const target = this.rooms.get(room) ?? this.addRoom(room);
    const tracks = (init.tracks ?? []).map((t) => ({ ...t, muted: false }));
    const participant: FakeParticipant = {
      sid: this.#nextSid('PA_'),
      identity,
      name: init.name ?? '',
      metadata: init.metadata ?? '',
      isPublisher: init.isPublisher ?? tracks.length > 0,
      joinedAtS: Math.floor(Date.now() / 1000),
      tracks,
    };
    target.participants.set(identity, participant);
    return participant;
  }

  /** The recorded calls to `method`. */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Delays every answer by `ms` milliseconds. */
  setLatencyMs(ms: number): void {
    this.#latencyMs = ms;
  }

  /** Leaves every new request unanswered until `restore()` or `close()`. */
  stall(): void {
    this.#mode = 'stalled';
  }

  /** Drops every new connection without an answer, like an unreachable server. */
  goDown(): void {
    this.#mode = 'down';
  }

  /** Answers normally again, with no latency. */
  restore(): void {
    this.#mode = 'up';
    this.#latencyMs = 0;
  }

  /** Makes the next authorised call to `method` fail with Twirp error `code`. */
  failNext(method: string, code: string, msg = 'injected failure'): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), { code, msg }]);
  }

  /** Stops listening and drops every open connection, stalled ones included. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.#mode === 'down') {
      req.socket.destroy();
      return;
    }
    if (this.#mode === 'stalled') return;
    if (this.#latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#latencyMs));
    const raw = await readBody(req);
    const method = PATH.exec(req.url ?? '')?.[1] ?? '';
    const body = parseJson(raw);
    const { answer, token } = await this.#answer(req, method, body);
    this.calls.push({ method, status: answer.status, body, claims: token?.claims ?? null, header: token?.header ?? null });
    if (res.destroyed) return;
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  }

  async #answer(req: IncomingMessage, method: string, body: unknown): Promise<{ answer: TwirpAnswer; token: VerifiedToken | null }> {
    const handler = FAKE_METHODS[method];
    if (req.method !== 'POST' || !handler) return { answer: twirpError('bad_route', 'no such method'), token: null };
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return { answer: twirpError('bad_route', 'unexpected Content-Type'), token: null };
    }
    const token = await this.#verify(req.headers.authorization);
    if (!token) return { answer: twirpError('unauthenticated', 'invalid token'), token: null };
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return { answer: twirpError('malformed', 'the json request could not be decoded'), token };
    }
    const json = body as Record<string, unknown>;
    const video = token.claims.video;
    const grant = (typeof video === 'object' && video !== null ? video : {}) as VideoClaim;
    if (!handler.allowed(grant, json)) return { answer: twirpError('permission_denied', 'permissions denied'), token };
    const failure = this.#failures.get(method)?.shift();
    if (failure) return { answer: twirpError(failure.code, failure.msg), token };
    return { answer: handler.run(this.rooms, json, (prefix) => this.#nextSid(prefix)), token };
  }

  async #verify(authorization: string | undefined): Promise<VerifiedToken | null> {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!token) return null;
    try {
      const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(this.#options.apiSecret), {
        algorithms: ['HS256'],
        issuer: this.#options.apiKey,
        requiredClaims: ['exp'],
      });
      return { claims: payload, header: protectedHeader };
    } catch {
      return null;
    }
  }

  #nextSid(prefix: string): string {
    this.#sequence += 1;
    return `${prefix}${this.#sequence.toString(36).padStart(12, '0')}`;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}
