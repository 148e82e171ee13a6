/// Printed without its signing secret.
extension WebhookNotifier: CustomStringConvertible {
    public var description: String { "WebhookNotifier(attempts: \(attempts))" }
}
