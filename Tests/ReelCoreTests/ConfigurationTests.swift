import Foundation
import ReelCore
import Testing

@Suite("Configuration from the environment")
struct ConfigurationTests {
    @Test("embedded defaults: SQLite and a folder under REEL_DATA_DIR, a pool of 4")
    func defaults() {
        let configuration = ReelConfiguration(environment: ["REEL_DATA_DIR": "/srv/reel"])
        #expect(configuration.databaseURL == "sqlite:///srv/reel/reel.sqlite")
        #expect(configuration.storageURL == "file:///srv/reel/objects")
        #expect(configuration.databasePoolSize == 4)
    }

    @Test("scaled out: the URLs are taken as given and the password never reaches a log")
    func scaledOut() {
        let configuration = ReelConfiguration(environment: [
            "REEL_DATABASE_URL": "postgres://reel:s3cret@db.internal:5432/reel",
            "REEL_STORAGE_URL": "s3://videos/reel",
            "REEL_DATABASE_POOL_SIZE": "6",
            "REEL_WORKERS": "0",
        ])
        #expect(configuration.storageURL == "s3://videos/reel")
        #expect(configuration.databasePoolSize == 6)
        #expect(configuration.workers == 0)
        #expect(configuration.redactedDatabaseURL == "postgres://reel:***@db.internal:5432/reel")
        #expect(!configuration.redactedDatabaseURL.contains("s3cret"))
    }
}
