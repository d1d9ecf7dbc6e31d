// `ws` is a dependency of @sooscode/adapters, not of the workspace root (pnpm installs strictly),
// so the bench loads it the way the adapters package resolves it.
import { createRequire } from 'node:module';
import type * as WsModule from 'ws';

const requireFromAdapters = createRequire(new URL('../../packages/adapters/package.json', import.meta.url));
const ws = requireFromAdapters('ws') as typeof WsModule;

export const WebSocket = ws.WebSocket;
export const WebSocketServer = ws.WebSocketServer;
