import type { LiveEvent, LiveListener } from './events.js';

/** Fan-out of changes to open pages. In-process here; a Redis implementation shares the interface. */
export interface ChangeBus {
  publish(event: LiveEvent): void;
  subscribe(listener: LiveListener): () => void;
}

export class LocalBus implements ChangeBus {
  readonly #listeners = new Set<LiveListener>();

  publish(event: LiveEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // One broken subscriber (a closed socket) must not stop the others from hearing it.
      }
    }
  }

  subscribe(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get size(): number {
    return this.#listeners.size;
  }
}
