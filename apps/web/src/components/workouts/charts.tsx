'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import styles from './workouts.module.css';

type Point = { label: string; value: number };

/**
 * A chart (recharts, SVG) with the same numbers as a table for screen readers: the picture is for
 * the eye, the table is what assistive technology reads. recharts' own keyboard layer is off: it
 * makes the hidden SVG focusable, a focus stop that reads nothing.
 */
function ChartFigure({
  title,
  unit,
  points,
  empty,
  children,
}: {
  title: string;
  unit: string;
  points: Point[];
  /** Said instead of drawing empty axes when there is nothing to chart yet. */
  empty: string;
  children: React.ReactNode;
}) {
  return (
    <figure className={styles.card} aria-label={title}>
      <figcaption className={styles.heading}>{title}</figcaption>
      {points.length === 0 ? (
        <p className={`${styles.muted} ${styles.chartEmpty}`}>{empty}</p>
      ) : (
        <>
          <div className={styles.chart} aria-hidden="true">
            {children}
          </div>
          <table className="visually-hidden">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">{unit}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.label}>
                  <td>{point.label}</td>
                  <td>{point.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}

export function WeeklyVolumeChart({ points, unit }: { points: Point[]; unit: string }) {
  return (
    <ChartFigure
      title="Weekly volume"
      unit={`Volume (${unit})`}
      points={points}
      empty="Nothing to chart yet: finish a workout with weighted sets and its volume shows here, week by week."
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis />
          <Tooltip formatter={(value) => [`${value} ${unit}`, 'Volume']} />
          <Bar dataKey="value" fill="var(--accent)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function E1rmChart({
  points,
  unit,
  exercise,
  isLoading,
}: {
  points: Point[];
  unit: string;
  exercise: string;
  /** The exercise's history is on its way: no "nothing yet" for a moment before the chart. */
  isLoading: boolean;
}) {
  return (
    <ChartFigure
      title={`Best estimated 1RM: ${exercise}`}
      unit={`e1RM (${unit})`}
      points={points}
      empty={
        isLoading
          ? 'Loading…'
          : `No finished sets of ${exercise} yet: its best estimated 1RM shows here, workout by workout.`
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis domain={['auto', 'auto']} />
          <Tooltip formatter={(value) => [`${value} ${unit}`, 'e1RM']} />
          <Line dataKey="value" stroke="var(--accent)" strokeWidth={2} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
