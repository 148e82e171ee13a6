import Foundation
import Synchronization

/// Collects the paths of fields a request sent that Reel does not know (`clips[0].volum`), so a
/// typo is reported instead of silently ignored. Handed to a decoder in its `userInfo`.
public final class UnknownFields: Sendable {
    private let paths = Mutex<[String]>([])

    public init() {}

    /// The key under which decoders find the collector.
    public static let userInfoKey = CodingUserInfoKey(rawValue: "reel.unknownFields")!

    /// Every unknown field's path, in the order found.
    public var all: [String] { paths.withLock { $0 } }

    /// Records a field path found unknown.
    public func append(_ path: String) { paths.withLock { $0.append(path) } }

    /// The answer's warning for each unknown field at `paths` (as a client named it).
    public static func warnings(_ paths: [String]) -> [String] { paths.map { "\($0) is not a field Reel knows; it was ignored" } }

    /// The 422 problem for each unknown field at `paths`, under `Prefer: handling=strict`.
    public static func problems(_ paths: [String]) -> [FieldError] {
        paths.map { FieldError(field: $0, message: "is not a field Reel knows", errorType: "unknown") }
    }

    /// A coding path as the error shape names fields: `clips[1].end_time`, or `body` for the root.
    public static func text(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "body" : text
    }
}

/// Any key of a JSON object, to list the keys a typed container leaves out.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Records in the decoder's ``UnknownFields`` (when it has one) every key of this object that
    /// `Known` does not name.
    func reportUnknownKeys<Known: CodingKey>(_ known: Known.Type) throws {
        guard let sink = userInfo[UnknownFields.userInfoKey] as? UnknownFields else { return }
        for key in try container(keyedBy: AnyCodingKey.self).allKeys where Known(stringValue: key.stringValue) == nil {
            sink.append(UnknownFields.text(codingPath + [key]))
        }
    }
}
