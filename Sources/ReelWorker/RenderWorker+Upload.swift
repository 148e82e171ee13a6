import Foundation
import ReelCore
import ReelObjects
import ReelRender
import ReelStore

extension RenderWorker {
    /// Stores a render's files under the composition's fixed keys; returns what `/metadata` and
    /// `/download` read. A store that refuses is a transient failure: the job is tried again.
    func store(
        _ files: RenderedFiles, of job: ClaimedJob, started: ContinuousClock.Instant, progress: ProgressMailbox
    ) async throws
        -> RenderResult
    {
        let format = job.request.output.format
        let key = ObjectKeys.output(job.id, format: format.fileExtension)
        var thumbnailKey: String?
        progress.post(stage: .uploading, fraction: 0)
        do {
            if let entry = files.reused {
                // A cached output: the store copies its objects; nothing is uploaded.
                if let thumbnail = entry.details?.thumbnailKey {
                    try await objects.copy(from: thumbnail, to: ObjectKeys.thumbnail(job.id), contentType: "image/jpeg")
                    thumbnailKey = ObjectKeys.thumbnail(job.id)
                }
                try await objects.copy(from: entry.objectKey, to: key, contentType: format.contentType)
            } else {
                if let thumbnail = files.thumbnail {
                    try await objects.put(key: ObjectKeys.thumbnail(job.id), file: thumbnail, contentType: "image/jpeg")
                    thumbnailKey = ObjectKeys.thumbnail(job.id)
                }
                try await objects.put(key: key, file: files.output, contentType: format.contentType)
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
            cache: files.cache
        )
    }
}
