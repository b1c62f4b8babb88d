// Bounds how many file-system operations run at once, so scanning a large tree neither exhausts
// file descriptors nor starves the message loop.
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function limiter(max: number): Limiter {
  let running = 0;
  // A FIFO queue with a moving head: taking the next waiter is O(1) (Array.shift() is O(n)).
  let waiting: (() => void)[] = [];
  let head = 0;
  const next = (): (() => void) | undefined => {
    if (head >= waiting.length) return undefined;
    const w = waiting[head++];
    if (head > 1024 && head * 2 > waiting.length) { waiting = waiting.slice(head); head = 0; }
    return w;
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finishing task hands its slot straight to the next waiting one.
    if (running < max) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const go = next();
      if (go !== undefined) go(); else running--;
    }
  };
}
