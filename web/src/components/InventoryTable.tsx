import type { ReactNode } from 'react';
import { Link } from '../routing/Link.tsx';

export interface InventoryTableProps {
  /** What the table lists, for screen readers, e.g. "Items you own". */
  caption: ReactNode;
  /** The entries to list, in order. */
  entries: readonly { item: { id: string; name: string }; quantity: number }[];
  /** Whether each item's name links to its page in the store. */
  linkToItems?: boolean;
}

/** A player's items and how many of each, announced as it changes. */
export function InventoryTable({ caption, entries, linkToItems = false }: InventoryTableProps) {
  return (
    <table className="inventory" aria-live="polite">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Quantity</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(({ item, quantity }) => (
          <tr key={item.id}>
            <th scope="row">
              {linkToItems ? (
                <Link href={`/items/${encodeURIComponent(item.id)}`}>{item.name}</Link>
              ) : (
                item.name
              )}
            </th>
            <td>{quantity}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
