import Foundation
import NIOCore

/// The OpenAPI 3.1 description served at `/openapi.json`: the repository's `openapi.json`,
/// embedded at build time (`Plugins/EmbedFiles`) and served byte for byte. Tests hold it to the
/// router's routes and to every bound, enum and required field the validator enforces.
enum OpenAPIDocument {
    static let bytes = ByteBuffer(bytes: Data(base64Encoded: ContractFiles.all[0].base64) ?? Data())
}
