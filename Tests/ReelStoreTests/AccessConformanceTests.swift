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

    @Test("a tenant's assets list newest first, paged, with their media facts", arguments: drivers)
    func assetPages(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            var made: [AssetRecord] = []
            for index in 0..<5 {
                let media: AssetMedia? =
                    switch index {
                    case 0: nil
                    case 1: AssetMedia(duration: nil, width: 640, height: 480, thumbnail: true)
                    default: AssetMedia(duration: 2.5 + Double(index), width: 160, height: 90, thumbnail: index % 2 == 0)
                    }
                let asset = AssetRecord(
                    id: UUID(), tenant: index == 4 ? "globex" : "acme", sizeBytes: 100 + index, contentType: "video/mp4",
                    sha256: String(repeating: "b", count: 64), createdAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)),
                    media: media)
                try await store.insertAsset(asset, idempotency: nil)
                made.append(asset)
            }
            let acme = try await store.assets(offset: 0, limit: 2, tenant: "acme")
            #expect(acme.total == 4)
            #expect(acme.items == [made[3], made[2]])
            #expect(try await store.assets(offset: 2, limit: 10, tenant: "acme").items == [made[1], made[0]])
            let all = try await store.assets(offset: 0, limit: 10, tenant: nil)
            #expect(all.total == 5 && all.items.first == made[4])
            #expect(try await store.assets(offset: 0, limit: 10, tenant: "initech").items.isEmpty)
        }
    }
}

extension AccessConformanceTests {
    static func answer(tenant: String = "acme", key: String = "k1", body: String, at date: Date = Date()) -> IdempotencyRecord {
        IdempotencyRecord(
            tenant: tenant, key: key, fingerprint: "f-\(body)", status: 202, body: body, location: "/x/\(body)", createdAt: date,
            expiresAt: date.addingTimeInterval(3600))
    }

    static func upload() -> AssetRecord {
        AssetRecord(id: UUID(), tenant: "acme", sizeBytes: 1, contentType: "a/b", sha256: "x", createdAt: Date())
    }

    static func claim(_ key: String = "k1", fingerprint: String, expires: Date = Date().addingTimeInterval(3600)) -> IdempotencyClaim {
        IdempotencyClaim(key: key, fingerprint: fingerprint, expiresAt: expires)
    }

