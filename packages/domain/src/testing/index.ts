export * from './fixed-clock';
export * from './fakes';
export * from './user-mother';
export * from './contracts/index';
export * from './classroom-mother';
export * from './recording-room-broadcaster';
