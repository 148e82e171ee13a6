/// Printed without its signing keys.
extension WebhookDispatcher: CustomStringConvertible {
    public var description: String { "WebhookDispatcher(concurrency: \(concurrency))" }
}
