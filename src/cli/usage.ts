/**
 * What `twin --help` and `twin COMMAND --help` print. Kept together so the overview and each
 * command's page cannot drift apart, and so a test can check every command has one.
 */

const ALLOW_OUTSIDE = `  --allow-outside   also read files outside the scenario's (or session's) folder; they must
                    still be regular files (no folders, FIFOs or devices) under the size limit`;

export const COMMAND_USAGE = {
  validate: `usage: twin validate FILE... [--allow-outside]

Checks scenario files and prints one line per problem, every problem at once:
  FILE: path.in.file: what is wrong (how to fix it)
Exit 0 when every file is valid, 1 when any has problems, 2 on a usage error.

Files a scenario references (OSM, EPANET .inp/.cpa, MATPOWER .m, camera registers) are read
only from the scenario's folder, and for a shipped scenario the twin's data folders.
${ALLOW_OUTSIDE}`,

  run: `usage: twin run FILE [--until DURATION] [--seed N] [--format json|md] [--out PATH] [--tripinfo PATH] [--allow-outside]

Runs a scenario headless and writes a report: a hash of the run, KPI series, every event with
its causes and the final state of every asset. Progress goes to stderr.
  --until DURATION  how long to run (default: the scenario's duration), e.g. 90s, 30m, 6h, 2d
  --seed N          the seed, a whole number from 0 to 4294967295 (default: the scenario's)
  --format json|md  JSON (default) or a readable Markdown summary with causal chains
  --out PATH        write the report to PATH (its folder must exist) instead of stdout
  --tripinfo PATH   also write SUMO's tripinfo XML for the trips of "traffic": { "sumo": … }
                    (id, depart, arrival, duration, routeLength, waitingTime, timeLoss)
${ALLOW_OUTSIDE}`,

  report: `usage: twin report SESSION.json [--out report.html] [--format html|md|json] [--allow-outside]

Rebuilds a session exported from the exercise console (scenario, seed and command log) and
writes its after-action report. A session may name a scenario file: it is read only from the
session's folder. A scenario file is not a session: run it with \`twin run\`.
  --out PATH           write to PATH (its folder must exist) instead of stdout
  --format html|md|json  default: from the --out extension, else html
${ALLOW_OUTSIDE}`,

  bench: `usage: twin bench [--out PATH] [--no-sweep] [--no-browser]

Measures the simulation's speed and memory and prints the figures as JSON (also: npm run bench),
a sweep's throughput in one thread, in a thread per core and through a Redis queue, and in
headless Chromium the app's first load (bundle, worker start, scenario compile, city drawn,
residents' history) and its frame time against a bare three.js scene.
  --out PATH     also write the JSON to PATH (its folder must exist)
  --no-sweep     leave out the sweep throughput (it takes a few minutes)
  --no-browser   leave out the browser figures (they build the app and need Chromium)`,

  import: `usage: twin import osm FILE.osm --out SCENARIO.json [--name NAME] [--no-infrastructure]

Imports an OpenStreetMap extract as a whole twin: its buildings, streets and signals, the cameras,
power, water and comms plant and civic and sensitive sites it maps, and — laid out on its streets
by the generated city's rules, marked synthetic — what it does not map. Says, kind by kind, what
came from OpenStreetMap and what was synthesised, and writes a scenario that references the file,
with a grid-automation vendor and a camera vendor, an inject and a decision.
  --out SCENARIO.json    the scenario to write (its folder must exist)
  --name NAME            the town's name (default: the file's name)
  --no-infrastructure    import only what OpenStreetMap maps (sets city.infrastructure to false)`,

  sweep: `usage: twin sweep SWEEP.json [--workers N | --redis URL [--queue NAME]] [--out DIR] [--seeds N] [--until DURATION] [--allow-outside]

Runs a policy sweep: every variant of the base scenario on every seed, then writes to DIR
runs.jsonl (one line per run: variant, seed, hash, figures), summary.json and summary.csv (per
variant: mean, median, 5th and 95th percentiles, 95 % interval of the mean, the difference from
the baseline with its interval) and report.html (a ranked table and a plot per figure).
Runs already in DIR/runs.jsonl with the same scenario, seed and duration are reused, so an
interrupted sweep started again carries on. Progress goes to stderr.
  --workers N       worker threads on this machine (default: the number of cores)
  --redis URL       queue the runs on BullMQ at redis://HOST:PORT instead; \`twin worker\`
                    processes on any machines run them
  --queue NAME      the queue's name (default twin-sweep)
  --out DIR         where to write (default sweep-results/<sweep file name>); created if missing
  --seeds N         run only the first N seeds (a quick trial of a big sweep)
  --until DURATION  how long each run lasts, overriding the file's
${ALLOW_OUTSIDE}`,

  worker: `usage: twin worker --redis URL [--concurrency N] [--queue NAME] [--lock DURATION]

Takes sweep runs from the BullMQ queue at URL (filled by \`twin sweep --redis URL\`) and runs them
in N worker threads (default: the number of cores) until stopped with Ctrl-C. A worker that dies
mid-run loses nothing: its job goes back to the queue for another worker.
  --lock DURATION   how long a job's lock lasts without renewal before another worker may take it
                    over (default 30s)`,

  serve: `usage: twin serve [--port 8080] [--data DIR] [--dist DIR] [--host ADDR]

Serves the built app and hosts exercises on the same port, for a room of screens on one LAN (no
internet needed). Open the page, choose "Host this exercise": players open the join link, type
the code and pick a seat. Every seat runs the same simulation from the host's ordered command log.
Sessions are kept in the data folder and resume where they were when the server starts again.
  --port N      port to listen on (default 8080)
  --data DIR    where sessions are kept (default ./sessions)
  --dist DIR    the built app (default ./dist; \`npm run serve\` builds it first)
  --host ADDR   address to listen on (default 0.0.0.0, every interface; 127.0.0.1: this machine only)`,
} as const;

export type CommandName = keyof typeof COMMAND_USAGE;

export const isCommand = (s: string | undefined): s is CommandName => s !== undefined && Object.hasOwn(COMMAND_USAGE, s);

export const USAGE = `usage: twin <command> [options]      (twin <command> --help for more)

commands:
  validate FILE...                     check scenario files; one line per problem
  run FILE [--until DURATION] [--seed N] [--format json|md] [--out PATH]
                                       run a scenario headless and print a report
  report SESSION [--out report.html] [--format html|md|json]
                                       rebuild a saved session and write its after-action report
  bench [--out PATH]                   measure speed and memory; prints JSON
  import osm FILE.osm --out SCENARIO.json [--name NAME] [--no-infrastructure]
                                       make a whole twin of an OpenStreetMap extract
  sweep SWEEP.json [--workers N | --redis URL] [--out DIR] [--seeds N] [--until DURATION]
                                       run a policy sweep over variants and seeds; summary and report
  worker --redis URL [--concurrency N] take sweep runs from a Redis job queue
  serve [--port 8080] [--data DIR]     serve the app and host exercises with a seat per team

validate, run and report take --allow-outside to read files outside the scenario's folder.
DURATION is like 90s, 30m, 6h or 2d.`;
