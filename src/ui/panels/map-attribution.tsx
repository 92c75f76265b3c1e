/**
 * The credits the map's data licences require, always visible in a corner of the city view: the
 * city's (OpenStreetMap's ODbL asks for "© OpenStreetMap contributors" wherever the map is shown,
 * with a link to its copyright page) and a camera register's (e.g. the Open Government Licence).
 * Nothing to show for a generated city.
 */
import { useUi } from '../store/ui-store';

const OSM_COPYRIGHT = 'https://www.openstreetmap.org/copyright';

export function MapAttribution() {
  const city = useUi((s) => s.world?.city.attribution ?? null);
  const cameras = useUi((s) => s.world?.cyber?.attribution ?? null);
  const lines = [...new Set([city, cameras].filter((a): a is string => !!a && a.trim() !== ''))];
  if (lines.length === 0) return null;
  return (
    <p className="map-attribution" aria-label="Map data attribution">
      {lines.map((a, i) => (
        <span key={i}>
          {/OpenStreetMap/i.test(a) ? (
            <a href={OSM_COPYRIGHT} target="_blank" rel="noreferrer">
              {a}
            </a>
          ) : (
            a
          )}
        </span>
      ))}
    </p>
  );
}
