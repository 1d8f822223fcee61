/// Characters that hide or reorder text on a terminal, and their escaped forms for one-line output.
public enum TextEscaping {
  /// Format characters that hide or reorder text (bidirectional embeddings, overrides and isolates, zero-width
  /// space, word joiner, byte order mark). U+200C and U+200D (joiners) are not among them: Persian, Indic
  /// scripts and emoji sequences need them.
  public static func isHiding(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x202A...0x202E, 0x2066...0x2069, 0x200B, 0x2060, 0xFEFF: true
    default: false
    }
  }

  /// `text` on one line: newlines, tabs, other control characters and hiding characters written as escapes
  /// (`\n`, `\t`, `\u{1B}`), so that stored text cannot forge a line or drive the terminal.
  public static func oneLine(_ text: String) -> String {
    escaped(text, keepingNewlines: false)
  }

  /// `text` with control and hiding characters escaped, keeping its newlines (for multi-line messages).
  public static func escaped(_ text: String, keepingNewlines: Bool) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      guard needsEscape(scalar), !(keepingNewlines && scalar == "\n") else {
        out.append(scalar)
        continue
      }
      let escape: String
      switch scalar {
      case "\n": escape = "\\n"
      case "\r": escape = "\\r"
      case "\t": escape = "\\t"
      default: escape = "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
      out.append(contentsOf: escape.unicodeScalars)
    }
    return String(out)
  }

  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .control || isHiding(scalar)
  }
}
