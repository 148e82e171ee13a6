import Foundation
import Hummingbird
import ReelCore

extension ReelRequestContext {
    /// The `{id}` path parameter, read with Hummingbird's `parameters.require(_:as: UUID.self)`.
    /// An id that is not a UUID names no resource, so it is 404 for `what`, as an unknown one is.
    func id(of what: String) throws -> UUID {
        do {
            return try parameters.require("id", as: UUID.self)
        } catch is HTTPError {
            throw ReelError.notFound(what)
        }
    }
}
