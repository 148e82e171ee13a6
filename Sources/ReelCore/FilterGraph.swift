/// A typed ffmpeg filter graph: chains of filters between labelled pads, rendered to the
/// `-filter_complex` syntax with every option value escaped for both parser levels.
public struct FilterGraph: Sendable, Hashable {
    /// One filter: a name and ordered options.
    public struct Filter: Sendable, Hashable {
        public var name: String
        public var options: [(String, String)]

        public init(_ name: String, _ options: [(String, String)] = []) {
            self.name = name
            self.options = options
        }

        public static func == (lhs: Filter, rhs: Filter) -> Bool {
            lhs.name == rhs.name && lhs.options.map { [$0.0, $0.1] } == rhs.options.map { [$0.0, $0.1] }
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            for (key, value) in options {
                hasher.combine(key)
                hasher.combine(value)
            }
        }

        var rendered: String {
            guard !options.isEmpty else { return name }
            return name + "=" + options.map { "\($0.0)=\(FilterGraph.escape($0.1))" }.joined(separator: ":")
        }
    }

    /// Filters applied in sequence from input pads to output pads.
    public struct Chain: Sendable, Hashable {
        public var inputs: [String]
        public var filters: [Filter]
        public var outputs: [String]

        public init(_ inputs: [String], _ filters: [Filter], _ outputs: [String]) {
            self.inputs = inputs
            self.filters = filters
            self.outputs = outputs
        }

        var rendered: String {
            inputs.map { "[\($0)]" }.joined() + filters.map(\.rendered).joined(separator: ",")
                + outputs.map { "[\($0)]" }.joined()
        }
    }

    public var chains: [Chain] = []

    public init() {}

    public mutating func add(_ inputs: [String], _ filters: [Filter], _ outputs: [String]) {
        chains.append(Chain(inputs, filters, outputs))
    }

    /// The graph in `-filter_complex` syntax.
    public var rendered: String { chains.map(\.rendered).joined(separator: ";") }

    /// Escapes an option value for the option parser, then for the graph parser.
    public static func escape(_ value: String) -> String {
        var optionLevel = ""
        for character in value {
            if character == "\\" || character == "'" || character == ":" { optionLevel.append("\\") }
            optionLevel.append(character)
        }
        var graphLevel = ""
        for character in optionLevel {
            if "\\'[],;".contains(character) { graphLevel.append("\\") }
            graphLevel.append(character)
        }
        return graphLevel
    }
}
