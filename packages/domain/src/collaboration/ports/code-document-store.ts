/** The latest shared code of one user in one class (stomp.md §5.5). */
export interface CodeDocument {
  readonly userId: number;
  readonly code: string;
  readonly language: string;
  readonly updatedAt: Date;
}

/** Who a code document belongs to: the class's instructor code, or a student's own code. */
export type CodeOwner = { readonly kind: 'instructor' } | { readonly kind: 'student'; readonly userId: number };

/** Latest code per class and owner, kept 24 h after the last write (TTL), cleared when the class ends. */
export interface CodeDocumentStore {
  put(classId: number, owner: CodeOwner, doc: CodeDocument, ttlS: number): Promise<void>;
  get(classId: number, owner: CodeOwner): Promise<CodeDocument | null>;
  clearClass(classId: number): Promise<void>;
}
