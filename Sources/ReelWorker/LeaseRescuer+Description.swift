/// What ServiceLifecycle logs for the rescuer.
extension LeaseRescuer: CustomStringConvertible {
    public var description: String { "LeaseRescuer(every \(interval))" }
}
