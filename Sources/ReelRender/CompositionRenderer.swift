import CoreMetrics
import Foundation
import ReelCore
import Synchronization

/// Renders one composition: fetches and probes its sources, executes the ``RenderPlan`` that
/// ``RenderPlanner`` decides, probes the result and hands the files over; storing them is the
/// caller's (the worker uploads, `reel render` moves the file into place). Its scratch folder is removed
/// whatever the outcome.
public struct CompositionRenderer: Sendable {
    public var fetcher: SourceFetcher
    public var ffmpegPath: String
    public var probe: MediaProbe
    /// Probes sources, remembering what it learnt about each cached file.
    public var sourceProbe: MediaProbe
    public var builder: FilterGraphBuilder
    /// Parent of the per-job scratch folders.
    public var scratchRoot: URL
    /// Where parts are reused from and stored to; nil renders everything (``RenderCache``).
    public var cache: (any RenderCache)?
    /// Source files' content identities, for cache keys.
    public var identities = ContentIdentity()
    /// CPU niceness of the ffmpeg and ffprobe processes (`REEL_RENDER_NICE`); 0 keeps the server's priority.
    public var niceness: Int32 = 0 {
        didSet {
            probe.niceness = niceness
            sourceProbe.niceness = niceness
        }
    }

    public init(
        fetcher: SourceFetcher,
        ffmpegPath: String,
        ffprobePath: String,
        fontFile: String,
        scratchRoot: URL
    ) {
        self.fetcher = fetcher
        self.ffmpegPath = ffmpegPath
        self.probe = MediaProbe(ffprobePath: ffprobePath)
        self.sourceProbe = MediaProbe(ffprobePath: ffprobePath, cache: ProbeCache())
        self.builder = FilterGraphBuilder(fontFile: fontFile)
        self.scratchRoot = scratchRoot
    }

    /// Progress callback: the stage and how far it is (0–1).
    public typealias ProgressHandler = @Sendable (RenderStage, Double) -> Void
    /// Hands a segmented render's parts to the queue and returns once every one is in the
    /// cache, with what each was (``RenderPartRecord``); reports their weighted progress.
    public typealias Distribute = @Sendable ([RenderPart], @escaping @Sendable (Double) -> Void) async throws -> [RenderPartRecord]

