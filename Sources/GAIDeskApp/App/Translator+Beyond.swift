import GAIDesk

extension Translator {
  /// What a list cut to its rows holds beyond them: "↑ n acima · ↓ mais n …" (`more`, a key taking the count,
  /// names what lies below); nil when nothing does.
  func beyond(above: Int, below: Int, more: String) -> String? {
    let parts = [
      above > 0 ? self("list.above", String(above)) : nil,
      below > 0 ? self(more, String(below)) : nil,
    ].compactMap { $0 }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }
}
