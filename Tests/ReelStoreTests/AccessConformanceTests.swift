import Foundation
import ReelCore
import ReelStore
import Testing

/// Tenancy, API keys and assets: the same behaviour from every driver.
@Suite("Tenancy, keys and assets conformance")
struct AccessConformanceTests {
    static let drivers = StoreHarness.drivers

    static func record(tenant: String) -> CompositionRecord {
        var record = StoreConformanceTests.record("of \(tenant)")
        record.tenant = tenant
        return record
    }

    @Test("another tenant's composition is absent to every read and write by id; nil reaches every tenant", arguments: drivers)
    func isolation(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let mine = Self.record(tenant: "acme")
            let theirs = Self.record(tenant: "globex")
            for record in [mine, theirs] { try await store.insert(record, maxQueued: nil) }
            #expect(try await store.fetch(theirs.id, tenant: "acme") == nil)
            #expect(try await store.fetch(mine.id, tenant: "acme")?.tenant == "acme")
            #expect(try await store.fetchProgress(theirs.id, tenant: "acme") == nil)
            #expect(try await store.fetchProgress(theirs.id, tenant: nil) != nil)
            let page = try await store.list(status: nil, offset: 0, limit: 10, tenant: "acme")
            #expect(page.items.map(\.id) == [mine.id])
            #expect(page.total == 1)
            #expect(try await store.list(status: nil, offset: 0, limit: 10, tenant: nil).total == 2)
            guard case .notFound = try await store.cancel(theirs.id, at: Date(), tenant: "acme") else {
                Issue.record("cancelled another tenant's composition")
                return
            }
            #expect(try await store.delete(theirs.id, tenant: "acme") == nil)
            #expect(try await store.cancelAll(at: Date(), tenant: "acme") == [mine.id])
            #expect(try await store.fetch(theirs.id)?.status == .queued)
            #expect(try await store.cancelAll(at: Date(), tenant: nil) == [theirs.id])
        }
    }

    @Test("a tenant's queue limit counts its own queued compositions only", arguments: drivers)
    func tenantQueueLimit(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            for _ in 0..<2 { try await store.insert(Self.record(tenant: "acme"), maxQueued: 100, maxQueuedPerTenant: 2, idempotency: nil) }
            await #expect(throws: ReelError.self) {
                try await store.insert(Self.record(tenant: "acme"), maxQueued: 100, maxQueuedPerTenant: 2, idempotency: nil)
            }
            try await store.insert(Self.record(tenant: "globex"), maxQueued: 100, maxQueuedPerTenant: 2, idempotency: nil)
            #expect(try await store.list(status: nil, offset: 0, limit: 10, tenant: "acme").total == 2)
        }
    }

    @Test("keys are found by lookup with their hash, listed without secrets, revoked once", arguments: drivers)
    func keys(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let key = APIKeyRecord(
                id: UUID(), name: "ci", hint: "reel_abcdef…", scope: .write, tenant: "acme",
                createdAt: Date(timeIntervalSince1970: 1_700_000_000))
            try await store.insertKey(key, lookup: "0123456789abcdef", hash: "0123456789abcdef" + String(repeating: "0", count: 48))
            let found = try #require(try await store.key(lookup: "0123456789abcdef"))
            #expect(found.record == key)
            #expect(found.hash.count == 64)
            #expect(try await store.key(lookup: "ffffffffffffffff") == nil)
            #expect(try await store.keys() == [key])
            await #expect(throws: (any Error).self) {
                try await store.insertKey(key, lookup: "0123456789abcdef", hash: "x")
            }
            let heard = store.revocations.value
            #expect(try await store.revokeKey(key.id, at: Date()))
            #expect(store.revocations.value > heard)
            #expect(try await !store.revokeKey(key.id, at: Date()))
            #expect(try await !store.revokeKey(UUID(), at: Date()))
            #expect(try await store.key(lookup: "0123456789abcdef")?.record.revokedAt != nil)
        }
    }

    @Test("an asset belongs to the tenant that uploaded it", arguments: drivers)
    func assets(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let asset = AssetRecord(
                id: UUID(), tenant: "acme", sizeBytes: 5_000_000_000, contentType: "video/mp4", sha256: String(repeating: "a", count: 64),
                createdAt: Date(timeIntervalSince1970: 1_700_000_000))
            try await store.insertAsset(asset, idempotency: nil)
            #expect(try await store.asset(asset.id, tenant: "acme") == asset)
            #expect(try await store.asset(asset.id, tenant: nil) == asset)
            #expect(try await store.asset(asset.id, tenant: "globex") == nil)
            #expect(try await store.asset(UUID(), tenant: nil) == nil)
        }
    }
}

