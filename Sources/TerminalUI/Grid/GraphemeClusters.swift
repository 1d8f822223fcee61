import Synchronization

/// The graphemes of more than one scalar drawn by this process (an accented letter written decomposed, an
/// emoji sequence cut into cells), each numbered once so that a ``Cell`` holds a number instead of a string.
/// Names and texts bring few of them, so the table stays small.
enum GraphemeClusters {
  private struct Table {
    var numbers: [String: UInt32] = [:]
    var texts: [String] = []
  }

  private static let table = Mutex(Table())

  /// The number of `text`, given it the first time.
  static func number(of text: String) -> UInt32 {
    table.withLock { table in
      if let number = table.numbers[text] { return number }
      let number = UInt32(table.texts.count)
      table.texts.append(text)
      table.numbers[text] = number
      return number
    }
  }

  /// The text numbered `number`.
  static func text(of number: UInt32) -> String {
    table.withLock { $0.texts[Int(number)] }
  }
}
