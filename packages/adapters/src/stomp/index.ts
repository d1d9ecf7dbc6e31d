/** STOMP 1.2 over WebSocket and SockJS: the protocol engine and its transports. */
export type {
  AppError,
  AppOutcome,
  AuthenticationResult,
  JsonObject,
  SendResolution,
  SendRoute,
  StompApplication,
  StompPrincipal,
  StompSessionHandle,
  SubscribeDecision,
} from './stomp-application';
export type { HandshakeInfo, StompConnection, StompSocket } from './stomp-socket';
export { DEFAULT_STOMP_OPTIONS, resolveStompOptions, type StompOptions } from './stomp-options';
export { StompEndpoint, type StompEndpointConfig } from './stomp-endpoint';
export { StompServer, type StompServerConfig } from './stomp-server';
export { SubscriptionRegistry } from './subscription-registry';
export { NO_STOMP_OBSERVER, type DroppedFrameReason, type StompObserver } from './stomp-observer';
export { ERRORS_DESTINATION } from './session-subscriptions';
export { FrameParser, DEFAULT_FRAME_LIMITS, type FrameParserLimits, type FrameParseResult } from './frame-parser';
export { serializeFrame, type OutboundFrame } from './frame-serializer';
export { decodeHeaders, escapeHeader, unescapeHeader, type EscapeMode } from './header-codec';
export { StompFrameError } from './stomp-frame-error';
export type { RawFrame, StompFrame, StompVersion } from './stomp-frame';
