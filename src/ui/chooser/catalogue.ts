/**
 * The shipped scenarios as a chooser lists them: name, title, summary, audience and place, read
 * from each file's `meta` (the files are fetched only when the chooser opens).
 */
const FILES = import.meta.glob<string>(['../../../scenarios/*.json', '!../../../scenarios/*.schema.json'], { query: '?raw', import: 'default' });

export interface CatalogueEntry {
  /** What ?scenario= takes. */
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  readonly audience: readonly string[];
  /** Where it is set: `meta.place`, else the city's name (or the water network's file, when there is no city). */
  readonly place: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** One entry from a scenario file's text; a file that does not parse still gets its name. */
export function catalogueEntry(name: string, text: string): CatalogueEntry {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  } catch {
    // Listed by name; opening it shows the loader's messages.
  }
  const meta = (data.meta && typeof data.meta === 'object' ? data.meta : {}) as Record<string, unknown>;
  const city = (data.city && typeof data.city === 'object' ? data.city : {}) as Record<string, unknown>;
  const audience = Array.isArray(meta.audience) ? meta.audience.filter((a): a is string => typeof a === 'string') : [];
  const cityName = str(city.name);
  const water = (data.water && typeof data.water === 'object' ? data.water : {}) as Record<string, unknown>;
  const inp = str(water.inp).replace(/^.*\//, '');
  const place =
    str(meta.place) ||
    (data.city === undefined && inp
      ? `the water network in ${inp} (no city)`
      : city.osm
        ? cityName
        : cityName
          ? `${cityName} (a generated city)`
          : 'a generated city');
  return { name, title: str(meta.title) || name, summary: str(meta.summary), audience, place };
}

/** Every shipped scenario, the default first, then by title. */
export async function loadCatalogue(): Promise<CatalogueEntry[]> {
  const entries = await Promise.all(
    Object.entries(FILES).map(async ([path, load]) => catalogueEntry(path.replace(/^.*\//, '').replace(/\.json$/, ''), await load())),
  );
  return entries.sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.title.localeCompare(b.title)));
}
