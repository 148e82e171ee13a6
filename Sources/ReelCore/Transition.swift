import Foundation

/// A transition into the clip that carries it, from the clip before.
public struct Transition: Sendable, Hashable, Codable {
    public var type: String
    public var duration: Double

    public init(type: String, duration: Double = 1) {
        self.type = type
        self.duration = duration
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        type = try c.decode(String.self, forKey: .type)
        duration = try c.decodeIfPresent(Double.self, forKey: .duration) ?? 1
    }
}
