"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type BarSeries = { key: string; label: string; color: string };

/**
 * A horizontal bar chart of a few clients (recharts: maintained, composable, React 19, SVG that keeps to the page's
 * CSP). The figure's data is also a table for screen readers, since a chart alone tells them nothing.
 */
export function ClientBarChart({
  title,
  rows,
  series,
  unit = "",
  max,
  stacked = false,
}: {
  title: string;
  rows: ({ id: string; name: string } & Record<string, number | string>)[];
  series: BarSeries[];
  unit?: string;
  max?: number;
  /** The series add up to one bar per client (parts of a whole) instead of standing side by side. */
  stacked?: boolean;
}) {
  const height = Math.max(120, rows.length * (24 + series.length * 10) + 60);
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-semibold text-slate-800">{title}</figcaption>
      {/* Clipped: the chart takes its box's new width a frame after a resize, and the old one must not widen the page. */}
      <div aria-hidden="true" style={{ height }} className="w-full overflow-hidden">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" domain={[0, max ?? "auto"]} unit={unit} allowDecimals={false} fontSize={12} />
            <YAxis type="category" dataKey="name" width={120} fontSize={12} tickLine={false} />
            <Tooltip formatter={(value) => `${value}${unit}`} />
            {series.length > 1 ? <Legend /> : null}
            {series.map((one) => (
              <Bar
                key={one.key}
                dataKey={one.key}
                name={one.label}
                fill={one.color}
                stackId={stacked ? "parts" : undefined}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* A table keeps its content width whatever its own, so the hidden box is a div around it. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Client</th>
              {series.map((one) => (
                <th key={one.key} scope="col">
                  {one.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.name}</th>
                {series.map((one) => (
                  <td key={one.key}>{`${row[one.key]}${unit}`}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
