/// A table whose rows workers lease (compositions and render parts): what both drivers need to
/// find the leases nobody renewed.
enum LeasedTable {
    case compositions
    case renderParts

    /// The table's name.
    var name: String {
        switch self {
        case .compositions: "compositions"
        case .renderParts: "render_parts"
        }
    }

    /// The status a leased row holds while its worker runs it.
    var leasedStatus: String {
        switch self {
        case .compositions: "processing"
        case .renderParts: "running"
        }
    }

    /// The columns ``ExpiredLease`` is read from, in its order.
    static let expiredColumns = "id, lease_token, attempt, max_attempts"

    /// The filter for leased rows (the driver adds the lease's end).
    var leasedFilter: String { "status = '\(leasedStatus)'" }
}
