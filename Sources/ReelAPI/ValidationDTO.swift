import ReelCore

/// `POST /api/v1/compositions/validate`'s answer: what a create would refuse, by field.
struct ValidationDTO: Encodable {
    let valid: Bool
    let problems: [FieldError]
    let warnings: [String]
    /// The composition's length in seconds, when it is valid.
    let duration: Double?

    enum CodingKeys: String, CodingKey {
        case valid, problems, warnings, duration
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(valid, forKey: .valid)
        try container.encode(problems, forKey: .problems)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(duration, forKey: .duration)
    }
}
