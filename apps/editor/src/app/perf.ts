/**
 * Keystroke -> updated preview timing. The start is the keydown that caused the edit (its event
 * timestamp), the end is after the preview for that edit has been committed and painted. Each
 * measure is a `zhijian:keystroke-to-preview` performance entry (read by the e2e run).
 */
export const MEASURE = 'zhijian:keystroke-to-preview';
/** Part of it on the main thread: from the worker's answer to the painted preview. */
export const RENDER_MEASURE = 'zhijian:answer-to-paint';

const starts = new Map<number, number>();
const arrivals = new Map<number, number>();
let lastKeyDown = -Infinity;

export function noteKeyDown(timeStamp: number): void {
  lastKeyDown = timeStamp;
}

/** The edit with this request id started now (or at the keydown just before it). */
export function markEdit(id: number): void {
  const now = performance.now();
  starts.set(id, now - lastKeyDown < 100 ? lastKeyDown : now);
  if (starts.size > 200) starts.delete(starts.keys().next().value!);
}

/** The worker's answer to request `id` has arrived. */
export function markAnswer(id: number): void {
  if (starts.has(id)) arrivals.set(id, performance.now());
}

/** Call when the preview of request `id` is on screen: records the measures. */
export function markPreviewShown(id: number): void {
  const start = starts.get(id);
  const arrival = arrivals.get(id);
  for (const k of starts.keys()) if (k <= id) starts.delete(k);
  for (const k of arrivals.keys()) if (k <= id) arrivals.delete(k);
  if (start === undefined) return;
  const done = (): void => {
    const end = performance.now();
    performance.measure(MEASURE, { start, end, detail: { id } });
    if (arrival !== undefined) performance.measure(RENDER_MEASURE, { start: arrival, end, detail: { id } });
  };
  // After the next frame is painted: requestAnimationFrame runs before paint, the task after it runs after.
  requestAnimationFrame(() => setTimeout(done, 0));
}
