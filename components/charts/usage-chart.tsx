"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { UsageDay } from "@/lib/dal/usage-ledger";

/**
 * Seats assigned and in use per day, summed over clients (the usage ledger), as lines; like the bar charts, also a
 * table for screen readers.
 */
export function UsageChart({ title, days }: { title: string; days: UsageDay[] }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-sm font-semibold text-slate-800">{title}</figcaption>
      {/* Clipped: the chart takes its box's new width a frame after a resize, and the old one must not widen the page. */}
      <div aria-hidden="true" className="h-56 w-full overflow-hidden">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={days} margin={{ left: 0, right: 16 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="day" fontSize={12} minTickGap={24} />
            <YAxis allowDecimals={false} fontSize={12} width={48} />
            <Tooltip />
            <Legend />
            <Line
              type="stepAfter"
              dataKey="seatsAssigned"
              name="Assigned"
              stroke="#64748b"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="stepAfter"
              dataKey="seatsUsed"
              name="In use"
              stroke="#1d4ed8"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Assigned</th>
              <th scope="col">In use</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{day.day}</th>
                <td>{day.seatsAssigned}</td>
                <td>{day.seatsUsed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
