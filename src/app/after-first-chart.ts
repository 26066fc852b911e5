/**
 * Whether the page's first chart is drawn: what waits for it (the cards, the
 * print header's report list) starts then, not queued before it.
 */
import { useEffect, useState } from 'react';
import { afterFirstChart } from '../components/chart/first-chart';

export function useAfterFirstChart(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void afterFirstChart().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
