/**
 * The ⓘ beside an indicator's name: a button that opens what the indicator
 * counts, its unit and its counting rule (口径), from the catalog. A
 * disclosure: the button says whether it is open; Escape, a click or tap
 * elsewhere, or the button again closes it. The box is placed in the window
 * (fixed), so a scrolling table or a chart below does not clip it nor move;
 * it is not printed. The definitions load on first open: the page's first
 * chart does not carry them.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { INDICATORS, type IndicatorId } from '../catalog';
import type * as DefinitionsModule from '../catalog/definitions';
import { indicatorName, t, unitLabel, type Lang } from '../i18n';

type Definitions = typeof DefinitionsModule;

let definitions: Promise<Definitions> | null = null;
function loadDefinitions(): Promise<Definitions> {
  definitions ??= import('../catalog/definitions');
  return definitions;
}

/** Room kept between the box and the window's edges, and the button. */
const MARGIN = 8;
const WIDTH = 340;

interface Place {
  readonly top: number;
  readonly left: number;
  readonly width: number;
}

/** Below the button (above it when there is no room), inside the window. */
function placeFor(button: DOMRect, height: number): Place {
  const width = Math.min(WIDTH, window.innerWidth - 2 * MARGIN);
  const left = Math.min(Math.max(MARGIN, button.left), window.innerWidth - width - MARGIN);
  const below = button.bottom + 4;
  const above = button.top - 4 - height;
  const top = below + height > window.innerHeight - MARGIN && above >= MARGIN ? above : below;
  return { top, left, width };
}

export function IndicatorInfo({ lang, indicator }: { lang: Lang; indicator: IndicatorId }) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Definitions | null>(null);
  const [place, setPlace] = useState<Place | null>(null);
  const id = useId();
  const wrapper = useRef<HTMLSpanElement | null>(null);
  const button = useRef<HTMLButtonElement | null>(null);
  const box = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!open || loaded !== null) return;
    let live = true;
    void loadDefinitions().then((d) => {
      if (live) setLoaded(d);
    });
    return () => {
      live = false;
    };
  }, [open, loaded]);

  // Placed after each render while open (its height changes once the text is in).
  useLayoutEffect(() => {
    if (!open) return;
    const reposition = (): void => {
      const b = button.current?.getBoundingClientRect();
      if (b === undefined) return;
      const next = placeFor(b, box.current?.offsetHeight ?? 0);
      setPlace((p) =>
        p !== null && p.top === next.top && p.left === next.left && p.width === next.width
          ? p
          : next,
      );
    };
    reposition();
    window.addEventListener('resize', reposition);
    window.addEventListener('scroll', reposition, true);
    return () => {
      window.removeEventListener('resize', reposition);
      window.removeEventListener('scroll', reposition, true);
    };
  });

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      // Closes this box only, not the source panel behind it.
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent): void => {
      if (!(e.target instanceof Node) || wrapper.current?.contains(e.target) !== true) {
        setOpen(false);
      }
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const name = indicatorName(lang, indicator);
  const spec = INDICATORS[indicator];
  const written = spec.units.filter((u) => u !== spec.unit);
  const unit =
    written.length === 0
      ? unitLabel(lang, spec.unit)
      : `${unitLabel(lang, spec.unit)}${t(lang, 'unitsWritten', {
          units: [spec.unit, ...written].join(lang === 'zh' ? '、' : ', '),
        })}`;
  const entry = loaded?.DEFINITIONS[indicator];
  const counting =
    loaded === null
      ? ''
      : [loaded.KIND_COUNTING[spec.kind][lang], entry?.counting?.[lang] ?? '']
          .filter((s) => s !== '')
          .join(lang === 'zh' ? '' : ' ');
  return (
    <span className="indicator-info no-print" ref={wrapper}>
      <button
        type="button"
        className="info-button"
        ref={button}
        aria-label={t(lang, 'aboutIndicator', { name })}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        data-testid="indicator-info"
        onClick={() => {
          setPlace(null);
          setOpen(!open);
        }}
      >
        ⓘ
      </button>
      {open && (
        <div
          className={`info-popover${place === null ? ' info-popover-placing' : ''}`}
          id={id}
          ref={box}
          role="region"
          aria-label={t(lang, 'aboutIndicator', { name })}
          data-testid="indicator-info-popover"
          style={place === null ? undefined : { ...place }}
        >
          <p className="info-name">{name}</p>
          {loaded === null ? (
            <p className="hint">{t(lang, 'loadingShort')}</p>
          ) : (
            <dl>
              <dt>{t(lang, 'definitionHead')}</dt>
              <dd>{entry?.definition[lang]}</dd>
              <dt>{t(lang, 'unitHead')}</dt>
              <dd>{unit}</dd>
              <dt>{t(lang, 'countingHead')}</dt>
              <dd>{counting}</dd>
            </dl>
          )}
        </div>
      )}
    </span>
  );
}
