import { scopeIfAny, type GroupCommitTicket } from './context.js';
import { ChangeWatch, checkpointTruncate, immediateTransactions, StatementCache, type CheckpointResult, type SqliteDatabase, type SqliteStatement } from './sqlite.js';

/** Rows kept by remembered() per open handle; past this the memory starts again. */
const REMEMBERED_MAX = 1000;

/**
 * One open tenant database and its prepared statements. Get it from tenantDb() inside a tenant
 * context, use it synchronously, and do not keep it across an `await`: the handle cache may close
 * it once it is evicted. The connection itself stays private, so feature code can only run
 * statements (which refuse ATTACH and VACUUM INTO, see sqlite.ts) and transactions.
 */
export class TenantHandle {
  readonly #db: SqliteDatabase;
  readonly #statements: StatementCache;
  readonly #changes: ChangeWatch;
  /** Built on the first transaction: most handles opened for a read never run one (see immediateTransactions). */
  #immediate: (<T>(fn: () => T) => T) | null = null;
  readonly #remembered = new Map<string, object>();
  /** BEGIN IMMEDIATE, COMMIT and ROLLBACK for shared commits, prepared when the first group opens. */
  #groupStatements: { begin: SqliteStatement; commit: SqliteStatement; rollback: SqliteStatement } | null = null;
  /** The open shared commit, if any (see the group commit comment below). */
  #group: { committed: Promise<void>; resolve: () => void; reject: (err: unknown) => void } | null = null;

  constructor(
    readonly tenantId: string,
    db: SqliteDatabase,
  ) {
    this.#db = db;
    this.#statements = new StatementCache(db);
    this.#changes = new ChangeWatch(db);
  }

  /**
   * A row read through a memory that is forgotten the moment anything is committed to this file,
   * by this process or any other (see ChangeWatch): what it returns is what `read` would return
   * now. For rows read on every request (the session check). Misses (undefined) are not kept.
   */
  remembered<T extends object>(key: string, read: () => T | undefined): T | undefined {
    this.#settle();
    if (!this.#changes.unchanged()) this.#remembered.clear();
    const kept = this.#remembered.get(key);
    if (kept !== undefined) return kept as T;
    const row = read();
    if (row === undefined) return undefined;
    if (this.#remembered.size >= REMEMBERED_MAX) this.#remembered.clear();
    this.#remembered.set(key, Object.freeze(row));
    return row;
  }

  /** A prepared statement, compiled once per handle. */
  statement(sql: string): SqliteStatement {
    this.#settle();
    return this.#statements.get(sql);
  }

  /**
   * Runs fn in one IMMEDIATE transaction (takes the write lock up front: no upgrade deadlocks).
   * In a group-commit scope (a route that declares `groupCommit`) fn runs in its own savepoint of
   * the turn's shared transaction instead, and is committed with it; the scope's ticket records it.
   */
  transaction<T>(fn: () => T): T {
    this.#immediate ??= immediateTransactions(this.#db);
    const ticket = this.#groupTicket();
    if (ticket) ticket.join(this.#openGroup());
    else this.#settle();
    return this.#immediate(fn);
  }

  // Group commit: the writes of group-commit requests to this file in one event-loop turn share
  // one transaction, each in its own savepoint, committed once at the end of the turn
  // (setImmediate): one COMMIT and one set of WAL pages instead of one per request. Anything else
  // that uses the handle while it is open (another route, a job, eviction, shutdown) commits it
  // first, so no other code ever reads what is not committed yet or has its own transaction
  // folded into someone else's. A group-commit request that reads while a group is open joins it
  // too: what it answers may rest on rows that commit holds.
  #groupTicket(): GroupCommitTicket | null {
    const scope = scopeIfAny();
    return scope?.groupCommit !== undefined && scope.tenantId === this.tenantId && scope.crossTenant === undefined ? scope.groupCommit : null;
  }

  /** The open group's commit, opening one (BEGIN IMMEDIATE, commit at setImmediate) if none is open. */
  #openGroup(): Promise<void> {
    if (this.#group) return this.#group.committed;
    this.#groupStatements ??= { begin: this.#db.prepare('BEGIN IMMEDIATE'), commit: this.#db.prepare('COMMIT'), rollback: this.#db.prepare('ROLLBACK') };
    this.#groupStatements.begin.run();
    let resolve!: () => void;
    let reject!: (err: unknown) => void;
    const committed = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A failed commit is reported to every request in the group; none of them may go unheard.
    committed.catch(() => undefined);
    this.#group = { committed, resolve, reject };
    setImmediate(() => this.#commitGroup());
    return committed;
  }

  #settle(): void {
    if (!this.#group) return;
    const ticket = this.#groupTicket();
    if (ticket) ticket.join(this.#group.committed);
    else this.#commitGroup();
  }

  #commitGroup(): void {
    const group = this.#group;
    const statements = this.#groupStatements;
    if (!group || !statements) return;
    this.#group = null;
    try {
      statements.commit.run();
      group.resolve();
    } catch (err) {
      // Every request of the group hears of the failure, even if the rollback fails too.
      group.reject(err);
      // Rows remembered inside the group may never have been committed.
      this.#remembered.clear();
      if (this.#db.inTransaction) statements.rollback.run();
    }
  }

  /** Reads one pragma's value (journal_mode, synchronous …); never sets one. */
  pragmaValue(name: string): unknown {
    this.#settle();
    if (!/^[a-z_]+$/.test(name)) throw new Error(`not a pragma name: ${name}`);
    return this.#db.pragma(name, { simple: true });
  }

  /** The whole database as bytes (for comparisons, and later for backups). */
  serialize(): Buffer {
    this.#settle();
    return this.#db.serialize();
  }

  /** Folds the WAL into the database file and empties it (shutdown does this for every open handle). */
  checkpoint(): CheckpointResult {
    this.#settle();
    return checkpointTruncate(this.#db);
  }

  get path(): string {
    return this.#db.name;
  }

  get isOpen(): boolean {
    return this.#db.open;
  }

  close(): void {
    if (this.#db.open) this.#commitGroup();
    this.#statements.clear();
    this.#remembered.clear();
    if (this.#db.open) this.#db.close();
  }
}
