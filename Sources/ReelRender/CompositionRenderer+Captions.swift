import Foundation
import ReelCore

extension CompositionRenderer {
    /// `request` with its caption file (SRT or WebVTT, fetched like a source) read into cues;
    /// a file that cannot be read fails the render naming the cue and line.
    func resolvingCaptions(_ request: CompositionRequest) async throws -> CompositionRequest {
        guard let url = request.captions?.url else { return request }
        let path = try await fetcher.fetch(url)
        var resolved = request
        do {
            resolved.captions?.cues = try CaptionFile.parse(try CaptionFile.text(of: URL(fileURLWithPath: path)))
        } catch {
            throw RenderFailure("captions.url \(url) is not a readable SRT or WebVTT file: \(error)")
        }
        resolved.captions?.url = nil
        return resolved
    }

    /// The captions as a WebVTT file in `scratch`, when the request asks for a sidecar.
    func captionsSidecar(_ request: CompositionRequest, scratch: URL) throws -> Sidecar? {
        guard let captions = request.captions, captions.sidecar, let cues = captions.cues else { return nil }
        let file = scratch.appendingPathComponent("captions.vtt")
        try CaptionFile.webVTT(cues).write(to: file, atomically: false, encoding: .utf8)
        return Sidecar(role: "captions", file: file, contentType: "text/vtt; charset=utf-8")
    }
}
