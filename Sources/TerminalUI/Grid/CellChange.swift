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
        func changed(_ index: Int) -> Bool {
          !sameSize || !Cell.same(before.baseAddress! + index, new.baseAddress! + index)
        }
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

extension Cell {
  /// Whether the cells at `a` and `b` are equal, read in place: the grapheme's bits first (the same bits are
  /// the same text; other bits may still spell it, and then the strings are compared), without copying the
  /// cells (a copy retains and releases the grapheme, and a frame's diff compares every cell).
  @inline(__always)
  static func same(_ a: UnsafePointer<Cell>, _ b: UnsafePointer<Cell>) -> Bool {
    guard a.pointee.width == b.pointee.width, a.pointee.style == b.pointee.style else { return false }
    let offset = MemoryLayout<Cell>.offset(of: \Cell.grapheme)!
    let left = UnsafeRawPointer(a) + offset
    let right = UnsafeRawPointer(b) + offset
    if left.loadUnaligned(as: UInt64.self) == right.loadUnaligned(as: UInt64.self),
      left.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        == right.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    {
      return true
    }
    return a.pointee.grapheme == b.pointee.grapheme
  }
}
