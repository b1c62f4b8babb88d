// Zoom and pan of the step graph through its SVG viewBox (no library: the arithmetic is a few lines):
// the wheel zooms around the pointer, a drag pans (a press that moved less than a few pixels stays a
// click that opens the step), keys and buttons zoom and fit. The view keeps the aspect of the element,
// so one scale (pixels per unit) holds in both directions; a fitted view stays fitted when the panel is
// resized, until the user zooms or pans. The arithmetic is pure and tested in Node.

export interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Closest and farthest zoom, in pixels per layout unit. */
export const MAX_SCALE = 4;
const MIN_SCALE = 0.02;
const DRAG_SLOP = 4;
const MARGIN = 16;

export const scaleOf = (v: View, port: Size): number => port.width / v.w;

/**
 * The whole of `b` (plus a margin), centred, never magnified beyond 1:1 — nor shrunk below `minScale`
 * (labels stay readable): then its top left corner shows, and the rest is a pan away.
 */
export function fitView(b: Bounds, port: Size, minScale = 0): View {
  const w = b.width + 2 * MARGIN;
  const h = b.height + 2 * MARGIN;
  const scale = clamp(Math.max(Math.min(minScale, 1), Math.min(1, port.width / w, port.height / h)));
  const centre = (from: number, size: number, room: number): number =>
    (size + 2 * MARGIN) * scale <= room ? from + size / 2 : from - MARGIN + room / scale / 2;
  return around(centre(b.x, b.width, port.width), centre(b.y, b.height, port.height), scale, port);
}

/** The view centred on (cx, cy) at `scale`. */
export function around(cx: number, cy: number, scale: number, port: Size): View {
  const s = clamp(scale);
  const w = port.width / s;
  const h = port.height / s;
  return { x: cx - w / 2, y: cy - h / 2, w, h };
}

/** Zoomed by `factor` (> 1: closer) keeping the point under (px, py) — pixels from the port's top left — in place. */
export function zoomAt(v: View, factor: number, px: number, py: number, port: Size): View {
  const s = clamp(scaleOf(v, port) * factor);
  const ux = v.x + (px / port.width) * v.w;
  const uy = v.y + (py / port.height) * v.h;
  const w = port.width / s;
  const h = port.height / s;
  return { x: ux - (px / port.width) * w, y: uy - (py / port.height) * h, w, h };
}

/** Moved by a drag of (dx, dy) pixels: the content follows the pointer. */
export function panBy(v: View, dx: number, dy: number, port: Size): View {
  const s = scaleOf(v, port);
  return { ...v, x: v.x - dx / s, y: v.y - dy / s };
}

/** The same centre and scale for a port of another size (the panel was resized). */
export function resized(v: View, from: Size, to: Size): View {
  return around(v.x + v.w / 2, v.y + v.h / 2, scaleOf(v, from), to);
}

function clamp(s: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
}

export interface PanZoom {
  view(): View;
  /** Whether the view is fitted (it re-fits on resize until the user zooms or pans). */
  fitted(): boolean;
  set(v: View): void;
  /** Fits the view with `fit`, now and on every resize until the user zooms or pans. */
  fit(fit: (port: Size) => View): void;
  zoom(factor: number): void;
  /** Centres (cx, cy), zooming in to 1:1 when the view is farther. */
  focus(cx: number, cy: number): void;
  /** Stops following the element's size (the page replaced it). */
  dispose(): void;
}

/**
 * Wires wheel, drag and keys of `host` (the element holding `svg`) to the viewBox of `svg`. The first
 * view is `initial`'s, taken once the element has a size (it may not be in the page yet): a view, or a
 * fit (kept on resize, as `fit` keeps it).
 */
