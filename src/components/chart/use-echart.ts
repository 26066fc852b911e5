/**
 * Our ECharts host: one instance per element, created at once at the
 * element's CSS size (width 100%, a fixed height), or taken over from the
 * page drawn before React (handoff.ts). The option is set whole on each
 * change; the element's size is watched; the instance goes with the element.
 */
import type { EChartsType } from 'echarts/core';
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { echarts } from './echarts-setup';
import { ECHARTS_HOST, takeChart } from './handoff';
import { isPrintLayout, trackChart } from './print-layout';

/** The ECharts events the charts listen to; the latest handlers are called. */
export interface EChartEvents {
  readonly click?: (params: { seriesIndex?: number; dataIndex?: number }) => void;
  readonly datazoom?: () => void;
  readonly rendered?: () => void;
}

export interface EChartSettings {
  readonly option: object;
  readonly locale: 'ZH' | 'EN';
  readonly renderer: 'svg' | 'canvas';
  /** The key of a chart drawn before React that this one is: it is taken over, not drawn again. */
  readonly adopt?: string | undefined;
  /** The option's parts replaced whole on a change, the rest merged (see show); default: all replaced. */
  readonly replaceMerge?: readonly string[] | undefined;
  readonly events: EChartEvents;
}

/** The host element as the browser tests reach it. */
type Host = HTMLDivElement & { chart?: EChartsType };

type SetOption = EChartsType['setOption'];

/**
 * `replaceMerge`: on a chart already drawn, only these parts of the option are
 * replaced whole (and removed when the new option has none); the rest is
 * merged into what ECharts holds, so it keeps its tooltip, grid and axes
 * instead of building them again. Only for options whose every other part
 * has the same keys from one option to the next. Without it the option
 * replaces everything.
 */
function show(
  instance: EChartsType,
  option: object,
  replaceMerge: readonly string[] | undefined,
  first: boolean,
): void {
  // Laid out for paper, the page prints as it stands: no bar may be mid-way.
  if (isPrintLayout()) option = { ...option, animation: false };
  // Not lazy: a lazy setOption replaces the series at once but builds their
  // data a frame later, and a pointer moving over a bar in that frame made
  // ECharts read the data that was not there yet (an uncaught error when the
  // tooltip arrived while the reader hovered). notMerge: series may shrink.
  instance.setOption(
    option as Parameters<SetOption>[0],
    first || replaceMerge === undefined
      ? { notMerge: true, lazyUpdate: false }
      : { replaceMerge: [...replaceMerge], lazyUpdate: false },
  );
}

/**
 * Draws `option` in the element of the returned ref; the second ref holds
 * the instance while mounted. A new locale or renderer makes a new instance.
 */
export function useEChart({
  option,
  locale,
  renderer,
  adopt,
  replaceMerge,
  events,
}: EChartSettings): [RefObject<HTMLDivElement | null>, RefObject<EChartsType | null>] {
  const hostRef = useRef<HTMLDivElement | null>(null);
  const instanceRef = useRef<EChartsType | null>(null);
  // Read when the instance is made or an event fires, never a reason to make a new one.
  const latest = useRef({ option, adopt, events, replaceMerge });
  const shown = useRef<object | null>(null);
  useLayoutEffect(() => {
    latest.current = { option, adopt, events, replaceMerge };
  });

  useLayoutEffect(() => {
    const host = hostRef.current as Host | null;
    if (host === null) return;
    const drawn = takeChart(latest.current.adopt);
    let instance: EChartsType;
    if (drawn !== null) {
      // The element moves in (the same SVG, not redrawn); it fills the host.
      drawn.dom.classList.remove(ECHARTS_HOST);
      drawn.dom.style.width = '100%';
      drawn.dom.style.height = '100%';
      host.append(drawn.dom);
      instance = drawn.instance;
    } else {
      instance = echarts.init(host, null, { locale, renderer });
    }
    instanceRef.current = instance;
    host.chart = instance;
    const on = {
      click: (p: { seriesIndex?: number; dataIndex?: number }) => latest.current.events.click?.(p),
      datazoom: () => latest.current.events.datazoom?.(),
      rendered: () => latest.current.events.rendered?.(),
    };
    instance.on('click', on.click);
    instance.on('datazoom', on.datazoom);
    instance.on('rendered', on.rendered);
    // Also for a chart taken over: React's option is the same chart, set as React holds it.
    shown.current = latest.current.option;
    show(instance, latest.current.option, undefined, true);
    // Only a real change of size: ECharts redraws the whole chart on resize.
    const observer = new ResizeObserver(() => {
      const width = host.clientWidth;
      const height = host.clientHeight;
      if (
        width > 0 &&
        height > 0 &&
        (width !== instance.getWidth() || height !== instance.getHeight())
      ) {
        instance.resize();
      }
    });
    observer.observe(host);
    // Redrawn for paper when the page prints (print-layout.ts).
    const untrack = trackChart(instance);
    return () => {
      untrack();
      observer.disconnect();
      instance.dispose();
      drawn?.dom.remove();
      instanceRef.current = null;
      shown.current = null;
      delete host.chart;
    };
  }, [locale, renderer]);

  useLayoutEffect(() => {
    const instance = instanceRef.current;
    // By identity: the views memoise their options, and an option rebuilt
    // equal carries new formatter functions anyway. A deep comparison would
    // also walk what ECharts adds to an option it was given.
    if (instance === null || shown.current === option) return;
    shown.current = option;
    show(instance, option, latest.current.replaceMerge, false);
  }, [option]);

  return [hostRef, instanceRef];
}
