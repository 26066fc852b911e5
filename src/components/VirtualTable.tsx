/**
 * A table that renders only the rows in view once it has many (a province's
 * 2,000 towns): a scrolling box with spacer rows above and below the visible
 * slice. Rows have one fixed height (set in CSS). Up to `ALL_ROWS` rows, every
 * row is rendered: that keeps a county's tables whole for printing and search.
 */
import { useState, type ReactNode } from 'react';

export const ALL_ROWS = 200;
const OVERSCAN = 10;

export interface VirtualTableProps<T> {
  readonly items: readonly T[];
  readonly head: ReactNode;
  readonly row: (item: T, index: number) => ReactNode;
  readonly columns: number;
  /** Pixel height of one row (CSS gives .virtual-table rows this height). */
  readonly rowHeight?: number;
  /** Height of the scrolling box. */
  readonly height?: number;
  readonly className?: string;
  readonly testId?: string;
  /** Names the scrolling box for screen readers. */
  readonly label: string;
}

export function VirtualTable<T>({
  items,
  head,
  row,
  columns,
  rowHeight = 32,
  height = 480,
  className,
  testId,
  label,
}: VirtualTableProps<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  if (items.length <= ALL_ROWS) {
    return (
      <table className={className} data-testid={testId}>
        <thead>{head}</thead>
        <tbody>{items.map(row)}</tbody>
      </table>
    );
  }
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return (
    <div
      className="virtual-scroll"
      style={{ maxHeight: height }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      // The box scrolls: keyboard users reach it with Tab.
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <table
        className={`${className ?? ''} virtual-table`}
        data-testid={testId}
        aria-rowcount={items.length + 1}
        style={{ ['--row-height' as string]: `${rowHeight}px` }}
      >
        <thead>{head}</thead>
        <tbody>
          {first > 0 && (
            <tr aria-hidden="true" style={{ height: first * rowHeight }}>
              <td colSpan={columns} />
            </tr>
          )}
          {items.slice(first, last).map((item, i) => row(item, first + i))}
          {last < items.length && (
            <tr aria-hidden="true" style={{ height: (items.length - last) * rowHeight }}>
              <td colSpan={columns} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
