/** A minimal EventSource for tests: reads `/api/v1/stream` over a real socket, collects events. */
export interface SseEvent {
  event: string;
  data: unknown;
}

export async function openStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ events: SseEvent[]; close: () => void }> {
  const abort = new AbortController();
  const res = await fetch(url, {
    signal: abort.signal,
    headers: { accept: 'text/event-stream', ...headers },
  });
  if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
  const events: SseEvent[] = [];
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name && data) events.push({ event: name, data: JSON.parse(data) });
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return { events, close: () => abort.abort() };
}
