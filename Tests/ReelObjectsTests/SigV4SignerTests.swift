import Foundation
import ReelObjects
import Testing

/// AWS's published Signature Version 4 examples: the S3 developer guide's header-signed and
/// presigned requests (bucket `examplebucket`, 2013-05-24) and the generic suite's `get-vanilla`.
@Suite("SigV4 signing against AWS's published examples")
struct SigV4SignerTests {
    static let s3Example = SigV4Signer(
        accessKey: "AKIAIOSFODNN7EXAMPLE",
        secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        region: "us-east-1"
    )
    static let exampleDate = "20130524T000000Z"

    @Test("GET object with a Range header (S3 guide)")
    func getObject() {
        let request = SigV4Signer.Request(
            method: "GET",
            path: "/test.txt",
            headers: [
                ("Host", "examplebucket.s3.amazonaws.com"), ("Range", "bytes=0-9"),
                ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash), ("x-amz-date", Self.exampleDate),
            ],
            payloadHash: SigV4Signer.emptyPayloadHash
        )
        #expect(
            Self.s3Example.authorization(for: request, timestamp: Self.exampleDate)
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        )
    }

    @Test("PUT object with a body and a $ in the key (S3 guide)")
    func putObject() {
        let payload = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"
        let request = SigV4Signer.Request(
            method: "PUT",
            path: "/test$file.text",
            headers: [
                ("Host", "examplebucket.s3.amazonaws.com"), ("Date", "Fri, 24 May 2013 00:00:00 GMT"),
                ("x-amz-date", Self.exampleDate), ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
                ("x-amz-content-sha256", payload),
            ],
            payloadHash: payload
        )
        #expect(
            Self.s3Example.authorization(for: request, timestamp: Self.exampleDate).hasSuffix(
                "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"
            )
        )
    }

    @Test("GET bucket lifecycle and a listing with query parameters (S3 guide)")
    func queries() {
        func signature(_ query: [(String, String)]) -> String {
            let request = SigV4Signer.Request(
                method: "GET",
                path: "/",
                query: query,
                headers: [
                    ("Host", "examplebucket.s3.amazonaws.com"), ("x-amz-date", Self.exampleDate),
                    ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash),
                ],
                payloadHash: SigV4Signer.emptyPayloadHash
            )
            return String(Self.s3Example.authorization(for: request, timestamp: Self.exampleDate).suffix(64))
        }
        #expect(signature([("lifecycle", "")]) == "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")
        #expect(
            signature([("prefix", "J"), ("max-keys", "2")]) == "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"
        )
    }

    @Test("presigned GET valid for a day (S3 guide)")
    func presigned() throws {
        let date = try #require(ISO8601DateFormatter().date(from: "2013-05-24T00:00:00Z"))
        let query = Self.s3Example.presignedQuery(
            method: "GET",
            path: "/test.txt",
            host: "examplebucket.s3.amazonaws.com",
            expires: 86400,
            date: date
        )
        #expect(
            query
                == "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
        )
    }

    @Test("get-vanilla from the generic SigV4 test suite")
    func getVanilla() {
        let signer = SigV4Signer(
            accessKey: "AKIDEXAMPLE",
            secretKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            region: "us-east-1",
            service: "service"
        )
        let request = SigV4Signer.Request(
            method: "GET",
            path: "/",
            headers: [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            payloadHash: SigV4Signer.emptyPayloadHash
        )
        #expect(
            SigV4Signer.canonicalRequest(request).text
                == "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
                + SigV4Signer.emptyPayloadHash
        )
        #expect(
            signer.authorization(for: request, timestamp: "20150830T123600Z")
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
        )
    }

    @Test("keys are encoded per RFC 3986; slashes stay in paths only")
    func encoding() {
        #expect(SigV4Signer.encode("a b/ü+*~", keepSlash: true) == "a%20b/%C3%BC%2B%2A~")
        #expect(SigV4Signer.encode("a/b") == "a%2Fb")
        #expect(SigV4Signer.canonicalQuery([("b", "2"), ("a", "x y"), ("a", "1")]) == "a=1&a=x%20y&b=2")
    }
}
