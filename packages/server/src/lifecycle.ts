/** A resource with a life of its own (subscriptions, timers, open sockets), started and stopped with the server. */
export interface Lifecycle {
  readonly name: string;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}
