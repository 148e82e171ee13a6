import Foundation
import Hummingbird
import NIOCore
import ReelCore
import ReelObjects
import ReelRender
import ReelStore

/// The one way a composition comes in: `POST /compositions`, a template's compositions (both
/// through ``submit(_:unknown:bodyDigest:request:context:describe:)``) and
/// `POST /compositions/validate` and previews (through its checks): the request's rules, its
/// unknown fields under `Prefer: handling=strict`, its sources and its webhook, then the insert
/// with an idempotent answer.
struct CompositionIntake {
    let services: ReelServices

    var validator: CompositionValidator { CompositionValidator(limits: services.configuration.limits) }
    var baseURL: String { services.configuration.resolvedPublicURL }

    /// Validates and queues `composition`: the one way in for `POST /compositions` and a
    /// template's compositions. `describe` rewrites a problem's field (a template names the
    /// path in the template, and the merge field that filled it).
    func submit(
        _ composition: CompositionRequest, unknown: UnknownFields, bodyDigest: String, request: Request, context: ReelRequestContext,
        describe: (FieldError) -> FieldError = { $0 }
    ) async throws -> Response {
        let principal = context.principal
        let idempotent = try IdempotentWrite(
            request, tenant: principal.tenant, bodyDigest: bodyDigest, lifetime: services.configuration.idempotencyLifetime)
        // No lookup first: the insert's transaction finds a stored answer and returns it instead.
        let strict = Self.prefersStrict(request)
        do {
            try await check(composition, unknown: unknown, strict: strict, principal: principal)
        } catch let error as ReelError {
            throw error.describing(describe)
        }
        let now = Self.creationTime()
        let record = CompositionRecord(
            id: UUID(), tenant: principal.tenant, request: composition, status: .queued, createdAt: now, updatedAt: now,
            requestID: context.requestID)
        let warnings = UnknownFields.warnings(unknown.all.map { describe(FieldError(field: $0, message: "", errorType: "")).field })
        let outcome = try await services.store.insert(
            record, maxQueued: services.configuration.maxQueued,
            maxQueuedPerTenant: principal.keyID == nil ? nil : services.configuration.maxQueuedPerTenant,
            idempotency: idempotent?.claim(at: now))
        if let idempotent, case .claimed(let earlier, let fingerprint) = outcome {
            // The first answer, rebuilt from the composition as it was created (the same body
            // gives the same warnings).
            let first = CompositionRecord(
                id: earlier.id, tenant: earlier.tenant, request: earlier.request, status: .queued, createdAt: earlier.createdAt,
                updatedAt: earlier.createdAt)
            return try idempotent.replay(
                fingerprint: fingerprint, status: .accepted,
                body: try JSONCoding.text(Self.answer(first, baseURL: baseURL, warnings: warnings)),
                location: Self.location(of: earlier.id))
        }
        var headers: HTTPFields = [.location: Self.location(of: record.id)]
        if strict { headers[.preferenceApplied] = "handling=strict" }
        let answer = Self.answer(record, baseURL: baseURL, warnings: warnings)
        return try EditedResponse(status: .accepted, headers: headers, response: answer).response(from: request, context: context)
    }

    /// Now, at the middle of its millisecond. Answers show milliseconds, and an idempotent replay
    /// rebuilds the first answer from the stored time, which PostgreSQL keeps to the microsecond:
    /// half a millisecond either side keeps the shown digits through the round trip.
    static func creationTime() -> Date {
        let milliseconds = (Date().timeIntervalSince1970 * 1000).rounded(.down)
        return Date(timeIntervalSince1970: (milliseconds + 0.5) / 1000)
    }

    static func location(of id: UUID) -> String { "/api/v1/compositions/\(id.uuidString.lowercased())" }

    /// The 202 answer to a new composition, given again by its replay.
    static func answer(_ record: CompositionRecord, baseURL: String, warnings: [String]) -> CompositionDTO {
        CompositionDTO(record: record, baseURL: baseURL, warnings: warnings.isEmpty ? nil : warnings)
    }

    /// `Prefer: handling=strict` (RFC 7240) turns unknown fields from warnings into a 422.
    static func prefersStrict(_ request: Request) -> Bool {
        request.headers[values: .prefer].contains { value in
            value.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "handling=strict" }
        }
    }

    /// What a create refuses in `composition`, stage by stage, as a 422 of that stage's problems:
    /// its rules (and under `Prefer: handling=strict` its unknown fields), then its sources and
    /// its webhook. The one check of both `POST /compositions` and `/compositions/validate`.
    func check(
        _ composition: CompositionRequest, unknown: UnknownFields, strict: Bool, principal: Principal, resolving: Bool = true
    ) async throws {
        var problems = validator.problems(in: composition)
        if strict { problems += UnknownFields.problems(unknown.all) }
        if !problems.isEmpty { throw ReelError.validation(problems) }
        try await checkSources(composition, principal: principal)
        try await checkWebhook(composition.webhookURL, resolving: resolving)
    }

    /// A `webhook_url` whose host resolves inside the network is refused now, not silently at
    /// delivery (each delivery is checked again, and connects to the address it checked).
    /// Without `resolving`, only a host that needs no lookup (an address, localhost) is checked.
    func checkWebhook(_ url: String?, resolving: Bool = true) async throws {
        guard let url, let host = URLComponents(string: url)?.host, resolving || AddressGuard.needsNoLookup(host) else { return }
        do {
            _ = try await AddressGuard(allowPrivate: services.configuration.allowPrivateSources).checkResolving(host: host)
        } catch let failure as RenderFailure where !failure.isTransient {
            throw ReelError.validation(field: "webhook_url", "must not point inside the network: \(failure.message)", type: "address")
        } catch {
            // A name that does not resolve yet may by delivery time; the delivery checks again.
        }
    }

    /// Every source must be one the caller may read: an `asset://ID` uploaded by the caller's
    /// tenant (another tenant's is as unknown as one never uploaded), an object-store URL only in
    /// a bucket the operator lists and never Reel's own storage (``S3SourcePolicy``). A 422 now
    /// beats a failed render later.
    func checkSources(_ composition: CompositionRequest, principal: Principal) async throws {
        var missing: [FieldError] = []
        for (field, url) in composition.sourceFields {
            if case .refused(let reason) = services.sources.decide(url) {
                missing.append(FieldError(field: field, message: reason, errorType: "source"))
                continue
            }
            guard let id = CompositionValidator.assetID(url) else { continue }
            if try await AssetController.find(id, for: principal, services: services) == nil {
                missing.append(
                    FieldError(field: field, message: "no asset \(id.uuidString.lowercased()) was uploaded", errorType: "not_found"))
            } else if field == "captions.url", let problem = try await captionProblem(in: id) {
                missing.append(FieldError(field: field, message: problem, errorType: "format"))
            }
        }
        if !missing.isEmpty { throw ReelError.validation(missing) }
    }

    /// Why an uploaded caption file cannot be read (naming the cue and line), or nil when it can.
    func captionProblem(in asset: UUID) async throws -> String? {
        let key = ObjectKeys.asset(asset)
        guard let size = try await services.objects.size(of: key) else { return nil }
        guard size <= InputLimits.captionFileBytes else {
            return "a caption file must be at most \(InputLimits.captionFileBytes / 1_000_000) MB"
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reel-captions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try await services.objects.download(key: key, to: file)
        do {
            _ = try CaptionFile.parse(try CaptionFile.text(of: file))
            return nil
        } catch {
            return "not a readable SRT or WebVTT file: \(error)"
        }
    }
}
