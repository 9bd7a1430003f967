// Reads a V8 CPU profile and says where the time went: by function and by file or package (self time).

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The parts of a .cpuprofile this summary reads. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Hotspot {
  name: string;
  ms: number;
  percent: number;
}

/** A stretch of the profile with no idle sample: the event loop was busy (or stalled) throughout. */
export interface BusyStretch {
  ms: number;
  /** Milliseconds from the start of the profile. */
  atMs: number;
  /** Heaviest functions by self time within the stretch. */
  bySelf: Hotspot[];
  /** Heaviest workspace functions (packages/*) on the stack, by time: what the loop was doing for the app. */
  byAppFrame: Hotspot[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Time outside JavaScript: idle, garbage collection, the program itself (native code, IO). */
  idleMs: number;
  byFunction: Hotspot[];
  byArea: Hotspot[];
  /** The longest busy stretches of at least 50 ms, longest first. */
  longestBusy: BusyStretch[];
}

/** Where a script lives, shortened: a package name, a workspace file, or a node: module. */
export function areaOf(url: string, functionName: string): string {
  if (url === '') return `(${functionName.replace(/[()]/g, '') || 'native'})`;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const workspace = url.match(/\/packages\/([^/]+)\/dist\/(.+)$/);
  if (workspace) return `${workspace[1]}/${workspace[2]}`;
  if (url.startsWith('node:')) return url;
  // Paths under the project are shown relative to it: results name no machine's folders.
  const path = url.replace(/^file:\/\//, '');
  const root = `${process.cwd()}/`;
  return path.startsWith(root) ? path.slice(root.length) : path;
}

function nameOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const area = areaOf(url, functionName);
  return url === '' ? area : `${functionName || '(anonymous)'} ${area}:${lineNumber + 1}`;
}

function ranked(map: Map<string, number>, totalUs: number, top: number): Hotspot[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({
      name,
      ms: Math.round(us / 1000),
      percent: totalUs > 0 ? Math.round((us / totalUs) * 1000) / 10 : 0,
    }));
}

/** Finds the stretches without an idle sample, and what filled them. */
function busyStretches(profile: CpuProfile, minMs: number, keep: number): BusyStretch[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const appFramesOf = (id: number): string[] => {
    const frames = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node && /\/packages\/[^/]+\/dist\//.test(node.callFrame.url)) frames.add(nameOf(node));
    }
    return [...frames];
  };
  const stretches: { startUs: number; us: number; self: Map<string, number>; app: Map<string, number> }[] =
    [];
  let clock = 0;
  let current: (typeof stretches)[number] | null = null;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    clock += delta;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') {
      if (current && current.us >= minMs * 1000) stretches.push(current);
      current = null;
      return;
    }
    current ??= { startUs: clock - delta, us: 0, self: new Map(), app: new Map() };
    current.us += delta;
    const self = nameOf(node);
    current.self.set(self, (current.self.get(self) ?? 0) + delta);
    for (const frame of appFramesOf(id)) current.app.set(frame, (current.app.get(frame) ?? 0) + delta);
  });
  const last = current as (typeof stretches)[number] | null;
  if (last && last.us >= minMs * 1000) stretches.push(last);
  return stretches
    .sort((a, b) => b.us - a.us)
    .slice(0, keep)
    .map((s) => ({
      ms: Math.round(s.us / 1000),
      atMs: Math.round(s.startUs / 1000),
      bySelf: ranked(s.self, s.us, 6),
      byAppFrame: ranked(s.app, s.us, 6),
    }));
}

/** Summarises a profile: the `top` heaviest functions and areas by self time. */
export function summariseProfile(profile: CpuProfile, top = 20): ProfileSummary {
  const self = new Map<number, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    totalUs += delta;
    self.set(id, (self.get(id) ?? 0) + delta);
  });
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let idleUs = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url } = node.callFrame;
    if (url === '' && ['(idle)', '(program)', '(garbage collector)'].includes(functionName)) idleUs += us;
    const area = areaOf(url, functionName);
    const name = nameOf(node);
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  }
  return {
    totalMs: Math.round(totalUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    byFunction: ranked(byFunction, totalUs, top),
    byArea: ranked(byArea, totalUs, top),
    longestBusy: busyStretches(profile, 50, 5),
  };
}
