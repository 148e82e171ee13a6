/// The one way a floating-point number becomes an integer in Reel. Swift's `Int(x)` traps on NaN,
/// an infinity or a value beyond the type, and a trap ends every request of the process (a rescued
/// job then ends the next process too): numbers from a request, a file, a setting or ffprobe must
/// never reach it. `Int(checked:)` says whether the value fits; `Int(clamping:)` never fails.
extension FixedWidthInteger {
    /// `value` rounded toward zero, or nil when it is NaN, infinite or beyond this type.
    @inlinable
    public init?(checked value: Double) {
        guard value.isFinite else { return nil }
        self.init(exactly: value.rounded(.towardZero))
    }

    /// `value` rounded toward zero and held within this type's range; NaN is 0.
    @inlinable
    public init(clamping value: Double) {
        if value.isNaN {
            self = 0
        } else if let exact = Self(checked: value) {
            self = exact
        } else {
            self = value < 0 ? .min : .max
        }
    }
}

// Swift's trapping conversions from `Double`, shadowed in every module that imports ReelCore: a
// call to `Int(someDouble)` picks these, and the package treats their deprecation as an error
// (Package.swift), so the build names each bare conversion. Were one to slip through, it clamps.

extension Int {
    @available(*, deprecated, message: "may trap on NaN, infinity or overflow: use Int(checked:) or Int(clamping:)")
    @inlinable public init(_ value: Double) { self.init(clamping: value) }
}

extension Int64 {
    @available(*, deprecated, message: "may trap on NaN, infinity or overflow: use Int64(checked:) or Int64(clamping:)")
    @inlinable public init(_ value: Double) { self.init(clamping: value) }
}

extension Int32 {
    @available(*, deprecated, message: "may trap on NaN, infinity or overflow: use Int32(checked:) or Int32(clamping:)")
    @inlinable public init(_ value: Double) { self.init(clamping: value) }
}

extension UInt {
    @available(*, deprecated, message: "may trap on NaN, infinity or overflow: use UInt(checked:) or UInt(clamping:)")
    @inlinable public init(_ value: Double) { self.init(clamping: value) }
}

extension UInt64 {
    @available(*, deprecated, message: "may trap on NaN, infinity or overflow: use UInt64(checked:) or UInt64(clamping:)")
    @inlinable public init(_ value: Double) { self.init(clamping: value) }
}

extension UInt32 {
    @available(*, deprecated, message: "may trap on NaN, infinity or overflow: use UInt32(checked:) or UInt32(clamping:)")
    @inlinable public init(_ value: Double) { self.init(clamping: value) }
}

extension UInt8 {
    @available(*, deprecated, message: "may trap on NaN, infinity or overflow: use UInt8(checked:) or UInt8(clamping:)")
    @inlinable public init(_ value: Double) { self.init(clamping: value) }
}

extension Int16 {
    @available(*, deprecated, message: "may trap on NaN, infinity or overflow: use Int16(checked:) or Int16(clamping:)")
    @inlinable public init(_ value: Double) { self.init(clamping: value) }
}

extension UInt16 {
    @available(*, deprecated, message: "may trap on NaN, infinity or overflow: use UInt16(checked:) or UInt16(clamping:)")
    @inlinable public init(_ value: Double) { self.init(clamping: value) }
}

extension Int8 {
    @available(*, deprecated, message: "may trap on NaN, infinity or overflow: use Int8(checked:) or Int8(clamping:)")
    @inlinable public init(_ value: Double) { self.init(clamping: value) }
}
