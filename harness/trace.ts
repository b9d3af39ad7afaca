/**
 * A Chromium performance trace of one page over a stretch of a test or bench, through DevTools
 * (CDP `Tracing`), read back as the page's main-thread tasks: each with its wall time, the CPU time
 * its thread really had (a loaded machine stretches wall time, not CPU time) and what took the time
 * inside it (script, style, layout, paint, GC, IPC). What `npm run bench` uses to name the long tasks.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface TracedTask {
  /** Wall-clock duration and thread CPU time (ms). */
  wall: number;
  cpu: number;
  /** The biggest kinds of work inside the task, by CPU ms ("FunctionCall 12.3"), largest first. */
  inside: string[];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { frame?: string } };
}

// Kinds of work worth naming inside a task (devtools.timeline's top-level events).
const KINDS = new Set([
  'FunctionCall',
  'EventDispatch',
  'TimerFire',
  'RunMicrotasks',
  'FireAnimationFrame',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'PrePaint',
  'Layerize',
  'MinorGC',
  'MajorGC',
  'ParseHTML',
  'EvaluateScript',
  'v8.compile',
  'Receive mojo message',
  'NativeExtensionBindingsSystem::SendRequest',
]);

/** The main-thread tasks of the renderer of the frame `frameId` (a page's main frame), longest (wall) first. */
export function tasksOf(events: readonly TraceEvent[], frameId: string): TracedTask[] {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  // The timeline's events name their frame: the renderer that has our frame is the one to read.
  const pids = new Set(events.filter((e) => e.args?.data?.frame === frameId).map((e) => e.pid));
  const main = events.filter((e) => e.ph === 'X' && pids.has(e.pid) && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  main.sort((a, b) => a.ts - b.ts);
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  return tasks
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      const cpu = new Map<string, number>();
      for (const e of main) {
        if (e.ts < task.ts || e.ts + (e.dur ?? 0) > end || !KINDS.has(e.name)) continue;
        cpu.set(e.name, (cpu.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000);
      }
      const inside = [...cpu]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([name, ms]) => `${name} ${ms.toFixed(1)}`);
      return { wall: (task.dur ?? 0) / 1000, cpu: (task.tdur ?? 0) / 1000, inside };
    })
    .sort((a, b) => b.wall - a.wall);
}

/** Starts tracing; the returned function stops and gives the main-thread tasks of `page`'s renderer. */
export async function traceTasks(context: BrowserContext, page: Page): Promise<() => Promise<TracedTask[]>> {
  const cdp = await context.newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    // Tasks and the timeline's top-level events only: enough to name the work, light enough to leave on.
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    return tasksOf(events, frameTree.frame.id);
  };
}

/** A bench figure (the shape of scripts/bench/types.ts's BenchRow, which harness/ may not import). */
export interface TraceRow {
  name: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
  skipped?: string;
}

/**
 * The bench's trace of one stretch of `page` (a long-task figure's CPU-time companion). Traces unless
 * GREENWAY_BENCH_TRACE=0; the returned function stops it, prints the six longest tasks when
 * GREENWAY_BENCH_TRACE=1 (`stretch` names them, e.g. "while scrolling"), and gives the row
 * "… the same, CPU time of the longest task (trace)" against ≤ `targetMs`. No task of the page in the
 * trace is a failed measurement, never a 0 ms that meets the target.
 */
export async function benchTrace(context: BrowserContext, page: Page, stretch: string, targetMs = 50): Promise<() => Promise<TraceRow>> {
  const name = '… the same, CPU time of the longest task (trace)';
  if (process.env.GREENWAY_BENCH_TRACE === '0') return async () => ({ name, value: NaN, unit: 'ms', skipped: 'GREENWAY_BENCH_TRACE=0' });
  const stop = await traceTasks(context, page);
  return async () => {
    const traced = await stop();
    if (process.env.GREENWAY_BENCH_TRACE === '1') {
      console.log(`  longest tasks ${stretch} (trace; wall ms, CPU ms: what ran inside, CPU ms):`);
      for (const task of traced.slice(0, 6))
        console.log(`    ${task.wall.toFixed(0).padStart(5)} ms, CPU ${task.cpu.toFixed(1).padStart(5)}: ${task.inside.join(', ')}`);
    }
    if (!traced.length) return { name, value: NaN, unit: 'ms', skipped: 'no task of the page in the trace' };
    const longest = Math.round(Math.max(...traced.map((t) => t.cpu)));
    return { name, value: longest, unit: 'ms', target: `≤ ${targetMs} ms`, ok: longest <= targetMs };
  };
}
