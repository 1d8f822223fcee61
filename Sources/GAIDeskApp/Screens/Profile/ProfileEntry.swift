import TerminalUI

/// One line of a visitor's profile before wrapping: its label column apart from the value beside it.
struct ProfileEntry {
  /// The label column as written (the label padded, then a space); empty for a line without one.
  let label: String
  /// The text beside the label column, or the whole line when there is none.
  let value: String
  /// How the line is drawn.
  let role: Role
  /// How far in the rows after the first start when the line wraps without its label column.
  let hang: Int

  /// A field or a visit: `value` beside the label column `label`, continuing under itself.
  init(label: String, value: String, role: Role = .normal) {
    self.label = label
    self.value = value
    self.role = role
    self.hang = label.displayWidth
  }

  /// A line without a label column, its later rows `hang` columns in.
  init(_ text: String, role: Role = .normal, hang: Int = 0) {
    self.label = ""
    self.value = text
    self.role = role
    self.hang = hang
  }

  /// The rows the entry takes `width` columns wide: the value wraps beside its label column (its spacing kept)
  /// when that leaves it half the width, else the whole line wraps under its start, its later rows `hang`
  /// columns in.
  func wrapped(toWidth width: Int) -> [String] {
    let indent = label.displayWidth
    if indent > 0, indent < width / 2 {
      let margin = String(repeating: " ", count: indent)
      return value.wrappedKeepingSpacing(toWidth: max(1, width - indent)).enumerated().map { index, part in
        (index == 0 ? label : margin) + part
      }
    }
    let line = label + value
    let lead = String(line.prefix { $0 == " " })
    let parts = line.dropFirst(lead.count).description.wrapped(toWidth: max(1, width - lead.count))
    guard let first = parts.first, !first.isEmpty else { return [""] }
    let margin = String(repeating: " ", count: min(hang, width / 2))
    let rest = parts.dropFirst().joined(separator: " ")
    guard !rest.isEmpty else { return [lead + first] }
    return [lead + first] + rest.wrapped(toWidth: max(1, width - margin.count)).map { margin + $0 }
  }
}
