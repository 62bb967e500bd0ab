import type { PgChangeBus } from './changes';

/**
 * The totals of list queries (X-Total-Count), kept until the data changes. A page of a million
 * guests is a few index steps, but its exact total counts every row (about 85 ms at 1,000,000),
 * and react-admin asks for the total with every page. A kept total is forgotten at every
 * change this server commits (before it answers) or hears of from another server, at a resync,
 * and after `maxAgeMs` whatever happens (a change made outside Huiwu, by SQL); and none is kept
 * while the change bus is not listening, since it might miss another server's change.
 */
export class Totals {
  private kept = new Map<string, { total: number; at: number }>();
  /** moves at every change: a count begun before it is not kept */
  private generation = 0;

  constructor(
    private readonly bus: PgChangeBus,
    private readonly maxAgeMs = 10_000,
    private readonly most = 1000,
  ) {
    bus.subscribe(() => this.forget());
  }

  async of(statement: { text: string; values: unknown[] }, count: () => Promise<number>): Promise<number> {
    if (!this.bus.isListening) return count();
    const key = `${statement.text}\u0000${JSON.stringify(statement.values)}`;
    const hit = this.kept.get(key);
    if (hit && Date.now() - hit.at < this.maxAgeMs) return hit.total;
    const generation = this.generation;
    const at = Date.now();
    const total = await count();
    if (generation === this.generation && this.bus.isListening) {
      if (this.kept.size >= this.most) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(key, { total, at });
    }
    return total;
  }

  forget() {
    this.generation++;
    this.kept.clear();
  }
}
