/**
 * Who draws the first chart, and when React comes (components/chart/first-chart.ts),
 * with the clock under the test's control: the data folder's image first, then
 * the live chart's code (its download begun just before it is imported); React not while the image is on screen and the data
 * has not decided; the data asked for once, at once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFirstChart } from '../../src/components/chart/first-chart';

interface Run {
  readonly calls: string[];
  /** Settles the image: on screen (true) or not (false). */
  image(shown: boolean): void;
  /** The data index has downloaded. */
  indexArrived(): void;
  /** The live chart before React is drawn, or left to React. */
  decided(): void;
  /** What the image path was told about the page when it asked. */
  drawnAtImage(): boolean | null;
}

function start(): Run {
  const calls: string[] = [];
  let settleImage: (shown: boolean) => void = () => undefined;
  let arrive: () => void = () => undefined;
  let decide: () => void = () => undefined;
  let drawn: (() => boolean) | null = null;
  startFirstChart({
    showImage: (d) => {
      drawn = d;
      calls.push('image');
      return new Promise<boolean>((r) => (settleImage = r));
    },
    loadData: () => calls.push('data'),
    preloadChartCode: () => calls.push('preload'),
    indexArrived: new Promise<void>((r) => (arrive = r)),
    drawEarly: () => {
      calls.push('live');
      return new Promise<void>((r) => (decide = r));
    },
    startReact: () => calls.push('react'),
  });
  return {
    calls,
    image: (shown) => settleImage(shown),
    indexArrived: () => arrive(),
    decided: () => decide(),
    drawnAtImage: () => (drawn === null ? null : drawn()),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the first chart and React', () => {
  it('asks for the data and shows the image, then draws the live chart, then React', async () => {
    const run = start();
    await vi.advanceTimersByTimeAsync(0);
    expect(run.calls).toEqual(['data', 'image']);
    expect(run.drawnAtImage()).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    run.image(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(run.calls).toEqual(['data', 'image', 'preload', 'live']);
    run.decided();
    await vi.advanceTimersByTimeAsync(0);
    expect(run.calls).toEqual(['data', 'image', 'preload', 'live', 'react']);
  });

  it('keeps the image on screen on a slow network: React waits for the data to decide', async () => {
    const run = start();
    run.image(true);
    await vi.advanceTimersByTimeAsync(5000);
    // The index has not arrived after 5 s, but React would only show its loading page.
    expect(run.calls).toEqual(['data', 'image', 'preload', 'live']);
    run.indexArrived();
    run.decided();
    await vi.advanceTimersByTimeAsync(0);
    expect(run.calls.at(-1)).toBe('react');
  });

  it('brings React after ten seconds with the image on screen and the data never deciding', async () => {
    const run = start();
    run.image(true);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(run.calls).not.toContain('react');
    await vi.advanceTimersByTimeAsync(1);
    expect(run.calls).toEqual(['data', 'image', 'preload', 'live', 'react']);
  });

  it('without an image, brings React after a second on a slow network, with the data asked for', async () => {
    const run = start();
    run.image(false);
    await vi.advanceTimersByTimeAsync(999);
    expect(run.calls).toEqual(['data', 'image', 'preload', 'live']);
    await vi.advanceTimersByTimeAsync(1);
    expect(run.calls).toEqual(['data', 'image', 'preload', 'live', 'react']);
    // The image path is told React has come: it shows nothing any more.
    expect(run.drawnAtImage()).toBe(true);
  });

  it('waits a second at most for an image that never comes; the data is asked for once', async () => {
    const run = start();
    run.indexArrived();
    await vi.advanceTimersByTimeAsync(999);
    expect(run.calls).toEqual(['data', 'image']);
    await vi.advanceTimersByTimeAsync(1);
    expect(run.calls).toEqual(['data', 'image', 'preload', 'live']);
    // A slow PC is no reason for React before three seconds without a chart.
    await vi.advanceTimersByTimeAsync(1_999);
    expect(run.calls).not.toContain('react');
    await vi.advanceTimersByTimeAsync(1);
    expect(run.calls).toEqual(['data', 'image', 'preload', 'live', 'react']);
    expect(run.calls.filter((c) => c === 'data')).toHaveLength(1);
  });

  it('brings React after a second on a slow network when the image has not come either', async () => {
    const run = start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run.calls).toContain('react');
    expect(run.calls.filter((c) => c === 'data')).toHaveLength(1);
  });
});
