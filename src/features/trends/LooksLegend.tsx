/**
 * The small multiples' towns and their looks (colour, dash, mark: lineLook),
 * as a legend of their own for paper: printed, the multiples fall a page
 * after the trend whose legend names the towns. On screen that legend is just
 * above, so this one prints only.
 */
import { lineLook, type LineLook } from '../../charts/palette';

/** zrender's dash patterns for a 2 px line (dashed 4 and 2 widths, dotted 1 and 1), drawn alike. */
const DASH: Readonly<Record<LineLook['type'], string | undefined>> = {
  solid: undefined,
  dashed: '8 4',
  dotted: '2 2',
};

function Mark({ look }: { readonly look: LineLook }) {
  const { color, type, symbol } = look;
  const mark = { fill: '#fff', stroke: color, strokeWidth: 1.5 };
  return (
    <svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true">
      <line
        x1="1"
        y1="6"
        x2="27"
        y2="6"
        stroke={color}
        strokeWidth="2"
        strokeDasharray={DASH[type]}
      />
      {symbol === 'emptyCircle' && <circle cx="14" cy="6" r="3.5" {...mark} />}
      {symbol === 'emptyTriangle' && <polygon points="14,2 18,9.5 10,9.5" {...mark} />}
      {symbol === 'emptyRect' && <rect x="10.5" y="2.5" width="7" height="7" {...mark} />}
    </svg>
  );
}

export interface LegendEntry {
  readonly id: string;
  /** As the trend's legend names the town. */
  readonly label: string;
  /** Its look's slot (lookSlots). */
  readonly slot: number;
}

/** Every town drawn in any of the panels' `lines`, once, with its look. */
export function legendOf(
  panels: readonly {
    readonly lines: readonly { readonly label: string; readonly colorIndex: number }[];
    readonly towns: readonly { readonly id: string }[];
  }[],
): LegendEntry[] {
  const entries = new Map<string, LegendEntry>();
  for (const { lines, towns } of panels) {
    lines.forEach((line, j) => {
      const id = towns[j]?.id;
      if (id !== undefined) entries.set(id, { id, label: line.label, slot: line.colorIndex });
    });
  }
  return [...entries.values()];
}

export function LooksLegend({
  entries,
  label,
}: {
  readonly entries: readonly LegendEntry[];
  readonly label: string;
}) {
  if (entries.length === 0) return null;
  const ordered = [...entries].sort((a, b) => a.slot - b.slot);
  return (
    <ul className="looks-legend print-only" aria-label={label} data-testid="looks-legend">
      {ordered.map((entry) => (
        <li key={entry.id}>
          <Mark look={lineLook(entry.slot)} />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}
