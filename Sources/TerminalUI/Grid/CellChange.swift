/// A run of consecutive cells on one row that differ from the previous frame.
public struct CellChange: Hashable, Sendable {
  /// Where the run starts.
  public var position: Point
  /// The new cells, left to right (a wide grapheme is followed by its continuation cell).
  public var cells: [Cell]

  /// Creates a run of `cells` starting at `position`.
  public init(position: Point, cells: [Cell]) {
    self.position = position
    self.cells = cells
  }
}

extension Grid {
  /// The runs of cells that changed since `old`; every cell when the sizes differ.
  ///
  /// A run never starts on a continuation cell: it then starts one column left, on the wide grapheme.
  public func diff(from old: Grid) -> [CellChange] {
    let sameSize = old.width == width && old.height == height
    var changes: [CellChange] = []
    cells.withUnsafeBufferPointer { new in
      old.cells.withUnsafeBufferPointer { before in
        func changed(_ index: Int) -> Bool { !sameSize || before[index] != new[index] }
        for y in 0..<height {
          let row = y * width
          var x = 0
          while x < width {
            guard changed(row + x) else {
              x += 1
              continue
            }
            let start = new[row + x].isContinuation && x > 0 ? x - 1 : x
            var end = x + 1
            while end < width, changed(row + end) { end += 1 }
            changes.append(
              CellChange(position: Point(x: start, y: y), cells: Array(new[(row + start)..<(row + end)])))
            x = end
          }
        }
      }
    }
    return changes
  }
}
