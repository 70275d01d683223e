/**
 * The playground: settings, play/pause/step/reset, and four figures (the network
 * with every node's output, the output over [−6, 6]² with the points, the train
 * and test loss curves) for one run that trains in a worker with the shared
 * core. A change of setting starts the run over from the same seed, so the URL
 * always describes a run from epoch 0; reset starts it over paused, with the
 * same initial weights. The run pauses while the widget is off-screen. Whenever
 * the reader pauses or steps, the URL names the epoch too (`at=`), so a link
 * reopens the run where it stands.
 *
 * The run is the live run of every retraining page (`liveRun` of
 * training/live-training.ts, job kind "playground"): the same trainer, progress,
 * pause when hidden and stop. When the settings are one of the runs the bonus pages
 * publish (`publishedRunOf`, core/settings/published.ts), a note says so and, at the
 * end, whether this run reached the published losses.
 */
import {html} from "htl";
import type {AnyField, Ignored, Values} from "../../core/settings/fields.js";
import {featureLabel} from "../../core/playground/features.js";
import {pointRows} from "../../core/playground/experiment.js";
import {playgroundSpec, runData} from "../../core/playground/run.js";
import type {PlaygroundJobSpec} from "../../core/playground/job.js";
import type {PlaygroundSettings} from "../../core/playground/settings.js";
import {positionQuery, settingsFromValues} from "../../core/playground/settings.js";
import {toParams} from "../../core/settings/fields.js";
import {publishedRunOf} from "../../core/settings/published.js";
import type {PublishedPlaygroundRun} from "../../core/playground/published.js";
import type {PlaygroundViewOptions} from "../../core/playground/view.js";
import {networkDiagram} from "./network.js";
import {playgroundControls} from "./controls.js";
import {lossCurves, outputMap} from "./figures.js";
import {liveRun} from "../training/live-training.js";
import type {LiveRun} from "../training/live-training.js";
import type {TrainingState} from "../training/trainer.js";

export interface PlaygroundOptions {
  readonly fields: readonly AnyField[];
  readonly values: Values;
  readonly ignored?: readonly Ignored[];
  /** Open the run trained to this epoch, paused (a link's position in the run). */
  readonly at?: number;
  readonly view?: PlaygroundViewOptions;
  readonly channel?: string;
  /** The runs the bonus pages publish (may arrive later): a note names the one the settings open. */
  readonly published?: readonly PublishedPlaygroundRun[] | Promise<readonly PublishedPlaygroundRun[]>;
}

export interface PlaygroundWidget {
  readonly element: HTMLElement;
  /** What the figures show now: settings, data points, losses so far and the latest view (weights, maps). */
  data(): unknown;
  dispose(): void;
}

const LIVE_VIEW: PlaygroundViewOptions = {grid: 50, nodeGrid: 16};
const PLAYING_REDRAW_MS = 300;
const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(4));