    /// Renders `request` in a scratch folder of its own and hands what it made to `deliver`
    /// (which stores or moves the files); the folder is removed once `deliver` returns, whatever
    /// the outcome.
    /// With `distribute`, the parts of a segmented render that the cache lacks go to the queue,
    /// for any worker.
    public func render<T: Sendable>(
        id: UUID, request: CompositionRequest, progress: @escaping ProgressHandler, distribute: Distribute? = nil,
        deliver: (RenderedFiles) async throws -> T
    ) async throws -> T {
        let scratch = scratchRoot.appendingPathComponent("\(id.uuidString.lowercased())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        progress(.downloading, 0)
        let sources = try await fetchAndProbe(request.sourceURLs, progress: progress)
        let request = try await resolvingCaptions(request.asRendered)
        let captions = try captionsSidecar(request, scratch: scratch)
        try Task.checkCancellation()

        let outputFile = scratch.appendingPathComponent("output.\(request.output.format.fileExtension)")
        var builder = self.builder
        builder.fileDirectory = scratch.path
        let planner = RenderPlanner(builder: builder)
        let keyframes = planner.mayStreamCopy(request, sources: sources) ? await keyframeTimes(request, sources: sources) : [:]
        let renderPlan = try planner.plan(for: request, sources: sources, keyframes: keyframes, outputPath: outputFile.path)
        let inputs = request.sourceURLs.compactMap { url in sources[url].map { RenderResult.InputFile(url: url, info: $0.info) } }
        let keys = try await cacheKeys(of: renderPlan, request: request, sources: sources, scratch: scratch)
        if let keys, let entry = await cached(keys.output, part: "output"), let details = entry.details,
            await usable(entry, for: request.output, at: outputFile)
        {
            progress(.rendering, 1)
            let stills = try await stills(request.output, output: outputFile, duration: details.info.duration, scratch: scratch)
            return try await deliver(
                RenderedFiles(
                    output: outputFile, thumbnail: nil, sidecars: [captions].compactMap { $0 } + stills, info: details.info, inputs: inputs,
                    appliedEffects: details.appliedEffects, warnings: details.warnings, reused: entry,
                    cache: RenderCacheReport(outputReused: true, key: keys.output)))
        }
        progress(.rendering, 0)
        let shared = distribute.map { distribute in
            Sharing(
                composition: id, priority: request.priority, paths: sources.values.reduce(into: [:]) { $0[$1.path] = $1.url },
                scratch: scratch.path, distribute: distribute)
        }
        let (plan, output, report) = try await execute(
            renderPlan, output: outputFile, source: sources[request.clips[0].sourceURL]?.info, fps: request.output.fps, keys: keys,
            sharing: shared
        ) { progress(.rendering, $0) }

        var thumbnail: URL?
        if request.output.thumbnail {
            let file = scratch.appendingPathComponent("thumbnail.jpg")
            try await runFFmpeg(
                [
                    "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-ss", NumberText.ffmpeg(output.duration / 2), "-i",
                    outputFile.path, "-frames:v", "1", "-q:v", "3", file.path,
                ],
                duration: 0
            ) { _ in }
            thumbnail = file
        }
        let ladder = try ladderFiles(request.output, scratch: scratch)
        var info = output
        if request.output.format == .hls { info.sizeBytes = try Self.totalSize(of: [outputFile] + ladder.map(\.file)) }
        return try await deliver(
            RenderedFiles(
                output: outputFile,
                thumbnail: thumbnail,
                sidecars: [captions].compactMap { $0 } + ladder
                    + (try await stills(
                        request.output, output: ladderTop(request.output, output: outputFile), duration: output.duration, scratch: scratch)),
                info: info,
                inputs: inputs,
                appliedEffects: plan.appliedEffects,
                warnings: plan.warnings,
                cache: report
            ))
    }

    /// Whether a cached output serves: always, unless a poster or storyboard must be taken from
    /// it and it cannot be fetched to `file`.
    func usable(_ entry: RenderCacheEntry, for settings: OutputSettings, at file: URL) async -> Bool {
        guard settings.poster != nil || settings.storyboard != nil else { return true }
        return await cache?.fetch(entry, to: file) ?? false
    }

    /// The cache's entry for `key`, counted as a hit or miss of `part` (`reel_render_cache_requests_total`).
    func cached(_ key: String, part: String) async -> RenderCacheEntry? {
        let entry = await cache?.entry(key)
        Counter(label: "reel_render_cache_requests_total", dimensions: [("part", part), ("result", entry == nil ? "miss" : "hit")])
            .increment()
        return entry
    }

    /// The plan's cache keys, when a cache is configured and the request allows it: every
    /// source's content identity (hashed once per file), the engine and the plan's steps.
    func cacheKeys(
        of plan: RenderPlan, request: CompositionRequest, sources: [String: RenderSource], scratch: URL
    ) async throws -> RenderKeys? {
        // A ladder is many files from one process: not one object the cache could hand back.
        guard let cache, request.usesCache, request.output.ladder.isEmpty else { return nil }
        var identities: [String: String] = [:]
        for source in sources.values { identities[source.path] = try self.identities.of(source.path) }
        let material = RenderKeys.Material(engine: await cache.engine(), identities: identities, scratch: scratch.path)
        return RenderKeys(
            plan: plan, material: material, extra: request.output.thumbnail ? ["thumbnail"] : [], digest: ContentIdentity.digest)
    }

    /// Runs `plan` in `scratch`'s files; returns the step that made the output (its duration,
    /// effects and warnings) and what the output holds.
    func execute(
        _ plan: RenderPlan, output: URL, source: MediaInfo?, fps: Double, keys: RenderKeys?, sharing: Sharing? = nil,
        progress: @escaping @Sendable (Double) -> Void
    ) async throws -> (FFmpegPlan, MediaInfo, RenderCacheReport?) {
        let report = keys.map { RenderCacheReport(outputReused: false, key: $0.output) }
        let scratch = output.deletingLastPathComponent()
        switch plan {
        case .streamCopy(let copy, let otherwise):
            try prepare(copy, in: scratch)
            try await runFFmpeg(copy.arguments, duration: copy.duration, progress: progress)
            let copied = try await copiedOutputInfo(output.path, source: source)
            if abs(copied.duration - copy.duration) <= 1 / fps { return (copy, copied, report) }
            return try await execute(
                otherwise, output: output, source: source, fps: fps, keys: keys, sharing: sharing, progress: progress)
        case .single(let step):
            try prepare(step, in: scratch)
            try await runFFmpeg(step.arguments, duration: step.duration, progress: progress)
            return (step, try await probe.probeRendered(output.path), report)
        case .segmented(let parts):
            for step in parts.segments + [parts.audio, parts.stitch] { try prepare(step, in: scratch) }
            let reuse = try await runSegments(parts, keys: keys, sharing: sharing, progress: progress)
            return (parts.stitch, try await probe.probeRendered(output.path), reuse)
        }
    }

    /// What a render needs to hand its segments to other workers.
    struct Sharing: Sendable {
        var composition: UUID
        var priority: Priority
        /// Local source path → URL, to make steps portable.
        var paths: [String: String]
        var scratch: String
        var distribute: Distribute
    }

    /// The segments and the audio pass, then the stitch. With `keys`, parts found in the cache
    /// are fetched instead of rendered. With `sharing` too, the missing parts go to the queue
    /// (any worker renders them and stores them in the cache, this one included) and are fetched
    /// from the cache; otherwise the segments run here in order beside the audio pass, and are
    /// stored in the cache once the stitch has used them.
    func runSegments(
        _ parts: SegmentedPlan, keys: RenderKeys?, sharing: Sharing?, progress: @escaping @Sendable (Double) -> Void
    ) async throws -> RenderCacheReport? {
        var reusedSegments = Set<Int>()
        var audioReused = false
        if let keys, let cache {
            for (index, segment) in parts.segments.enumerated() {
                if let entry = await cached(keys.segments[index], part: "segment"),
                    await cache.fetch(entry, to: URL(fileURLWithPath: segment.outputPath))
                {
                    reusedSegments.insert(index)
                }
            }
            if let key = keys.audio, let entry = await cached(key, part: "audio") {
                audioReused = await cache.fetch(entry, to: URL(fileURLWithPath: parts.audio.outputPath))
            }
        }
        var rendered = parts.segments.indices.filter { !reusedSegments.contains($0) }
        let audioFromCache = audioReused
        var records: [RenderPartRecord]?
        let fileExtension = URL(fileURLWithPath: parts.stitch.outputPath).pathExtension
        if let keys, let cache, let sharing, rendered.count + (audioReused ? 0 : 1) >= 2 {
            var queued = rendered.map { index in
                RenderPart(
                    compositionID: sharing.composition, position: index, key: keys.segments[index],
                    step: PortableStep(parts.segments[index], sources: sharing.paths, scratch: sharing.scratch),
                    fileExtension: fileExtension, priority: sharing.priority)
            }
            if !audioReused, let key = keys.audio {
                queued.append(
                    RenderPart(
                        compositionID: sharing.composition, position: RenderPart.audioPosition, key: key,
                        step: PortableStep(parts.audio, sources: sharing.paths, scratch: sharing.scratch), fileExtension: "m4a",
                        priority: sharing.priority))
            }
            records = try await sharing.distribute(queued) { progress(min(0.99, $0)) }
            // Fetch what the queue made; a part whose bytes are gone is rendered here after all.
            var missing: [Int] = []
            for index in rendered {
                if let entry = await cache.entry(keys.segments[index]),
                    await cache.fetch(entry, to: URL(fileURLWithPath: parts.segments[index].outputPath))
                {
                    continue
                }
                missing.append(index)
            }
            rendered = missing
            if !audioReused, let key = keys.audio, let entry = await cache.entry(key),
                await cache.fetch(entry, to: URL(fileURLWithPath: parts.audio.outputPath))
            {
                audioReused = true
            }
        }
        try await runLocally(parts, segments: rendered, audio: !audioReused, progress: progress)
        try await runFFmpeg(parts.stitch.arguments, duration: parts.stitch.duration) { _ in }
        progress(1)
        guard let keys, let cache else { return nil }
        if records == nil {
            await withTaskGroup(of: Void.self) { group in
                for index in rendered {
                    let file = URL(fileURLWithPath: parts.segments[index].outputPath)
                    group.addTask { await cache.store(keys.segments[index], file: file, fileExtension: fileExtension) }
                }
                if !audioReused, let key = keys.audio {
                    group.addTask { await cache.store(key, file: URL(fileURLWithPath: parts.audio.outputPath), fileExtension: "m4a") }
                }
            }
        }
        let reusedFromBefore = reusedSegments.count
        return RenderCacheReport(
            outputReused: false, key: keys.output, segmentsReused: reusedFromBefore,
            segmentsRendered: parts.segments.count - reusedFromBefore, audioReused: audioFromCache,
            parts: records)
    }

    /// `segments` in order while the audio pass (when `audio`) runs beside them.
    func runLocally(_ parts: SegmentedPlan, segments: [Int], audio: Bool, progress: @escaping @Sendable (Double) -> Void) async throws {
        let weight = max(segments.map { parts.segments[$0].duration }.reduce(0, +), 0.001)
        try await withThrowingTaskGroup(of: Void.self) { group in
            if audio {
                group.addTask { try await runFFmpeg(parts.audio.arguments, duration: parts.audio.duration) { _ in } }
            }
            var done = 0.0
            for segment in segments.map({ parts.segments[$0] }) {
                try await runFFmpeg(segment.arguments, duration: segment.duration) { [done] fraction in
                    progress(min(0.99, (done + fraction * segment.duration) / weight))
                }
                done += segment.duration
            }
            try await group.waitForAll()
        }
    }

    /// Renders one part taken from the queue — its sources fetched here, its tokens resolved to
    /// this machine's paths — and stores it in the cache under its key; a part already there is
    /// not rendered again.
    public func renderPart(_ part: RenderPart, progress: @escaping @Sendable (Double) -> Void) async throws -> PartCompletion {
        guard let cache else { throw RenderFailure("segments from the queue need the render cache (REEL_CACHE_MAX_BYTES > 0)") }
        let started = ContinuousClock.now
        if await cached(part.key, part: part.isAudio ? "audio" : "segment") != nil { return PartCompletion(seconds: 0, reused: true) }
        let scratch = scratchRoot.appendingPathComponent("part-\(part.id.uuidString.lowercased())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let fetcher = self.fetcher
        let paths = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (index, url) in part.step.sources.enumerated() {
                group.addTask { (index, try await fetcher.fetch(url)) }
            }
            var paths = Array(repeating: "", count: part.step.sources.count)
            for try await (index, path) in group { paths[index] = path }
            return paths
        }
        let step = part.step.resolved(paths: paths, scratch: scratch.path)
        try prepare(step, in: scratch)
        try await runFFmpeg(step.arguments, duration: step.duration, progress: progress)
        let file = URL(fileURLWithPath: step.outputPath)
        guard FileManager.default.fileExists(atPath: file.path) else { throw RenderFailure("ffmpeg wrote no output for a segment") }
        await cache.store(part.key, file: file, fileExtension: part.fileExtension)
        return PartCompletion(seconds: (ContinuousClock.now - started).seconds, reused: false)
    }

    /// Each clip source's keyframe times, for a stream copy's cut points.
    func keyframeTimes(_ request: CompositionRequest, sources: [String: RenderSource]) async -> [String: [Double]] {
        let probe = self.sourceProbe
        return await withTaskGroup(of: (String, [Double]).self) { group in
            for url in Set(request.clips.map(\.sourceURL)) {
                guard let path = sources[url]?.path else { continue }
                group.addTask { (url, (try? await probe.keyframeTimes(path)) ?? []) }
            }
            return await group.reduce(into: [String: [Double]]()) { $0[$1.0] = $1.1 }
        }
    }

    /// What a stream copy wrote: read from its own `moov` box when that agrees with the source's
    /// streams (no process to start), else from ffprobe.
    func copiedOutputInfo(_ path: String, source: MediaInfo?) async throws -> MediaInfo {
        if let source, let info = MP4Summary.read(path: path)?.mediaInfo(copyOf: source) { return info }
        return try await probe.probeRendered(path)
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

    func fetchAndProbe(_ urls: [String], progress: @escaping ProgressHandler) async throws -> [String: RenderSource] {
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
                        let path = try await fetcher.fetch(url)
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
