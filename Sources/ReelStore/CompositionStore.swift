import Foundation
import ReelCore
import ServiceLifecycle

/// One page of a composition listing.
public struct CompositionPage: Sendable {
    public var items: [CompositionRecord]
    public var total: Int

    public init(items: [CompositionRecord], total: Int) {
        self.items = items
        self.total = total
    }
}

/// Queue and status counts for health checks and metrics.
public struct QueueStats: Sendable, Hashable {
    /// Queued jobs per priority (jobs waiting for a retry included).
    public var queued: [Priority: Int]
    public var byStatus: [CompositionStatus: Int]

    public init(queued: [Priority: Int], byStatus: [CompositionStatus: Int]) {
        self.queued = queued
        self.byStatus = byStatus
    }

    public var depth: Int { queued.values.reduce(0, +) }
}

/// Durable state of compositions. `insert` stores a composition and enqueues its job in
/// one transaction, so a stored composition is always queued. Reads and writes by id take the
/// caller's `tenant`: a composition of another tenant is as absent as an unknown id; nil reaches
/// every tenant (keys off, or an admin key).
public protocol CompositionStore: Sendable {
    /// Creates or upgrades the schema. Safe to run from several processes at once.
    func migrate() async throws
    /// Stores a new composition as `queued`. Throws `queue_full` when `maxQueued` jobs wait, or
    /// when the record's tenant already has `maxQueuedPerTenant` waiting. With `idempotency`, the
    /// key is claimed on the new row; when a live claim of the record's tenant already holds the
    /// key (a retry, or a concurrent duplicate that won), nothing is inserted, no limit applies,
    /// and the holder is returned. An expired claim lets go of the key.
    @discardableResult
    func insert(
        _ record: CompositionRecord, maxQueued: Int?, maxQueuedPerTenant: Int?, idempotency: IdempotencyClaim?
    ) async throws -> CompositionInsert
    func fetch(_ id: UUID, tenant: String?) async throws -> CompositionRecord?
    /// The progress columns alone (for `/status`, the hottest read).
    func fetchProgress(_ id: UUID, tenant: String?) async throws -> CompositionProgress?
    /// Newest first.
    func list(status: CompositionStatus?, offset: Int, limit: Int, tenant: String?) async throws -> CompositionPage
    /// Removes a composition; returns it so its objects can be removed too.
    func delete(_ id: UUID, tenant: String?) async throws -> CompositionRecord?
    /// Cancels a queued or running composition; a running job loses its lease. With
    /// `idempotency`, a live answer under the key is returned instead and nothing is done;
    /// otherwise a successful cancel stores the answer in its transaction.
    func cancel(_ id: UUID, at date: Date, tenant: String?, idempotency: IdempotencyRecord?) async throws -> CancelOutcome
    /// Cancels every queued and running composition (of `tenant`, or of all); returns their IDs.
    func cancelAll(at date: Date, tenant: String?) async throws -> [UUID]
    func stats() async throws -> QueueStats
    /// Throws when the database cannot answer.
    func ping() async throws
    /// Render workers whose last heartbeat is not older than `since`.
    func workers(seenSince since: Date) async throws -> [WorkerHeartbeat]
    /// The write connections' load right now.
    var pool: PoolUsage { get }
}

extension CompositionStore {
    /// Across every tenant: workers, the rescuer and tests.
    public func insert(_ record: CompositionRecord, maxQueued: Int?) async throws {
        try await insert(record, maxQueued: maxQueued, maxQueuedPerTenant: nil, idempotency: nil)
    }
    public func fetch(_ id: UUID) async throws -> CompositionRecord? { try await fetch(id, tenant: nil) }
    public func fetchProgress(_ id: UUID) async throws -> CompositionProgress? { try await fetchProgress(id, tenant: nil) }
    public func list(status: CompositionStatus?, offset: Int, limit: Int) async throws -> CompositionPage {
        try await list(status: status, offset: offset, limit: limit, tenant: nil)
    }
    public func delete(_ id: UUID) async throws -> CompositionRecord? { try await delete(id, tenant: nil) }
    public func cancel(_ id: UUID, at date: Date, tenant: String? = nil) async throws -> CancelOutcome {
        try await cancel(id, at: date, tenant: tenant, idempotency: nil)
    }
    public func cancelAll(at date: Date) async throws -> [UUID] { try await cancelAll(at: date, tenant: nil) }
}

/// API keys and uploaded assets: who may do what, and who owns which upload.
public protocol AccessStore: Sendable {
    /// Stores a key under `lookup` (the first characters of `hash`, unique) and its full `hash`.
    func insertKey(_ key: APIKeyRecord, lookup: String, hash: String) async throws
    /// The key stored under `lookup`, with its hash to compare in constant time; revoked keys too.
    func key(lookup: String) async throws -> (record: APIKeyRecord, hash: String)?
    /// Every key, oldest first.
    func keys() async throws -> [APIKeyRecord]
    /// Marks a key revoked (and counts it in ``revocations`` of every process that can hear of
    /// it); false when there is no such key (or it was revoked already).
    func revokeKey(_ id: UUID, at date: Date) async throws -> Bool
    /// Revocations heard of, for caches of verified keys.
    var revocations: RevocationCounter { get }
    /// Records an upload; with `idempotency`, the answer is stored in the same transaction; when
    /// the tenant already has a live answer under that key, nothing is inserted and that answer
    /// is returned.
    @discardableResult
    func insertAsset(_ asset: AssetRecord, idempotency: IdempotencyRecord?) async throws -> IdempotencyRecord?
    /// The asset, when it exists and belongs to `tenant` (nil: any tenant).
    func asset(_ id: UUID, tenant: String?) async throws -> AssetRecord?
    /// A page of `tenant`'s uploads (nil: every tenant's), newest first.
    func assets(offset: Int, limit: Int, tenant: String?) async throws -> AssetPage
    /// The live (unexpired at `date`) answer stored under a tenant's idempotency key.
    func idempotencyRecord(tenant: String, key: String, at date: Date) async throws -> IdempotencyRecord?
}

/// Everything a database driver provides: compositions, their jobs, events and webhook
/// deliveries, keys, assets, the render cache, render parts and templates.
public typealias ReelDatabase = CompositionStore & JobQueue & EventStore & WebhookOutbox & AccessStore & RenderCacheIndex & PartQueue
    & TemplateStore & PreviewQueue
    & Service
