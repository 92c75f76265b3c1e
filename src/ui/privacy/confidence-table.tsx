/**
 * How far the attacker's own confidence can be trusted: its ties of identities to households, by
 * how sure it was of them, beside how many the simulation knows to be right. Counts only — never
 * which residents.
 */
import type { PrivacyView } from '../../worker/privacy-query';

type Reidentified = PrivacyView['reidentified'];

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The plain-language line: how often the attacker is right when it is at least `sure` sure. */
export function confidenceLine(r: Reidentified, sure = 0.8): string | null {
  if (r.ties === 0) return null;
  let ties = 0;
  let right = 0;
  for (const b of r.byConfidence) {
    if (b.from < sure) continue;
    ties += b.ties;
    right += b.right;
  }
  if (ties === 0) return `The attacker is never ${pct(sure)} sure of a tie or more.`;
  return `When the attacker is ${pct(sure)} sure or more, it is right ${right.toLocaleString('en-GB')} of ${ties.toLocaleString('en-GB')} times.`;
}

export function ConfidenceTable({ reidentified: r }: { reidentified: Reidentified }) {
  const line = confidenceLine(r);
  if (!line) return null;
  const right = r.byConfidence.reduce((a, b) => a + b.right, 0);
  return (
    <div className="confidence">
      <p className="small">
        {line} On average it is {pct(r.meanConfidence)} sure of a tie, and right {pct(right / r.ties)} of the time.
      </p>
      <table className="confidence-table">
        <caption className="muted small">How sure the attacker is of each tie, and how often it is right</caption>
        <thead>
          <tr>
            <th scope="col">attacker's confidence</th>
            <th scope="col">ties</th>
            <th scope="col">right</th>
          </tr>
        </thead>
        <tbody>
          {r.byConfidence.map((b) => (
            <tr key={b.from}>
              <th scope="row">
                {pct(b.from)} to {b.to >= 1 ? '100%' : `under ${pct(b.to)}`}
              </th>
              <td>{b.ties.toLocaleString('en-GB')}</td>
              <td>{b.ties ? `${b.right.toLocaleString('en-GB')} (${pct(b.right / b.ties)})` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
