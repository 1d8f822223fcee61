extension String {
  /// The text broken into lines of at most `width` columns: a line that fits as it is, else at spaces when
  /// possible, else inside words.
  public func wrapped(toWidth width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in split(separator: "\n", omittingEmptySubsequences: false) {
      // A line that fits is kept as written, spacing and all.
      if paragraph.displayWidth <= width {
        lines.append(String(paragraph))
        continue
      }
      var line = ""
      for word in paragraph.split(separator: " ") {
        var word = String(word)
        let separator = line.isEmpty ? "" : " "
        if line.displayWidth + separator.count + word.displayWidth <= width {
          line += separator + word
          continue
        }
        if !line.isEmpty { lines.append(line) }
        line = ""
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
