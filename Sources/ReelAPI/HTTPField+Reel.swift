import HTTPTypes

/// Header names Reel reads or writes that HTTPTypes does not predefine.
extension HTTPField.Name {
    static let secFetchSite = Self("Sec-Fetch-Site")!
    /// RFC 7240.
    static let prefer = Self("Prefer")!
    static let preferenceApplied = Self("Preference-Applied")!
}
