export * from './livekit-credentials';
export * from './livekit-jwt-signer';
export * from './livekit-media-token-issuer';
export * from './livekit-media-room-gateway';
export * from './livekit-media-webhook-verifier';
export * from './parse-media-event';
export * from './room-service-url';
