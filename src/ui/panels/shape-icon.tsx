/** Flat SVG versions of the scene's marker shapes and status overlays, for the legend and lists. */
import type { MarkerShape, StatusName } from '../palette';
import { COMPROMISED_COLOR, STATUS_COLOR } from '../palette';

export function ShapeIcon({ shape, color = '#c9d1e0', size = 16 }: { shape: MarkerShape; color?: string; size?: number }) {
  const common = { fill: color, stroke: '#0b0e14', strokeWidth: 1 };
  let body;
  switch (shape) {
    case 'diamond':
      body = <polygon points="8,1 15,8 8,15 1,8" {...common} />;
      break;
    case 'drum':
      body = <path d="M3 4 a5 2 0 0 1 10 0 v8 a5 2 0 0 1 -10 0 z" {...common} />;
      break;
    case 'cone':
      body = <polygon points="8,1 14.5,14.5 1.5,14.5" {...common} />;
      break;
    case 'ball':
      body = <circle cx="8" cy="8" r="6" {...common} />;
      break;
    case 'cube':
      body = <rect x="2.5" y="2.5" width="11" height="11" {...common} />;
      break;
    case 'hexagon':
      body = <polygon points="8,1 14,4.5 14,11.5 8,15 2,11.5 2,4.5" {...common} />;
      break;
    case 'disc':
      body = <ellipse cx="8" cy="9" rx="7" ry="4.5" {...common} fillOpacity={0.75} />;
      break;
    default: {
      const never: never = shape;
      return never;
    }
  }
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" className="shape-icon">
      {body}
    </svg>
  );
}

/** A status swatch that also carries the status symbol, so it reads without colour. */
export function StatusBadge({ status, label }: { status: StatusName; label?: string }) {
  return (
    <span className={`status-badge status-${status}`} style={{ borderColor: STATUS_COLOR[status] }}>
      <StatusGlyph status={status} />
      <span>{label ?? status}</span>
    </span>
  );
}

export function StatusGlyph({ status, size = 14 }: { status: StatusName; size?: number }) {
  const c = STATUS_COLOR[status];
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" className="status-glyph">
      {status === 'ok' && <circle cx="8" cy="8" r="6" fill={c} />}
      {status === 'degraded' && <polygon points="8,1.5 15,14.5 1,14.5" fill={c} />}
      {status === 'down' && (
        <g stroke={c} strokeWidth="3.5" strokeLinecap="round">
          <line x1="3" y1="3" x2="13" y2="13" />
          <line x1="13" y1="3" x2="3" y2="13" />
        </g>
      )}
    </svg>
  );
}

export function CompromisedGlyph({ size = 14 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" className="status-glyph">
      <circle cx="8" cy="8" r="5.5" fill="none" stroke={COMPROMISED_COLOR} strokeWidth="2.5" strokeDasharray="3 1.6" />
    </svg>
  );
}
