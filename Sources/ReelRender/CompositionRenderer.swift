import Foundation
import ReelCore
import ReelObjects
import Synchronization

/// Renders one composition: fetches and probes its sources, runs one ffmpeg process built by
/// ``FilterGraphBuilder``, probes the result and stores it. Its scratch folder is removed
/// whatever the outcome.
public struct CompositionRenderer: Sendable {
    public var fetcher: SourceFetcher
    public var objects: any ObjectStore
    public var ffmpegPath: String
    public var probe: MediaProbe
    /// Probes sources, remembering what it learnt about each cached file.
    public var sourceProbe: MediaProbe
    public var builder: FilterGraphBuilder
    /// Parent of the per-job scratch folders.
    public var scratchRoot: URL
    /// CPU niceness of the ffmpeg and ffprobe processes (`REEL_RENDER_NICE`); 0 keeps the server's priority.
    public var niceness: Int32 = 0 {
        didSet {
            probe.niceness = niceness
            sourceProbe.niceness = niceness
        }
    }

    public init(
        fetcher: SourceFetcher,
        objects: any ObjectStore,
        ffmpegPath: String,
        ffprobePath: String,
        fontFile: String,
        scratchRoot: URL
    ) {
        self.fetcher = fetcher
        self.objects = objects
        self.ffmpegPath = ffmpegPath
        self.probe = MediaProbe(ffprobePath: ffprobePath)
        self.sourceProbe = MediaProbe(ffprobePath: ffprobePath, cache: ProbeCache())
        self.builder = FilterGraphBuilder(fontFile: fontFile)
        self.scratchRoot = scratchRoot
    }

    /// Progress callback: the stage and how far it is (0–1).
    public typealias ProgressHandler = @Sendable (RenderStage, Double) -> Void

