/**
 * The comparison page of `npm run bench:web`: what a plain Vite + React +
 * ECharts app does — the full `echarts` import through echarts-for-react,
 * the whole CSV parsed with PapaParse on load — drawing the same ranking.
 */
import ReactECharts from 'echarts-for-react';
import Papa from 'papaparse';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

type Row = { town: string; year: string; indicator: string; value: string };

function App() {
  const [rows, setRows] = useState<Row[] | null>(null);
  useEffect(() => {
    void fetch('data/indicators.csv')
      .then((r) => r.text())
      .then((text) => setRows(Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data));
  }, []);
  if (rows === null) return <p>loading</p>;
  const latest = rows.filter((r) => r.indicator === 'mediation.cases');
  return (
    <ReactECharts
      option={{
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: latest.map((r) => r.town) },
        series: [{ type: 'bar', data: latest.map((r) => Number(r.value)) }],
      }}
      onEvents={{ rendered: () => performance.mark('first-chart') }}
      style={{ height: 300 }}
    />
  );
}

const root = document.getElementById('root');
if (root !== null) createRoot(root).render(<App />);
