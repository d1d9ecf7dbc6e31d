/**
 * Ends live (STOMP) sessions when credentials are revoked (http.md §1.7, stomp.md §2.4).
 * Implementations send ERROR `GLOBAL_401` and close; sessions on every node are reached.
 */
export interface SessionTerminator {
  /** Closes every live session authenticated through one of these families. */
  closeFamilies(familyIds: readonly string[]): Promise<void>;
  /** Closes every live session of the user. */
  closeUser(userId: number): Promise<void>;
}