    /// Renders `request` and stores the output under the composition's fixed keys.
    public func render(id: UUID, request: CompositionRequest, progress: @escaping ProgressHandler) async throws -> RenderResult {
        let started = ContinuousClock.now
        let scratch = scratchRoot.appendingPathComponent("\(id.uuidString.lowercased())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        progress(.downloading, 0)
        let sources = try await fetchAndProbe(request.sourceURLs, scratch: scratch, progress: progress)
        try Task.checkCancellation()

        let outputFile = scratch.appendingPathComponent("output.\(request.output.format.fileExtension)")
        var builder = self.builder
        builder.fileDirectory = scratch.path
        var plan = try builder.plan(for: request, sources: sources, outputPath: outputFile.path)
        var output: MediaInfo?
        progress(.rendering, 0)
        if let fast = await fastPlan(request, sources: sources, outputPath: outputFile.path) {
            try prepare(fast, in: scratch)
            try await runFFmpeg(fast.arguments, duration: fast.duration) { progress(.rendering, $0) }
            let copied = try await copiedOutputInfo(outputFile.path, source: sources[request.clips[0].sourceURL]?.info)
            if abs(copied.duration - fast.duration) <= 1 / request.output.fps {
                plan = fast
                output = copied
            }
        }
        if output == nil {
            let steps =
                FilterGraphBuilder.prefersChunks(request)
                ? try builder.chunkedPlan(for: request, sources: sources, outputPath: outputFile.path) : [plan]
            for step in steps { try prepare(step, in: scratch) }
            try await runSteps(steps) { progress(.rendering, $0) }
            plan = steps[steps.count - 1]
            output = try await probe.probe(outputFile.path, name: "the rendered output")
        }
        guard let output else { throw RenderFailure("the rendered output is missing") }

        var thumbnailKey: String?
        if request.output.thumbnail {
            let thumbnail = scratch.appendingPathComponent("thumbnail.jpg")
            try await runFFmpeg(
                [
                    "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-ss", String(plan.duration / 2), "-i",
                    outputFile.path, "-frames:v", "1", "-q:v", "3", thumbnail.path,
                ],
                duration: 0
            ) { _ in }
            thumbnailKey = ObjectKeys.thumbnail(id)
            try await objects.put(key: ObjectKeys.thumbnail(id), file: thumbnail, contentType: "image/jpeg")
        }

        progress(.uploading, 0)
        let key = ObjectKeys.output(id, format: request.output.format.fileExtension)
        do {
            try await objects.put(key: key, file: outputFile, contentType: request.output.format.contentType)
        } catch {
            throw RenderFailure(
                "could not store the output: the object store refused it (\(ObjectStoreError.summary(error)))", transient: true)
        }
        progress(.uploading, 1)
        let elapsed = ContinuousClock.now - started
        return RenderResult(
            outputKey: key,
            output: output,
            inputs: request.sourceURLs.compactMap { url in sources[url].map { .init(url: url, info: $0.info) } },
            appliedEffects: plan.appliedEffects,
            warnings: plan.warnings,
            processingSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            thumbnailKey: thumbnailKey
        )
    }

    /// Runs a one-step plan, or a chunked one: the video chunks in order while the audio pass
    /// (the second-to-last step) runs beside them, then the mux.
    func runSteps(_ steps: [FFmpegPlan], progress: @escaping @Sendable (Double) -> Void) async throws {
        guard steps.count > 2, let mux = steps.last else {
            for step in steps { try await runFFmpeg(step.arguments, duration: step.duration, progress: progress) }
            return
        }
        let audio = steps[steps.count - 2]
        let chunks = steps.dropLast(2)
        let weight = max(chunks.map(\.duration).reduce(0, +), 0.001)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await runFFmpeg(audio.arguments, duration: audio.duration) { _ in } }
            var done = 0.0
            for chunk in chunks {
                try await runFFmpeg(chunk.arguments, duration: chunk.duration) { [done] fraction in
                    progress(min(0.99, (done + fraction * chunk.duration) / weight))
                }
                done += chunk.duration
            }
            try await group.waitForAll()
        }
        try await runFFmpeg(mux.arguments, duration: mux.duration) { _ in }
        progress(1)
    }

    /// The stream-copy plan when the sources allow it.
    func fastPlan(_ request: CompositionRequest, sources: [String: RenderSource], outputPath: String) async -> FFmpegPlan? {
        guard FastPath.isCandidate(request, sources: sources) else { return nil }
        let probe = self.sourceProbe
        let keyframes = await withTaskGroup(of: (String, [Double]).self) { group in
            for url in Set(request.clips.map(\.sourceURL)) {
                guard let path = sources[url]?.path else { continue }
                group.addTask { (url, (try? await probe.keyframeTimes(path)) ?? []) }
            }
            return await group.reduce(into: [String: [Double]]()) { $0[$1.0] = $1.1 }
        }
        return FastPath.plan(for: request, sources: sources, keyframes: keyframes, outputPath: outputPath)
    }

    /// What a stream copy wrote: read from its own `moov` box when that agrees with the source's
    /// streams (no process to start), else from ffprobe.
    func copiedOutputInfo(_ path: String, source: MediaInfo?) async throws -> MediaInfo {
        if let source, let info = MP4Summary.read(path: path)?.mediaInfo(copyOf: source) { return info }
        return try await probe.probe(path, name: "the rendered output")
    }

    /// Writes a plan's files and links into the scratch folder.
    func prepare(_ plan: FFmpegPlan, in scratch: URL) throws {
        for (name, contents) in plan.files {
            try Data(contents.utf8).write(to: scratch.appendingPathComponent(name))
        }
        for (name, target) in plan.links {
            let link = scratch.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: link)
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target)
        }
    }

    func fetchAndProbe(_ urls: [String], scratch: URL, progress: @escaping ProgressHandler) async throws -> [String: RenderSource] {
        let fetcher = self.fetcher
        let probe = self.sourceProbe
        return try await withThrowingTaskGroup(of: RenderSource.self) { group in
            var sources: [String: RenderSource] = [:]
            var next = 0
            while next < urls.count || !group.isEmpty {
                while next < urls.count && next - sources.count < 4 {
                    let url = urls[next]
                    next += 1
                    group.addTask {
                        let path = try await fetcher.fetch(url, scratch: scratch)
                        let info = try await probe.probe(path, name: url)
                        return RenderSource(url: url, path: path, info: info)
                    }
                }
                if let source = try await group.next() {
                    sources[source.url] = source
                    progress(.downloading, Double(sources.count) / Double(urls.count))
                }
            }
            return sources
        }
    }

    func runFFmpeg(_ arguments: [String], duration: Double, progress: @escaping @Sendable (Double) -> Void) async throws {
        let parser = Mutex(FFmpegProgressParser(duration: duration))
        let outcome = try await ProcessRunner.run(ffmpegPath, arguments, niceness: niceness) { data in
            if let fraction = parser.withLock({ $0.consume(data) }) { progress(fraction) }
        }
        try Task.checkCancellation()
        guard outcome.succeeded else {
            let lines = outcome.standardErrorTail.split(separator: "\n").suffix(3).joined(separator: " / ")
            throw RenderFailure("ffmpeg failed (exit \(outcome.exitCode)): \(lines.isEmpty ? "no message" : lines)")
        }
    }
}