export function attachPanZoom(
  host: HTMLElement,
  svg: SVGSVGElement,
  initial: (port: Size) => View | { fit: (port: Size) => View },
  changed: (v: View, port: Size) => void,
): PanZoom {
  const port = (): Size => ({ width: Math.max(1, host.clientWidth), height: Math.max(1, host.clientHeight) });
  let last = port();
  let v: View = { x: 0, y: 0, w: 1, h: 1 };
  let ready = false;
  /** The fit the view follows on resize; null once the user zoomed or panned. */
  let fitting: ((port: Size) => View) | null = null;
  const show = (next: View): void => {
    if (!ready) return;
    v = next;
    svg.setAttribute('viewBox', `${v.x.toFixed(2)} ${v.y.toFixed(2)} ${v.w.toFixed(2)} ${v.h.toFixed(2)}`);
    changed(v, port());
  };
  const set = (next: View): void => {
    fitting = null;
    show(next);
  };
  const fit = (f: (port: Size) => View): void => {
    fitting = f;
    show(f(port()));
  };
  const observer = new ResizeObserver(() => {
    const now = port();
    if (host.clientWidth === 0) return;
    if (!ready) {
      ready = true;
      last = now;
      const first = initial(now);
      if ('fit' in first) fit(first.fit);
      else set(first);
      return;
    }
    if (now.width === last.width && now.height === last.height) return;
    if (fitting) show(fitting(now));
    else show(resized(v, last, now));
    last = now;
  });
  observer.observe(host);

  host.addEventListener(
    'wheel',
    (ev) => {
      ev.preventDefault();
      const unit = ev.deltaMode === 1 ? 16 : ev.deltaMode === 2 ? port().height : 1;
      const r = host.getBoundingClientRect();
      set(zoomAt(v, Math.exp(-ev.deltaY * unit * 0.002), ev.clientX - r.left, ev.clientY - r.top, port()));
    },
    { passive: false },
  );

  let press: { id: number; x: number; y: number; moved: boolean } | undefined;
  let swallowClick = false;
  host.addEventListener('pointerdown', (ev) => {
    if (ev.button !== 0) return;
    press = { id: ev.pointerId, x: ev.clientX, y: ev.clientY, moved: false };
  });
  host.addEventListener('pointermove', (ev) => {
    if (press === undefined || ev.pointerId !== press.id) return;
    const dx = ev.clientX - press.x;
    const dy = ev.clientY - press.y;
    if (!press.moved && Math.hypot(dx, dy) < DRAG_SLOP) return;
    if (!press.moved) {
      press.moved = true;
      host.setPointerCapture(ev.pointerId);
      host.classList.add('panning');
    }
    set(panBy(v, dx, dy, port()));
    press.x = ev.clientX;
    press.y = ev.clientY;
  });
  const release = (ev: PointerEvent): void => {
    if (press === undefined || ev.pointerId !== press.id) return;
    swallowClick = press.moved;
    press = undefined;
    host.classList.remove('panning');
  };
  host.addEventListener('pointerup', release);
  host.addEventListener('pointercancel', release);
  // a drag that ends on a step is no click on it
  host.addEventListener(
    'click',
    (ev) => {
      if (swallowClick) {
        ev.stopPropagation();
        ev.preventDefault();
        swallowClick = false;
      }
    },
    true,
  );

  const api: PanZoom = {
    view: () => v,
    fitted: () => fitting !== null,
    set,
    fit,
    zoom: (factor) => {
      const p = port();
      set(zoomAt(v, factor, p.width / 2, p.height / 2, p));
    },
    focus: (cx, cy) => set(around(cx, cy, Math.max(1, scaleOf(v, port())), port())),
    dispose: () => observer.disconnect(),
  };
  host.addEventListener('keydown', (ev) => {
    if (ev.target !== host) return;
    const step = 60;
    const keys: Record<string, () => void> = {
      '+': () => api.zoom(1.25),
      '=': () => api.zoom(1.25),
      '-': () => api.zoom(0.8),
      ArrowLeft: () => set(panBy(v, step, 0, port())),
      ArrowRight: () => set(panBy(v, -step, 0, port())),
      ArrowUp: () => set(panBy(v, 0, step, port())),
      ArrowDown: () => set(panBy(v, 0, -step, port())),
    };
    const act = keys[ev.key];
    if (act) {
      ev.preventDefault();
      act();
    }
  });
  return api;
}
