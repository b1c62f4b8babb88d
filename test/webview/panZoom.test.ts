// The step graph's zoom and pan arithmetic (viewBox): a fit shows the whole graph, centred and never
// magnified past 1:1; the wheel zooms around the pointer (the point under it stays put); a drag moves
// the content with the pointer; a resize keeps the centre and the zoom; zoom stops at its bounds; a
// readable fit stops at its floor.
import { strict as assert } from 'node:assert';
import { MAX_SCALE, around, fitView, panBy, resized, scaleOf, zoomAt, type View } from '../../client/webview/panZoom';

const port = { width: 800, height: 400 };
const close = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) < 1e-6, `${what}: ${a} ≠ ${b}`);
/** The layout point shown at pixel (px, py). */
const at = (v: View, px: number, py: number): [number, number] => [
  v.x + (px / port.width) * v.w,
  v.y + (py / port.height) * v.h,
];

describe('webview: step graph zoom and pan', () => {
  it("a fit shows the whole graph, centred, with the port's aspect, never beyond 1:1", () => {
    const big = fitView({ x: 0, y: 0, width: 4000, height: 1000 }, port);
    assert.ok(big.x <= 0 && big.y <= 0 && big.x + big.w >= 4000 && big.y + big.h >= 1000, JSON.stringify(big));
    close(big.w / big.h, port.width / port.height, 'aspect');
    close(big.x + big.w / 2, 2000, 'centre x');
    const small = fitView({ x: 10, y: 10, width: 100, height: 50 }, port);
    close(scaleOf(small, port), 1, 'a small graph is shown 1:1');
  });

  it('a readable fit never shrinks below its floor: a large graph shows its top left corner, a small one centred', () => {
    const big = fitView({ x: 0, y: 0, width: 4000, height: 1000 }, port, 0.85);
    close(scaleOf(big, port), 0.85, 'the floor');
    close(big.x, -16, 'the left edge and its margin');
    close(big.y, -16, 'the top edge and its margin');
    const small = fitView({ x: 10, y: 10, width: 100, height: 50 }, port, 0.85);
    assert.deepEqual(small, fitView({ x: 10, y: 10, width: 100, height: 50 }, port));
    const wide = fitView({ x: 0, y: 0, width: 4000, height: 100 }, port, 0.85);
    close(wide.x, -16, 'too wide: from its left edge');
    close(wide.y + wide.h / 2, 50, 'high enough: centred vertically');
  });

  it('the wheel zooms around the pointer: the point under it stays in place', () => {
    const v = fitView({ x: 0, y: 0, width: 4000, height: 1000 }, port);
    const before = at(v, 600, 100);
    const z = zoomAt(v, 2, 600, 100, port);
    close(scaleOf(z, port), scaleOf(v, port) * 2, 'scale');
    const after = at(z, 600, 100);
    close(after[0], before[0], 'x under the pointer');
    close(after[1], before[1], 'y under the pointer');
  });

  it('zoom stops at its bounds', () => {
    let v = around(0, 0, 1, port);
    for (let i = 0; i < 20; i++) v = zoomAt(v, 2, 400, 200, port);
    close(scaleOf(v, port), MAX_SCALE, 'closest');
    for (let i = 0; i < 40; i++) v = zoomAt(v, 0.5, 400, 200, port);
    assert.ok(scaleOf(v, port) > 0, 'never zero');
  });

  it('a drag moves the content with the pointer; a resize keeps centre and zoom', () => {
    const v = around(500, 500, 2, port);
    const p = panBy(v, 100, -40, port);
    const [x0, y0] = at(v, 300, 200);
    const [x1, y1] = at(p, 400, 160);
    close(x1, x0, 'x follows');
    close(y1, y0, 'y follows');
    const r = resized(v, port, { width: 400, height: 600 });
    close(r.x + r.w / 2, 500, 'centre x');
    close(r.y + r.h / 2, 500, 'centre y');
    close(scaleOf(r, { width: 400, height: 600 }), 2, 'scale');
  });
});
