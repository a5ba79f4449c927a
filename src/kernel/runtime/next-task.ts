/**
 * Resolves in a task of its own, after the messages already queued (a MessageChannel message,
 * which unlike a nested setTimeout is not clamped to 4 ms).
 */
function taskYielder(): () => Promise<void> {
  if (typeof MessageChannel !== 'function') return () => new Promise((resolve) => setTimeout(resolve, 0));
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  // In Node an open port would keep the process alive on its own.
  (channel.port1 as { unref?: () => void }).unref?.();
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

export const nextTask = taskYielder();
