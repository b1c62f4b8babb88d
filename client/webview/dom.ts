// Elements made through the DOM with their text set as text: the one way the webview's pages build markup.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** `1 step`, `2 steps`: a count with its noun in the number it needs. */
export function counted(k: number, one: string, many = `${one}s`): string {
  return `${k} ${k === 1 ? one : many}`;
}
