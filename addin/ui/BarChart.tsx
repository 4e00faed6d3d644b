/**
 * A small SVG bar chart. Fluent's VerticalBarChart needs canvas text measuring and ResizeObserver,
 * which jsdom lacks; this one renders anywhere and is tiny.
 */
import { tokens } from '@fluentui/react-components';
import { formatNumber } from '../i18n/messages.js';

export interface Bar {
  label: string;
  value: number;
  /** Shown on hover and read by screen readers. */
  title: string;
}

const W = 300;
const H = 160;
const AXIS = 20;
const TOP = 16;

export function BarChart({ bars, label }: { bars: readonly Bar[]; label: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = W / Math.max(1, bars.length);
  const barWidth = slot * 0.6;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label}>
      <line x1={0} x2={W} y1={H - AXIS} y2={H - AXIS} stroke={tokens.colorNeutralStroke1} />
      {bars.map((b, i) => {
        const h = ((H - AXIS - TOP) * b.value) / max;
        const x = i * slot + (slot - barWidth) / 2;
        const y = H - AXIS - h;
        return (
          <g key={b.label} data-bar={b.label}>
            <title>{b.title}</title>
            <rect x={x} y={y} width={barWidth} height={h} fill={tokens.colorBrandBackground} rx={2} />
            <text
              x={i * slot + slot / 2}
              y={H - 6}
              fontSize={10}
              textAnchor="middle"
              fill={tokens.colorNeutralForeground2}
            >
              {b.label}
            </text>
            {b.value > 0 && (
              <text
                x={i * slot + slot / 2}
                y={y - 3}
                fontSize={9}
                textAnchor="middle"
                fill={tokens.colorNeutralForeground1}
              >
                {formatNumber(b.value)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