export function playground(options: PlaygroundOptions): PlaygroundWidget {
  const view = options.view ?? LIVE_VIEW;
  let settings: PlaygroundSettings = settingsFromValues(options.values);
  /** The epoch the next start trains to before its first report: the link's position, once. */
  let openAt = options.at ?? 0;
  let points = pointsOf(settings);
  let run: LiveRun | undefined;
  let state: TrainingState<"playground"> | undefined;
  let playing = false;
  let width = 640;
  let drawTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the network and the map were last drawn from: they redraw only when it changes. */
  let drawn: {view?: unknown; width: number} = {width: 0};

  const playButton =
    html`<button type="button" class="play" aria-pressed="false">Play</button>` as HTMLButtonElement;
  const stepButton = html`<button type="button" class="step">Step</button>` as HTMLButtonElement;
  const resetButton = html`<button type="button" class="reset">Reset</button>` as HTMLButtonElement;
  // The status changes ten times a second while playing; only changes of state are announced.
  const status = html`<span class="playground-status"></span>` as HTMLElement;
  const announce = html`<span class="visually-hidden" role="status"></span>` as HTMLElement;
  const message = html`<p class="progress-message" role="alert" hidden></p>` as HTMLElement;
  const publishedNote = html`<p class="source-note playground-published" hidden></p>` as HTMLElement;
  let publishedRuns: readonly PublishedPlaygroundRun[] = [];
  /** What the note was last written from, so that it is rewritten only when that changes. */
  let noteKey = "";
  const networkBox = html`<div class="playground-network"></div>` as HTMLElement;
  const mapBox = html`<div class="playground-map"></div>` as HTMLElement;
  const lossBox = html`<div class="playground-loss"></div>` as HTMLElement;
  const controls = playgroundControls(options.fields, options.values, options.ignored ?? [], (values) => {
    settings = settingsFromValues(values);
    points = pointsOf(settings);
    restart();
  });
  const figures = html`<div class="playground-figures">
    <div class="card">${networkBox}</div>
    <div class="card">${mapBox}${lossBox}</div>
  </div>` as HTMLElement;
  const element = html`<div class="playground">
    ${controls.element}
    <div class="transport">${playButton} ${stepButton} ${resetButton} ${status} ${announce}</div>
    ${message}
    ${publishedNote}
    ${figures}
  </div>` as HTMLElement;

  function pointsOf(s: PlaygroundSettings) {
    const data = runData(s);
    return {train: pointRows(data.train), test: pointRows(data.test)};
  }

  function restart(): void {
    run?.stop();
    state = undefined;
    const spec: PlaygroundJobSpec = {...settings, at: openAt};
    openAt = 0;
    run = liveRun<"playground">([spec], update, {
      kind: "playground",
      view,
      channel: options.channel ?? "playground",
      paused: !playing,
      viewMs: 250,
      watch: [element]
    });
    render();
  }

  function update(next: TrainingState<"playground">): void {
    state = next;
    render();
  }

  /** Buttons and status at once; figures in a task of their own, at most one pending. */
  function render(): void {
    const job = state?.jobs[0];
    const over = !!job && job.phase !== "starting" && job.phase !== "training";
    playButton.textContent = playing && !over ? "Pause" : "Play";
    playButton.setAttribute("aria-pressed", String(playing && !over));
    playButton.disabled = over;
    stepButton.disabled = playing || over || !job || job.phase === "starting";
    const epochs = job && Number.isFinite(job.epochs) ? ` of ${job.epochs}` : "";
    const v = job?.view;
    const zeros = v
      ? ` · weights exactly 0: ${Math.round(v.stats.zeroFraction * v.stats.count)} of ${v.stats.count}`
      : "";
    const opening = (job?.job as PlaygroundJobSpec | undefined)?.at ?? 0;
    status.textContent =
      job && job.phase !== "starting"
        ? `epoch ${job.epoch}${epochs} · training loss ${fmt(job.epochLoss[job.epoch])} · test loss ${fmt(job.testLoss[job.epoch])}${zeros}${job.phase === "done" ? " · finished" : ""}`
        : opening > 0
          ? `training to epoch ${opening} before showing it…`
          : "starting…";
    const said = !job
      ? ""
      : over
        ? `${job.phase === "done" ? "Finished" : "Stopped"} at epoch ${job.epoch}.`
        : playing
          ? "Playing."
          : `Paused at epoch ${job.epoch}.`;
    if (announce.textContent !== said) announce.textContent = said;
    element.dataset.phase = job?.phase ?? "starting";
    element.dataset.epoch = String(job?.epoch ?? 0);
    element.dataset.viewEpoch = String(v?.epoch ?? "");
    if (job && job.epochLoss.length > job.epoch) {
      element.dataset.trainLoss = String(job.epochLoss[job.epoch]);
      element.dataset.testLoss = String(job.testLoss[job.epoch]);
    }
    if (job && job.phase !== "starting") syncUrl(playing && !over ? 0 : job.epoch);
    message.hidden = !job?.message;
    message.textContent = job?.message ?? "";
    notePublished(job, over);
    // While playing, the figures redraw a few times a second (the status above every time): drawing competes with training for the CPU.
    if (drawTimer === undefined) drawTimer = setTimeout(draw, playing && !over ? PLAYING_REDRAW_MS : 0);
  }

  /** Whether the settings are a published run, and at the end whether this run reached its losses. */
  function notePublished(job: TrainingState<"playground">["jobs"][number] | undefined, over: boolean): void {
    const match = publishedRunOf(options.fields, controls.values(), publishedRuns);
    const end = match && job && over && job.epoch === match.epochs ? job : undefined;
    const key = match ? `${match.page} ${match.name} ${end ? `${end.epoch} ${end.phase}` : ""}` : "";
    if (key === noteKey) return;
    noteKey = key;
    publishedNote.hidden = !match;
    if (!match) return publishedNote.replaceChildren();
    const part = `(${match.page.slice(-1)})`;
    const page = html`<a href=${`./${match.page}`}>${part}</a>`;
    const losses = `training loss ${fmt(match.trainLoss)} and test loss ${fmt(match.testLoss)}`;
    if (!end) {
      publishedNote.replaceChildren(
        html`<strong>A published run:</strong> ${match.name} of ${page}, trained at build time to epoch ${match.epochs}, with ${losses}. Play it to the end and this page computes the same numbers.`
      );
      return;
    }
    const [train, test] = [end.epochLoss[end.epoch], end.testLoss[end.epoch]];
    const same = train === match.trainLoss && test === match.testLoss;
    publishedNote.dataset.matches = String(same);
    publishedNote.replaceChildren(
      same
        ? html`<strong>The published run, reproduced:</strong> ${match.name} of ${page} ended here at epoch ${end.epoch} with the published ${losses}, to the last bit.`
        : html`<strong>Not the published numbers:</strong> ${match.name} of ${page} ended here at training loss ${fmt(train)} and test loss ${fmt(test)}; the build reached ${losses}.`
    );
  }

  /** The settings and, while paused, the epoch: the address bar always reopens what is on screen. */
  function syncUrl(epoch: number): void {
    const query = positionQuery(toParams(options.fields, controls.values()), epoch);
    const url = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`)
      history.replaceState(history.state, "", url);
  }

  function draw(): void {
    drawTimer = undefined;
    const job = state?.jobs[0];
    const v = job?.view;
    if (!job || !v) return;
    const inner = Math.max(280, width);
    const two = inner >= 860;
    figures.classList.toggle("two-columns", two);
    const half = two ? Math.floor((inner - 16) / 2) : inner;
    if (drawn.view !== v || drawn.width !== width) {
      drawn = {view: v, width};
      const spec = playgroundSpec(settings);
      const net = {
        widths: spec.widths,
        inputs: settings.features.map(featureLabel),
        params: v.params,
        nodes: v.nodes,
        nodeGrid: v.nodeGrid
      };
      networkBox.replaceChildren(
        networkDiagram(net, {width: half - 60, title: "The network: each node's output, each weight"})
      );
      mapBox.replaceChildren(
        outputMap(
          {output: v.output, grid: v.grid, train: points.train, test: points.test},
          {width: half - 24, title: `Output after epoch ${v.epoch}`}
        )
      );
    }
    const epoch = job.epochLoss.map((_, k) => k);
    lossBox.replaceChildren(
      lossCurves(
        {epoch, train: job.epochLoss, test: job.testLoss},
        {width: half - 24, height: 180, title: "Loss per epoch"}
      )
    );
  }

  playButton.onclick = () => {
    if (!run) return;
    playing = !playing;
    if (playing) run.resume();
    else run.pause();
    render();
  };
  stepButton.onclick = () => run?.step();
  resetButton.onclick = () => {
    playing = false;
    restart();
  };

  const resize = new ResizeObserver((entries) => {
    const w = Math.floor(entries[0].contentRect.width);
    if (Math.abs(w - width) > 8) {
      width = w;
      if (drawTimer === undefined) drawTimer = setTimeout(draw, 0);
    }
  });
  resize.observe(element);
  Promise.resolve(options.published ?? [])
    .then((runs) => {
      publishedRuns = runs;
      render();
    })
    // Without the list the note stays hidden; the run itself is unaffected.
    .catch((error: unknown) => console.warn("The published runs could not be read:", error));
  restart();
  return {
    element,
    data() {
      const job = state?.jobs[0];
      return {
        settings,
        points,
        epoch: job?.epoch ?? 0,
        trainLoss: job?.epochLoss ?? [],
        testLoss: job?.testLoss ?? [],
        view: job?.view ?? null
      };
    },
    dispose() {
      resize.disconnect();
      run?.stop();
      clearTimeout(drawTimer);
    }
  };
}
