import Foundation
import ReelCore
import ReelStore
import Testing

/// Templates: the same behaviour from every driver.
@Suite("Template store conformance")
struct TemplateStoreTests {
    static func template(_ name: String, tenant: String, at seconds: Double) -> TemplateRecord {
        let body = TemplateBody(
            name: name, description: "a \"quoted\" description",
            composition: .object(["title": .string("{{TITLE}}"), "clips": .array([.object(["start_time": .string("{{START}}")])])]),
            mergeFields: ["TITLE": MergeField(type: .text, defaultValue: .string("Hi")), "START": MergeField(type: .number)])
        let date = Date(timeIntervalSince1970: 1_800_000_000 + seconds)
        return TemplateRecord(id: UUID(), tenant: tenant, body: body, createdAt: date, updatedAt: date)
    }

    @Test("insert, read, list newest first, replace and delete, each within its tenant", arguments: StoreHarness.drivers)
    func lifecycle(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let first = Self.template("first", tenant: "acme", at: 0)
            let second = Self.template("second", tenant: "acme", at: 10)
            let theirs = Self.template("theirs", tenant: "globex", at: 5)
            for template in [first, second, theirs] { _ = try await store.insertTemplate(template, idempotency: nil) }

            let read = try #require(try await store.template(first.id, tenant: "acme"))
            #expect(read.body == first.body && read.tenant == "acme")
            #expect(abs(read.createdAt.timeIntervalSince(first.createdAt)) < 0.001)
            #expect(try await store.template(theirs.id, tenant: "acme") == nil)
            #expect(try await store.template(theirs.id, tenant: nil)?.body.name == "theirs")

            let page = try await store.templates(tenant: "acme", offset: 0, limit: 10)
            #expect(page.items.map(\.body.name) == ["second", "first"] && page.total == 2)
            #expect(try await store.templates(tenant: "acme", offset: 1, limit: 1).items.map(\.body.name) == ["first"])
            #expect(try await store.templates(tenant: nil, offset: 0, limit: 10).total == 3)

            var replaced = first
            replaced.body.name = "renamed"
            replaced.body.mergeFields["EXTRA"] = MergeField(type: .color, defaultValue: .string("red"), description: "accent")
            replaced.updatedAt = first.updatedAt.addingTimeInterval(60)
            #expect(try await store.replaceTemplate(replaced, tenant: "globex") == false)
            #expect(try await store.replaceTemplate(replaced, tenant: "acme"))
            let after = try #require(try await store.template(first.id, tenant: "acme"))
            #expect(after.body == replaced.body)
            #expect(abs(after.updatedAt.timeIntervalSince(replaced.updatedAt)) < 0.001)
            #expect(abs(after.createdAt.timeIntervalSince(first.createdAt)) < 0.001)

            #expect(try await store.deleteTemplate(first.id, tenant: "globex") == false)
            #expect(try await store.deleteTemplate(first.id, tenant: "acme"))
            #expect(try await store.deleteTemplate(first.id, tenant: "acme") == false)
            #expect(try await store.template(first.id, tenant: nil) == nil)
        }
    }

    @Test(
        "a template stored with an idempotency answer: a second insert under the key stores nothing and returns the first answer",
        arguments: StoreHarness.drivers)
    func idempotentInsert(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let first = Self.template("first", tenant: "acme", at: 0)
            let answer = AccessConformanceTests.answer(key: "t1", body: "first")
            #expect(try await store.insertTemplate(first, idempotency: answer) == answer)
            let second = Self.template("second", tenant: "acme", at: 1)
            let kept = try await store.insertTemplate(second, idempotency: AccessConformanceTests.answer(key: "t1", body: "second"))
            #expect(kept?.body == "first")
            #expect(try await store.template(second.id, tenant: nil) == nil)
            #expect(try await store.templates(tenant: "acme", offset: 0, limit: 10).total == 1)
        }
    }
}
