import { Client, type IFrame, type StompConfig } from '@stomp/stompjs';
import SockJS from 'sockjs-client';
import WebSocket from 'ws';

export interface ConnectedClient {
  readonly client: Client;
  readonly connected: IFrame;
}

/** Activates a stompjs client (no reconnect) and resolves on CONNECTED, rejects on ERROR or close. */
export function activate(config: StompConfig): Promise<ConnectedClient> {
  return new Promise((resolve, reject) => {
    const client = new Client({
      reconnectDelay: 0,
      heartbeatIncoming: 0,
      heartbeatOutgoing: 0,
      ...config,
      onConnect: (frame) => resolve({ client, connected: frame }),
      onStompError: (frame) => reject(Object.assign(new Error(`STOMP ERROR ${frame.headers['message']}`), { frame })),
      onWebSocketClose: (event: { code: number }) => reject(new Error(`closed ${event.code}`)),
    });
    client.activate();
  });
}

/** stompjs over a raw `ws` WebSocket to `url`, with optional handshake headers. */
export function overWs(url: string, headers: Record<string, string> = {}): StompConfig {
  return { webSocketFactory: () => new WebSocket(url, ['v12.stomp', 'v11.stomp'], { headers }) };
}

/** stompjs over sockjs-client; `cookie` goes on the WebSocket handshake (Node only). */
export function overSockJs(httpUrl: string, options: { cookie?: string; transports?: string[] } = {}): StompConfig {
  return {
    webSocketFactory: () =>
      new SockJS(`${httpUrl}/ws`, undefined, {
        ...(options.transports ? { transports: options.transports } : {}),
        transportOptions: options.cookie ? { websocket: { headers: { Cookie: options.cookie } } } : {},
      } as SockJS.Options),
  };
}
