/**
 * `npx tsx bench/retrain.ts [runs] [--trace [--details]] [--against=DIR:PORT]`: only the in-page retrain of the three
 * default models on /ex1-b (the browser part's `retrainThreeDefault1000EpochsMs` and
 * `longestMainThreadTaskMs`), several times, on a built site. With --trace, every
 * main-thread task over 50 ms is listed with what it spent its time on (a Chromium
 * performance trace), to find where the long tasks go. With --against, another
 * built checkout (its dist/ served on PORT) is measured in turn with this one, run
 * for run, so that both meet the same load of a shared machine. Prints one JSON object.
 */
import {chromium} from "@playwright/test";
import {spawn} from "node:child_process";
import {loadavg} from "node:os";
// @ts-expect-error: a plain ES module without type declarations
import {findChromium} from "../scripts/chromium.mjs";
import {runUntilDone} from "./browser-speed.js";

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const trace = args.includes("--trace");
const PORT = Number(process.env.BENCH_PORT ?? 4190);
const BASE = `http://127.0.0.1:${PORT}`;
const against = args.find((a) => a.startsWith("--against="))?.slice("--against=".length);
const [againstDir, againstPort] = against ? against.split(":") : [];
const sites: Record<string, string> = {this: BASE};
if (against) sites.against = `http://127.0.0.1:${againstPort}`;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event: what it cost, whatever else ran on the machine. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {data?: {functionName?: string; url?: string; type?: string}; name?: string};
}

/**
 * The main thread's CPU time over the run (wall-clock task lengths swell when a
 * shared machine deschedules the page; thread time does not): the total, the
 * longest task, and how many tasks spent over 50 ms of CPU.
 */
function mainThreadCpu(events: TraceEvent[]): Record<string, number> {
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  if (!main) return {};
  const tasks = events.filter(
    (e) =>
      e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.name === "RunTask" && e.tdur !== undefined
  );
  const cpu = tasks.map((t) => t.tdur! / 1000);
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return {
    totalCpuMs: round1(cpu.reduce((a, b) => a + b, 0)),
    longestTaskCpuMs: round1(Math.max(0, ...cpu)),
    tasksOver50msCpu: cpu.filter((x) => x > 50).length
  };
}

/** Long tasks of the renderer's main thread and the largest pieces inside each. */
function longTasks(events: TraceEvent[], profile?: Profile): unknown[] {
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  if (!main) return [];
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur);
  const tasks = own.filter((e) => e.name === "RunTask" && e.dur! > 50_000);
  return tasks.map((t) => {
    const inside = own.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
    const byKind = new Map<string, number>();
    for (const e of inside) {
      const d = e.args?.data;
      const key =
        e.name === "FunctionCall"
          ? `FunctionCall ${d?.functionName || "?"} ${(d?.url ?? "").replace(/^.*\//, "")}`
          : e.name === "EventDispatch" || e.name === "TimerFire"
            ? `${e.name} ${d?.type ?? ""}`
            : e.name;
      byKind.set(key, (byKind.get(key) ?? 0) + e.dur!);
    }
    const top = [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 8);
    return {
      ms: Math.round(t.dur! / 100) / 10,
      cpuMs: t.tdur === undefined ? undefined : Math.round(t.tdur / 100) / 10,
      inside: top.map(([k, us]) => `${k}: ${Math.round(us / 1000)} ms`),
      js: profile ? (hotFunctions(profile, [t.ts, t.ts + t.dur!], 8) as {total: string[]}).total : undefined
    };
  });
}

interface Profile {
  nodes: {
    id: number;
    callFrame: {functionName: string; url: string; lineNumber: number};
    children?: number[];
  }[];
  samples: number[];
  startTime: number;
  timeDeltas: number[];
}

/** Main-thread JavaScript by self time and by total time (ms), from a sampled CPU profile. */
function hotFunctions(profile: Profile, window?: [number, number], count = 25): unknown {
  const self = new Map<number, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    if (window && (t < window[0] || t > window[1])) return;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || "(anon)"} ${f.url.replace(/^.*\//, "")}:${f.lineNumber + 1}`;
  };
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, us] of self) {
    selfBy.set(label(id), (selfBy.get(label(id)) ?? 0) + us);
    const seen = new Set<string>();
    for (let k: number | undefined = id; k !== undefined; k = parent.get(k)) {
      const l = label(k);
      if (seen.has(l)) continue;
      seen.add(l);
      totalBy.set(l, (totalBy.get(l) ?? 0) + us);
    }
  }
  const top = (m: Map<string, number>) =>
    [...m]
      .filter(([l]) => !l.startsWith("(idle)") && !l.startsWith("(program)") && !l.startsWith("(root)"))
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([l, us]) => `${l}: ${Math.round(us / 1000)} ms`);
  return {self: top(selfBy), total: top(totalBy)};
}

const server = spawn(process.execPath, ["scripts/serve.mjs", String(PORT)], {stdio: "ignore"});
const other = against
  ? spawn(process.execPath, ["scripts/serve.mjs", againstPort], {stdio: "ignore", cwd: againstDir})
  : undefined;
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
});
const results: unknown[] = [];
try {
  for (let k = 0; k < runs; k++)
    for (const [site, base] of Object.entries(sites)) {
      const page = await browser.newPage({viewport: {width: 1280, height: 1000}});
      const load = loadavg()[0];
      const cdp = trace ? await page.context().newCDPSession(page) : undefined;
      const r = await runUntilDone(page, `${base}/ex1-b`, true, async () => {
        if (!trace) return;
        await browser.startTracing(page, {
          categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"]
        });
        await cdp!.send("Profiler.enable");
        await cdp!.send("Profiler.setSamplingInterval", {interval: 200});
        await cdp!.send("Profiler.start");
      });
      const entry: Record<string, unknown> = {site, ...r, load1: Math.round(load * 100) / 100};
      if (trace) {
        const buffer = await browser.stopTracing();
        const {profile} = (await cdp!.send("Profiler.stop")) as {profile: Profile};
        const events = JSON.parse(buffer.toString()).traceEvents as TraceEvent[];
        entry.mainThread = mainThreadCpu(events);
        if (args.includes("--details")) entry.longTasks = longTasks(events, profile);
        if (args.includes("--details")) entry.hotFunctions = hotFunctions(profile);
      }
      results.push(entry);
      process.stderr.write(`${JSON.stringify(entry)}\n`);
      await page.close();
    }
} finally {
  await browser.close();
  server.kill();
  other?.kill();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const summary = Object.fromEntries(
  Object.keys(sites).map((site) => {
    const mine = results.filter((r) => (r as {site: string}).site === site) as {
      ms: number;
      longestTaskMs: number;
    }[];
    const cpu = mine.map((r) => (r as {mainThread?: Record<string, number>}).mainThread).filter((c) => c);
    return [
      site,
      {
        medianMs: median(mine.map((r) => r.ms)),
        medianLongestTaskMs: median(mine.map((r) => r.longestTaskMs)),
        ...(cpu.length
          ? {
              medianMainThreadCpuMs: median(cpu.map((c) => c!.totalCpuMs)),
              medianLongestTaskCpuMs: median(cpu.map((c) => c!.longestTaskCpuMs))
            }
          : {})
      }
    ];
  })
);
process.stdout.write(`${JSON.stringify({summary, runs: results}, null, 2)}\n`);