    @Test("a composition claims its idempotency key; a second insert with the key inserts nothing and names the holder", arguments: drivers)
    func idempotentInsert(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let first = Self.record(tenant: "acme")
            #expect(
                try await store.insert(first, maxQueued: nil, maxQueuedPerTenant: nil, idempotency: Self.claim(fingerprint: "one"))
                    == .inserted)
            let again = try await store.insert(
                Self.record(tenant: "acme"), maxQueued: nil, maxQueuedPerTenant: nil, idempotency: Self.claim(fingerprint: "two"))
            guard case .claimed(let holder, let fingerprint) = again else {
                Issue.record("a second claim of the key inserted: \(again)")
                return
            }
            #expect(holder.id == first.id)
            #expect(holder.request == first.request)
            // A replay rebuilds the first answer from this time: kept to the microsecond at least.
            #expect(abs(holder.createdAt.timeIntervalSince(first.createdAt)) < 0.000_002)
            #expect(fingerprint == "one")
            // A retry is answered even when the queue is full: it adds nothing.
            let retry = try await store.insert(
                Self.record(tenant: "acme"), maxQueued: 0, maxQueuedPerTenant: 0, idempotency: Self.claim(fingerprint: "one"))
            #expect(retry != .inserted)
            #expect(try await store.list(status: nil, offset: 0, limit: 10).total == 1)
            // Keys are per tenant.
            #expect(
                try await store.insert(
                    Self.record(tenant: "globex"), maxQueued: nil, maxQueuedPerTenant: nil, idempotency: Self.claim(fingerprint: "three"))
                    == .inserted)
            #expect(try await store.list(status: nil, offset: 0, limit: 10).total == 2)
            // Deleting the composition lets go of its key.
            #expect(try await store.delete(first.id) != nil)
            #expect(
                try await store.insert(
                    Self.record(tenant: "acme"), maxQueued: nil, maxQueuedPerTenant: nil, idempotency: Self.claim(fingerprint: "four"))
                    == .inserted)
        }
    }

    @Test("an expired claim lets go of its key: the next claim inserts and holds it", arguments: drivers)
    func expiredClaim(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let old = Self.record(tenant: "acme")
            let expired = Self.claim(fingerprint: "old", expires: Date().addingTimeInterval(-1))
            #expect(try await store.insert(old, maxQueued: nil, maxQueuedPerTenant: nil, idempotency: expired) == .inserted)
            let new = Self.record(tenant: "acme")
            #expect(
                try await store.insert(new, maxQueued: nil, maxQueuedPerTenant: nil, idempotency: Self.claim(fingerprint: "new"))
                    == .inserted)
            let retry = try await store.insert(
                Self.record(tenant: "acme"), maxQueued: nil, maxQueuedPerTenant: nil, idempotency: Self.claim(fingerprint: "new"))
            #expect(retry == .claimed(by: try #require(try await store.fetch(new.id)), fingerprint: "new"))
            #expect(try await store.fetch(old.id) != nil)
        }
    }

    @Test("concurrent inserts with one key create exactly one composition, and all name it", arguments: drivers)
    func concurrentIdempotentInserts(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let outcomes = try await withThrowingTaskGroup(of: CompositionInsert.self) { group in
                var inserted: [UUID] = []
                var holders: [UUID] = []
                for index in 0..<8 {
                    let record = Self.record(tenant: "acme")
                    group.addTask {
                        try await store.insert(
                            record, maxQueued: nil, maxQueuedPerTenant: nil, idempotency: Self.claim(fingerprint: "attempt \(index)"))
                    }
                    inserted.append(record.id)
                }
                for try await outcome in group {
                    if case .claimed(let holder, _) = outcome { holders.append(holder.id) }
                }
                return (inserted, holders)
            }
            let list = try await store.list(status: nil, offset: 0, limit: 10)
            #expect(list.total == 1)
            #expect(outcomes.1.count == 7)
            #expect(Set(outcomes.1) == Set(list.items.map(\.id)))
        }
    }

    @Test("a cancel with an idempotency key stores its answer with the cancel; the key again does nothing", arguments: drivers)
    func idempotentCancel(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let (first, second) = (Self.record(tenant: "acme"), Self.record(tenant: "acme"))
            for record in [first, second] { try await store.insert(record, maxQueued: nil) }
            let answer = Self.answer(key: "cancel-1", body: "cancelled")
            guard case .cancelled = try await store.cancel(first.id, at: Date(), tenant: "acme", idempotency: answer) else {
                Issue.record("the first cancel did not cancel")
                return
            }
            #expect(try await store.idempotencyRecord(tenant: "acme", key: "cancel-1", at: Date())?.body == "cancelled")
            // The key again, even for another composition: the stored answer, and nothing cancelled.
            let again = try await store.cancel(second.id, at: Date(), tenant: "acme", idempotency: Self.answer(key: "cancel-1", body: "x"))
            guard case .replayed(let stored) = again else {
                Issue.record("a reused key cancelled again: \(again)")
                return
            }
            #expect(stored.body == "cancelled")
            #expect(try await store.fetch(second.id)?.status == .queued)
        }
    }

    @Test("concurrent cancels with one key cancel once; the others get the stored answer", arguments: drivers)
    func concurrentIdempotentCancels(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let record = Self.record(tenant: "acme")
            try await store.insert(record, maxQueued: nil)
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        switch try await store.cancel(
                            record.id, at: Date(), tenant: "acme", idempotency: Self.answer(key: "once", body: "attempt \(index)"))
                        {
                        case .cancelled: "cancelled"
                        case .replayed: "replayed"
                        case .alreadyFinished: "409"
                        case .notFound: "404"
                        }
                    }
                }
                var all: [String] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            #expect(outcomes.filter { $0 == "cancelled" }.count == 1)
            #expect(outcomes.filter { $0 == "replayed" }.count == 7)
        }
    }

    @Test("an expired answer no longer counts: the key can be used again", arguments: drivers)
    func expiry(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let old = Self.answer(body: "old", at: Date().addingTimeInterval(-7200))
            let kept = try await store.insertAsset(Self.upload(), idempotency: old)
            #expect(kept?.body == "old")
            #expect(try await store.idempotencyRecord(tenant: "acme", key: "k1", at: Date()) == nil)
            let fresh = try await store.insertAsset(Self.upload(), idempotency: Self.answer(body: "fresh"))
            #expect(fresh?.body == "fresh")
            let late = try await store.insertAsset(Self.upload(), idempotency: Self.answer(body: "late"))
            #expect(late?.body == "fresh")
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
