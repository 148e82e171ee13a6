import Foundation
import ReelObjects
import Testing

@Suite("Source URLs that name S3 objects")
struct S3LocationTests {
    static let endpoint = URL(string: "http://127.0.0.1:58333")

    @Test(
        "bucket and key are read from every S3 URL style",
        arguments: [
            ("s3://test-bucket/video1.mp4", "test-bucket", "video1.mp4"),
            ("https://test-bucket.s3.amazonaws.com/video1.mp4", "test-bucket", "video1.mp4"),
            ("https://test-bucket.s3.eu-west-1.amazonaws.com/a/b%20c.mp4", "test-bucket", "a/b c.mp4"),
            ("https://my.dotted.bucket.s3-us-west-2.amazonaws.com/k.mp4", "my.dotted.bucket", "k.mp4"),
            ("https://s3.amazonaws.com/test-bucket/dir/video2.mp4", "test-bucket", "dir/video2.mp4"),
            ("https://s3.us-east-2.amazonaws.com/test-bucket/video2.mp4", "test-bucket", "video2.mp4"),
            ("http://127.0.0.1:58333/test-bucket/music.mp3", "test-bucket", "music.mp3"),
        ]
    )
    func parsed(url: String, bucket: String, key: String) {
        #expect(S3Location(url: url, endpoint: Self.endpoint) == S3Location(bucket: bucket, key: key))
    }

    @Test(
        "other URLs are not S3 objects",
        arguments: [
            "https://example.com/video.mp4", "http://127.0.0.1:8000/test-bucket/x.mp4", "s3://bucket-only",
            "https://test-bucket.s3.amazonaws.com/", "asset://1234",
        ]
    )
    func notS3(url: String) {
        #expect(S3Location(url: url, endpoint: Self.endpoint) == nil)
    }
}
