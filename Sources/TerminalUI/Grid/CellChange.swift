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
    for y in 0..<height {
      var run: CellChange?
      for x in 0..<width {
        let changed = !sameSize || old[x, y] != self[x, y]
        if changed {
          if run == nil {
            let start = self[x, y].isContinuation && x > 0 ? x - 1 : x
            run = CellChange(position: Point(x: start, y: y), cells: start < x ? [self[start, y]] : [])
          }
          run?.cells.append(self[x, y])
        } else if let finished = run {
          changes.append(finished)
          run = nil
        }
      }
      if let finished = run { changes.append(finished) }
    }
    return changes
  }
}
