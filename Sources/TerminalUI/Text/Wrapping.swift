extension String {
  /// The text broken into lines of at most `width` columns: a line that fits as it is, else at spaces when
  /// possible, else inside words.
  public func wrapped(toWidth width: Int) -> [String] { wrapped(toWidth: width, keepingSpacing: false) }

  /// The text broken into lines where `wrapped(toWidth:)` breaks it, the spaces between two words on one line
  /// kept as written (a gap of two spaces between columns stays two).
  public func wrappedKeepingSpacing(toWidth width: Int) -> [String] {
    wrapped(toWidth: width, keepingSpacing: true)
  }

  /// Both wrappings: words joined on a line by one space, or by the spaces written between them.
  private func wrapped(toWidth width: Int, keepingSpacing: Bool) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in split(separator: "\n", omittingEmptySubsequences: false) {
      // A line that fits is kept as written, spacing and all.
      if paragraph.displayWidth <= width {
        lines.append(String(paragraph))
        continue
      }
      var line = ""
      var rest = paragraph[...]
      while let start = rest.firstIndex(where: { $0 != " " }) {
        let gap = keepingSpacing ? String(rest[..<start]) : " "
        let end = rest[start...].firstIndex(of: " ") ?? rest.endIndex
        var word = String(rest[start..<end])
        rest = rest[end...]
        let separator = line.isEmpty ? "" : gap
        if line.displayWidth + separator.displayWidth + word.displayWidth <= width {
          line += separator + word
          continue
        }
        if !line.isEmpty { lines.append(line) }
        while word.displayWidth > width {
          let head = word.prefix(fittingWidth: width)
          guard !head.isEmpty else { break }
          lines.append(String(head))
          word = String(word[head.endIndex...])
        }
        line = word
      }
      lines.append(line)
    }
    return lines
  }
}

extension String {
  /// The list markers whose text a wrapped item's later rows line up under.
  static let listMarkers = ["[ ] ", "[x] ", "• ", "- "]

  /// Each line wrapped at `width` columns keeping its indent: the leading spaces and a list marker ("[ ] ",
  /// "• ") stay on its first row, and its later rows start under the text after them.
  public func wrappedKeepingIndent(toWidth width: Int) -> [String] {
    guard width > 0 else { return [] }
    return split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
      let spaces = line.prefix { $0 == " " }
      let rest = line.dropFirst(spaces.count)
      let marker = Self.listMarkers.first { rest.hasPrefix($0) } ?? ""
      let lead = String(spaces) + marker
      let indent = lead.displayWidth
      guard line.displayWidth > width, indent < width / 2 else { return String(line).wrapped(toWidth: width) }
      let rows = String(rest.dropFirst(marker.count)).wrapped(toWidth: width - indent)
      return rows.enumerated().map { index, row in
        (index == 0 ? lead : String(repeating: " ", count: indent)) + row
      }
    }
  }
}

extension String {
  /// The text on the rows `wrapped(toWidth:)` takes, as even as they go: wrapped at the narrowest width that
  /// takes no more rows and breaks no word ("… 4 more:" over "gaidesk report month", not "… 4 more: gaidesk
  /// report" over "month").
  public func wrappedEvenly(toWidth width: Int) -> [String] {
    let rows = wrapped(toWidth: width)
    guard rows.count > 1 else { return rows }
    let longest = split(whereSeparator: { $0 == " " || $0 == "\n" }).map(\.displayWidth).max() ?? 0
    var narrowest = width
    while narrowest - 1 >= max(1, longest), wrapped(toWidth: narrowest - 1).count == rows.count {
      narrowest -= 1
    }
    return wrapped(toWidth: narrowest)
  }
}
