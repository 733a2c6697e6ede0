/** How many of one item one user owns: one per (user, item). */
export interface InventoryEntry {
  userId: string;
  itemId: string;
  /** The user's total of the item; 0 once everything was taken back. */
  quantity: number;
  /** When the user first acquired the item. */
  acquiredAt: Date;
}