extension AccessConformanceTests {
    static func answer(tenant: String = "acme", key: String = "k1", body: String, at date: Date = Date()) -> IdempotencyRecord {
        IdempotencyRecord(
            tenant: tenant, key: key, fingerprint: "f-\(body)", status: 202, body: body, location: "/x/\(body)", createdAt: date,
            expiresAt: date.addingTimeInterval(3600))
    }

    @Test("a write with an idempotency key stores its answer; a second one with the key inserts nothing", arguments: drivers)
    func idempotentInsert(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let first = Self.record(tenant: "acme")
            let ours = Self.answer(body: "one")
            #expect(try await store.insert(first, maxQueued: nil, maxQueuedPerTenant: nil, idempotency: ours)?.body == "one")
            let kept = try await store.insert(
                Self.record(tenant: "acme"), maxQueued: nil, maxQueuedPerTenant: nil, idempotency: Self.answer(body: "two"))
            #expect(kept?.body == "one")
            #expect(kept?.fingerprint == ours.fingerprint)
            #expect(kept?.location == "/x/one")
            #expect(try await store.list(status: nil, offset: 0, limit: 10).total == 1)
            #expect(try await store.idempotencyRecord(tenant: "acme", key: "k1", at: Date())?.body == "one")
            #expect(try await store.idempotencyRecord(tenant: "globex", key: "k1", at: Date()) == nil)
            // Keys are per tenant.
            let theirs = Self.answer(tenant: "globex", body: "three")
            #expect(
                try await store.insert(Self.record(tenant: "globex"), maxQueued: nil, maxQueuedPerTenant: nil, idempotency: theirs)?.body
                    == "three")
            #expect(try await store.list(status: nil, offset: 0, limit: 10).total == 2)
        }
    }

    @Test("concurrent writes with one key create exactly one composition, and all see its answer", arguments: drivers)
    func concurrentIdempotentInserts(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let kept = try await withThrowingTaskGroup(of: IdempotencyRecord?.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await store.insert(
                            Self.record(tenant: "acme"), maxQueued: nil, maxQueuedPerTenant: nil,
                            idempotency: Self.answer(body: "attempt \(index)"))
                    }
                }
                var bodies: [String] = []
                for try await answer in group { bodies.append(answer?.body ?? "") }
                return bodies
            }
            #expect(Set(kept).count == 1)
            #expect(try await store.list(status: nil, offset: 0, limit: 10).total == 1)
        }
    }

    @Test("an expired answer no longer counts: the key can be used again", arguments: drivers)
    func expiry(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let old = Self.answer(body: "old", at: Date().addingTimeInterval(-7200))
            _ = try await store.saveIdempotency(old)
            #expect(try await store.idempotencyRecord(tenant: "acme", key: "k1", at: Date()) == nil)
            let fresh = Self.answer(body: "fresh")
            #expect(try await store.saveIdempotency(fresh).body == "fresh")
            #expect(try await store.saveIdempotency(Self.answer(body: "late")).body == "fresh")
            let asset = AssetRecord(id: UUID(), tenant: "acme", sizeBytes: 1, contentType: "a/b", sha256: "x", createdAt: Date())
            let answer = Self.answer(key: "asset", body: "asset")
            #expect(try await store.insertAsset(asset, idempotency: answer)?.body == "asset")
            var again = asset
            again.id = UUID()
            #expect(try await store.insertAsset(again, idempotency: Self.answer(key: "asset", body: "other"))?.body == "asset")
            #expect(try await store.asset(again.id, tenant: nil) == nil)
        }
    }
}
