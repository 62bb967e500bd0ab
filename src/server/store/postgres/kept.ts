import type { PgChangeBus } from './changes';

/**
 * Answers to list queries kept until the data changes: their totals (X-Total-Count), and the
 * ids a search matches, in the list's order. A page of a million guests is a few index steps,
 * but its exact total counts every row (about 85 ms at 1,000,000), and a search of one common
 * character (张) gathers its ten thousand matches before it can give the first 25, and
 * react-admin asks again with every page. A kept answer is forgotten at every change this
 * server commits (before it answers) or hears of from another server, at a resync, and after
 * `maxAgeMs` whatever happens (a change made outside Huiwu, by SQL); and none is kept while
 * the change bus is not listening, since it might miss another server's change.
 */
export class Kept<T> {
  private kept = new Map<string, { answer: T; at: number; weight: number }>();
  private weight = 0;
  /** moves at every change: an answer begun before it is not kept */
  private generation = 0;

  constructor(
    private readonly bus: PgChangeBus,
    private readonly options: {
      maxAgeMs?: number;
      /** the most answers kept (the oldest go first) */
      most?: number;
      /** what one answer weighs, and the most all may weigh together */
      weigh?: (answer: T) => number;
      maxWeight?: number;
    } = {},
  ) {
    bus.subscribe(() => this.forget());
  }

  async of(statement: { text: string; values: unknown[] }, compute: () => Promise<T>): Promise<T> {
    if (!this.bus.isListening) return compute();
    const { maxAgeMs = 10_000, most = 1000, weigh = () => 0, maxWeight = Infinity } = this.options;
    const key = `${statement.text}\u0000${JSON.stringify(statement.values)}`;
    const hit = this.kept.get(key);
    if (hit && Date.now() - hit.at < maxAgeMs) return hit.answer;
    const generation = this.generation;
    const at = Date.now();
    const answer = await compute();
    const weight = weigh(answer);
    if (generation === this.generation && this.bus.isListening && weight <= maxWeight) {
      this.drop(key);
      while (this.kept.size >= most || this.weight + weight > maxWeight) this.drop(this.kept.keys().next().value!);
      this.kept.set(key, { answer, at, weight });
      this.weight += weight;
    }
    return answer;
  }

  forget() {
    this.generation++;
    this.kept.clear();
    this.weight = 0;
  }

  private drop(key: string) {
    const entry = this.kept.get(key);
    if (!entry) return;
    this.weight -= entry.weight;
    this.kept.delete(key);
  }
}
