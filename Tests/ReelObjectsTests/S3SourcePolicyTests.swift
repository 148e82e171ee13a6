import Foundation
import ReelObjects
import Testing

@Suite("Object-store sources")
struct S3SourcePolicyTests {
    static let policy = S3SourcePolicy(
        endpoint: URL(string: "http://127.0.0.1:9000"), readableBuckets: ["Media", "shared"], storageURL: "s3://shared/reel")

    @Test(
        "Reel's own storage is refused in every spelling, listed or not",
        arguments: [
            "s3://shared/reel/assets/1", "s3://SHARED/reel/outputs/x.mp4", "http://127.0.0.1:9000/shared/reel/assets/1",
            "https://shared.s3.amazonaws.com/reel/assets/1", "https://s3.eu-west-1.amazonaws.com/shared/reel/x",
        ])
    func ownStorage(url: String) {
        guard case .refused(let reason) = Self.policy.decide(url) else {
            Issue.record("\(url) was not refused")
            return
        }
        #expect(reason.contains("asset://"))
    }

    @Test(
        "a key a store could read as a path elsewhere is refused; a presigned link is fetched as it is",
        arguments: [
            "s3://shared//reel/assets/1", "s3://shared/x/../reel/assets/1", "s3://media/a/./b", "s3://media/a\\b", "s3://media/dir/",
        ])
    func ambiguousKeys(url: String) {
        #expect(Self.policy.decide(url) == .refused("an object key with an empty, . or .. part or a backslash is not read"), "\(url)")
        #expect(Self.policy.decide("https://shared.s3.amazonaws.com/reel/assets/1?X-Amz-Signature=abc&X-Amz-Expires=60") == .web)
    }

    @Test("listed buckets are read with credentials; an unlisted s3:// is refused; other URLs are plain web URLs")
    func decisions() {
        #expect(Self.policy.decide("s3://media/a.mp4") == .credentials(S3Location(bucket: "media", key: "a.mp4")))
        #expect(Self.policy.decide("s3://shared/intro.mp4") == .credentials(S3Location(bucket: "shared", key: "intro.mp4")))
        #expect(Self.policy.decide("https://media.s3.amazonaws.com/a.mp4") == .credentials(S3Location(bucket: "media", key: "a.mp4")))
        let first = Self.policy.decide("s3://other/exists.mp4")
        #expect(first == Self.policy.decide("s3://other/missing.mp4"), "the answer must not depend on the key")
        #expect(first == .refused("bucket other is not one Reel reads sources from (REEL_SOURCE_BUCKETS)"))
        #expect(Self.policy.decide("https://other.s3.amazonaws.com/a.mp4") == .web)
        #expect(Self.policy.decide("https://cdn.example/a.mp4") == .web)
        #expect(
            S3SourcePolicy().decide("s3://media/a.mp4") == .refused("bucket media is not one Reel reads sources from (REEL_SOURCE_BUCKETS)")
        )
    }
}
