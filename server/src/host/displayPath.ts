// How a path of the user's is quoted in a refusal or a warning, by the front ends with a disk and by the web server's
// settings alike (no Node: the browser bundle takes it).

/** A path as said in a refusal: JSON-quoted, so that control characters stay visible and inert. */
export function displayPath(p: string): string {
  return JSON.stringify(p.length > 200 ? `${p.slice(0, 200)}…` : p);
}
