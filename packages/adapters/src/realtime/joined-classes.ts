import type { StompSessionHandle } from '../stomp/stomp-application';

const KEY = 'joinedClasses';

/** The classes a STOMP session has joined (its first chat SUBSCRIBE per class, stomp.md §4). */
export function joinedClasses(session: StompSessionHandle): Set<number> {
  let set = session.attributes.get(KEY) as Set<number> | undefined;
  if (!set) {
    set = new Set();
    session.attributes.set(KEY, set);
  }
  return set;
}
