import Foundation
import NIOCore
import ReelCore

/// A composition read from a file the way `POST /api/v1/compositions` reads its body: the same
/// decoding, merge and field paths, for the command line (`reel validate`, `reel render`, `reel preview`).
public enum CompositionDocument {
    /// The composition in `data` and the fields Reel does not know; a problem is a
    /// ``ReelError`` whose details name each field.
    public static func decode(_ data: Data, maxBytes: Int) throws -> (composition: CompositionRequest, unknownFields: [String]) {
        guard data.count <= maxBytes else { throw ReelError.payloadTooLarge(limit: maxBytes) }
        let unknown = UnknownFields()
        let composition = try CompositionController.decodeMerging(ByteBuffer(bytes: data), unknownFields: unknown, maxBytes: maxBytes)
        return (composition, unknown.all)
    }
}
