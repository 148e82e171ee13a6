import Foundation
import ReelCore
import ReelObjects
import ReelRender
import ReelStore

extension RenderWorker {
    /// Stores a render's files under the composition's fixed keys — or, for an output the cache
    /// had, points at the cache's objects — and offers a new output to the cache; returns what
    /// `/metadata` and `/download` read. A store that refuses is a transient failure: the job is
    /// tried again.
    func store(
        _ files: RenderedFiles, of job: ClaimedJob, started: ContinuousClock.Instant, progress: ProgressMailbox
    ) async throws
        -> RenderResult
    {
        let format = job.request.output.format
        // A reused render points at the cache's objects (nothing copied; the cache keeps them while it does).
        let key = files.reused?.objectKey ?? ObjectKeys.output(job.id, format: format.fileExtension)
        var thumbnailKey: String?
        var sidecarKeys: [String: String] = [:]
        progress.post(stage: .uploading, fraction: 0)
        do {
            if let entry = files.reused {
                thumbnailKey = entry.details?.thumbnailKey
            } else {
                if let thumbnail = files.thumbnail {
                    try await objects.put(key: ObjectKeys.thumbnail(job.id), file: thumbnail, contentType: "image/jpeg")
                    thumbnailKey = ObjectKeys.thumbnail(job.id)
                }
                try await objects.put(key: key, file: files.output, contentType: format.contentType)
            }
            for sidecar in files.sidecars {
                let key = ObjectKeys.sidecar(job.id, name: sidecar.file.lastPathComponent)
                try await objects.put(key: key, file: sidecar.file, contentType: sidecar.contentType)
                sidecarKeys[sidecar.role] = key
            }
        } catch {
            throw RenderFailure(
                "could not store the output: the object store refused it (\(ObjectStoreError.summary(error)))", transient: true)
        }
        if files.reused == nil, let report = files.cache, let cache = renderer.cache {
            let details = RenderCacheEntry.Details(
                info: files.info, thumbnailKey: thumbnailKey, appliedEffects: files.appliedEffects, warnings: files.warnings)
            await cache.adopt(
                report.key, objectKey: key, fileExtension: format.fileExtension, contentType: format.contentType, details: details)
        }
        progress.post(stage: .uploading, fraction: 1)
        let elapsed = ContinuousClock.now - started
        return RenderResult(
            outputKey: key,
            output: files.info,
            inputs: files.inputs,
            appliedEffects: files.appliedEffects,
            warnings: files.warnings,
            processingSeconds: elapsed.seconds,
            thumbnailKey: thumbnailKey,
            sidecarKeys: sidecarKeys.isEmpty ? nil : sidecarKeys,
            cache: files.cache
        )
    }
}
