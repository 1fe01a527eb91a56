import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { BatchResult, JobFile } from './file-job.js';
import type { WorkerInit } from './scan-worker.js';

export type ToWorker = { id: number; files: JobFile[] };
export type ToMain =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: BatchResult }
  | { type: 'failed'; id: number; message: string };

export interface PoolEvents {
  result(files: readonly JobFile[], result: BatchResult): void;
  /** A batch that did not complete (its worker crashed): its files were not scanned. */
  lost(files: readonly JobFile[], why: string): void;
  /** A worker stopped; `beforeReady` when it never got to scan. */
  stopped(why: string, beforeReady: boolean): void;
}

interface Slot {
  worker: Worker;
  port: MessagePort;
  ready: boolean;
  inFlight: Map<number, JobFile[]>;
  why: string;
}

/** Batches per worker in flight: one to work on, more queued, so it never waits for the main thread. */
const MAX_IN_FLIGHT = 3;

function workerUrl(): URL {
  const url = new URL('./scan-worker.js', import.meta.url);
  // Tests load this module from src/ as TypeScript; a worker needs compiled JavaScript, so it runs
  // the built copy (the test command builds first).
  return import.meta.url.endsWith('.ts') ? new URL(url.href.replace('/src/', '/dist/')) : url;
}

/**
 * Worker threads for large scans. Each builds the checks once (rules, keyword automaton), reads its
 * working-tree files itself (nothing is copied through the main thread), and answers with findings
 * only: the main thread holds paths and results, never the tree's content.
 *
 * Answers come through a MessageChannel the main thread reads synchronously (`poll`), so it can
 * scan files itself and still hand out work between two of its own files without giving the
 * event loop a turn.
 */
export class WorkerPool {
  readonly #slots: Slot[] = [];
  readonly #events: PoolEvents;
  #nextId = 0;

  constructor(size: number, init: WorkerInit, events: PoolEvents) {
    this.#events = events;
    for (let i = 0; i < size; i++) this.#start(init);
  }

  get alive(): number {
    return this.#slots.length;
  }

  inFlight(): number {
    let n = 0;
    for (const s of this.#slots) n += s.inFlight.size;
    return n;
  }

  /** Handles every answer that has arrived, without waiting. */
  poll(): void {
    for (const slot of [...this.#slots]) {
      for (let m = receiveMessageOnPort(slot.port); m !== undefined; m = receiveMessageOnPort(slot.port)) {
        this.#handle(slot, m.message as ToMain);
      }
    }
  }

  /**
   * Waits a moment for answers (the end of a scan, when this thread has no files left to scan).
   * A short timer rather than listeners: a port read with receiveMessageOnPort must not also
   * deliver its messages as events.
   */
  async waitForNews(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.poll();
  }

  /** Sends batches from `take` to ready workers with room; false once `take` has nothing left. */
  fill(take: () => JobFile[] | undefined): boolean {
    for (const slot of this.#slots) {
      while (slot.ready && slot.inFlight.size < MAX_IN_FLIGHT) {
        const files = take();
        if (files === undefined) return false;
        this.#send(slot, files);
      }
    }
    return true;
  }

  async close(): Promise<void> {
    const slots = this.#slots.splice(0);
    for (const slot of slots) slot.port.close();
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  #send(slot: Slot, files: JobFile[]): void {
    const id = this.#nextId++;
    slot.inFlight.set(id, files);
    const transfer: ArrayBuffer[] = [];
    const wire = files.map((f) => {
      if (f.content === undefined) return f;
      // A copy that owns its memory, moved (not cloned) to the worker: contents read by the
      // targets are often views into one large buffer, which must not be sent whole.
      const own = new Uint8Array(f.content);
      transfer.push(own.buffer);
      return { ...f, content: own };
    });
    slot.port.postMessage({ id, files: wire } satisfies ToWorker, transfer);
  }

  #handle(slot: Slot, message: ToMain): void {
    if (message.type === 'ready') {
      slot.ready = true;
      return;
    }
    const files = slot.inFlight.get(message.id);
    if (files === undefined) return;
    slot.inFlight.delete(message.id);
    if (message.type === 'result') this.#events.result(files, message.result);
    else this.#events.lost(files, message.message);
  }

  #start(init: WorkerInit): void {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(workerUrl(), { workerData: { init, port: port2 }, transferList: [port2] });
    const slot: Slot = { worker, port: port1, ready: false, inFlight: new Map(), why: 'exited' };
    // Polled, never listened to (see waitForNews), so it must not keep the process alive.
    port1.unref();
    this.#slots.push(slot);
    worker.on('error', (error) => {
      slot.why = error.message;
    });
    worker.on('exit', () => {
      const index = this.#slots.indexOf(slot);
      if (index < 0) return; // closed on purpose
      // Answers it sent before it died still count.
      for (let m = receiveMessageOnPort(port1); m !== undefined; m = receiveMessageOnPort(port1)) {
        this.#handle(slot, m.message as ToMain);
      }
      this.#slots.splice(index, 1);
      port1.close();
      for (const files of slot.inFlight.values()) this.#events.lost(files, slot.why);
      slot.inFlight.clear();
      this.#events.stopped(slot.why, !slot.ready);
    });
  }
}
