/** Live state kept per class that ending the class wipes (e.g. the latest synced code, owned by collaboration). */
export interface ClassScopedState {
  /** Forgets everything stored for class `classId`; a class with nothing stored is a no-op. */
  clearClass(classId: number): Promise<void>;
}
