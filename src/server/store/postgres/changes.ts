import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { prepared } from './pool';
import { deliver, type Change, type ChangeBus, type ChangeListener, type Heard } from '../../changes';

/** The channel every server of one database listens on. */
export const CHANGES_CHANNEL = 'huiwu_changes';

export interface PgChangeBusOptions {
  channel?: string;
  /** the first wait before connecting again after the listening connection dropped; doubles
   * up to `maxRetryMs` */
  retryMs?: number;
  maxRetryMs?: number;
  /** how often the listening connection is asked whether it still lives (a connection cut
   * without a word — a firewall's timeout — is otherwise found only by TCP keep-alive) */
  heartbeatMs?: number;
}

/**
 * The change bus over PostgreSQL's LISTEN/NOTIFY, for several servers on one database. Each
 * server keeps one connection of its own that LISTENs; a change is sent with `pg_notify`, by
 * the pool (`publish`) or, better, inside the transaction of the write it tells of
 * (`notifyIn`, or `noticesOf` in its last statement): PostgreSQL then delivers it only if that
 * write commits, once it is visible, and in commit order. Every server hears it, the sender included (`mine` tells them apart).
 *
 * When the listening connection drops (the database restarted, an administrator ended it,
 * the network failed), the bus connects again, waiting 100 ms, then twice as long each time up
 * to 5 s, and when it listens again tells its listeners `resync`: what was sent meanwhile is
 * lost (NOTIFY keeps nothing for an absent listener), so they reload what they keep.
 */
export class PgChangeBus implements ChangeBus {
  /** this bus among the servers: a notification carrying it is `mine` */
  readonly id = randomUUID();
  private readonly channel: string;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private readonly heartbeatMs: number;
  private listeners = new Set<ChangeListener>();
  private client: pg.Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private nextWait: number;
  private listening: Promise<void>;
  private markListening!: () => void;
  /** how many times the listening connection was made (1 after the start); for tests */
  connections = 0;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly connectionString: string,
    options: PgChangeBusOptions,
  ) {
    this.channel = options.channel ?? CHANGES_CHANNEL;
    this.retryMs = options.retryMs ?? 100;
    this.maxRetryMs = options.maxRetryMs ?? 5000;
    this.heartbeatMs = options.heartbeatMs ?? 30_000;
    this.nextWait = this.retryMs;
    this.listening = new Promise((resolve) => (this.markListening = resolve));
  }

  /** A bus listening on the database (the first connection must succeed: a start fails loudly). */
  static async open(pool: pg.Pool, connectionString: string, options: PgChangeBusOptions = {}) {
    const bus = new PgChangeBus(pool, connectionString, options);
    await bus.connect();
    return bus;
  }

  /** whether the listening connection is up: changes sent now will be heard */
  get isListening(): boolean {
    return this.client !== null && !this.closed;
  }

  /** Resolves once the bus listens (again, after a dropped connection). */
  whenListening(): Promise<void> {
    return this.listening;
  }

  async publish(change: Change) {
    await this.notifyIn(this.pool, change);
  }

  /** The changes as the items of a SELECT that sends them, their values added to `values`: in
   * a write's transaction, beside its audit rows, delivered only if the write commits. */
  noticesOf(changes: readonly Change[], values: unknown[]): string {
    if (changes.length === 0) return 'NULL';
    const channel = `$${values.push(this.channel)}::text`;
    return changes
      .map((change) => `pg_notify(${channel}, $${values.push(JSON.stringify({ ...change, from: this.id }))}::text)`)
      .join(', ');
  }

  /** Sends the change through this connection: inside a write's transaction, it is delivered
   * only if the write commits. */
  async notifyIn(client: pg.Pool | pg.PoolClient | pg.Client, change: Change) {
    await client.query(
      prepared('SELECT pg_notify($1, $2)', [this.channel, JSON.stringify({ ...change, from: this.id })]),
    );
  }

  subscribe(listener: ChangeListener) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  async close() {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.listeners.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async connect() {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: 'huiwu-changes',
      keepAlive: true,
    });
    // a dropped connection is an 'error' (then an 'end'): either way, connect again
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => this.heard(message));
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
    } catch (error) {
      client.removeAllListeners();
      client.on('error', () => {});
      await client.end().catch(() => {});
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    const again = this.connections > 0;
    this.connections++;
    this.client = client;
    this.nextWait = this.retryMs;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      client.query('SELECT 1').catch(() => this.lost(client));
    }, this.heartbeatMs);
    this.heartbeat.unref();
    this.markListening();
    // changes sent while nobody listened are lost: whoever keeps something reloads it
    if (again) deliver([...this.listeners], { kind: 'resync', mine: false });
  }

  private lost(client: pg.Client) {
    if (this.client !== client || this.closed) return;
    this.client = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    client.removeAllListeners('notification');
    client.end().catch(() => {});
    this.listening = new Promise((resolve) => (this.markListening = resolve));
    console.error(`the change bus lost its connection to the database; connecting again`);
    this.scheduleRetry();
  }

  private scheduleRetry() {
    if (this.closed || this.retry) return;
    const wait = this.nextWait;
    this.nextWait = Math.min(this.nextWait * 2, this.maxRetryMs);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect().catch(() => this.scheduleRetry());
    }, wait);
    this.retry.unref();
  }

  private heard(message: pg.Notification) {
    if (message.channel !== this.channel || !message.payload) return;
    let parsed: Change & { from?: string };
    try {
      parsed = JSON.parse(message.payload);
    } catch {
      return; // not ours (someone NOTIFYs by hand): nothing to hear
    }
    const { from, ...change } = parsed;
    deliver([...this.listeners], { ...(change as Change), mine: from === this.id } as Heard);
  }
}
