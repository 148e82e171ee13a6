/// Numbers as messages show them: whole numbers without a fraction (`180`, not `180.0`), others as
/// Swift prints them; never trapping, whatever the value.
public enum NumberText {
    public static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(clamping: value)) : String(value)
    }
}
