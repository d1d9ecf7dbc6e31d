export * from './participant';
export * from './ports/presence-registry';
export * from './ports/live-mode-store';
export * from './ports/kick-ban-store';
export * from './ports/video-presence-store';
export * from './ports/live-session-control';
export * from './use-cases/index';
