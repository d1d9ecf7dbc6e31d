export * from './media-grants';
export * from './grant-policy';
export * from './media-identity';
export * from './media-event';
export * from './ports/media-token-issuer';
export * from './ports/media-room-gateway';
export * from './ports/media-webhook-verifier';
