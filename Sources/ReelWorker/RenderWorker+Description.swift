/// What ServiceLifecycle logs for the worker: its shape, never its fields (the webhook signing
/// secret among them).
extension RenderWorker: CustomStringConvertible {
    public var description: String {
        "RenderWorker(concurrency: \(configuration.concurrency), worker: \(configuration.workerID))"
    }
}
