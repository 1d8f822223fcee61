extension Rect {
  /// Splits the rectangle top to bottom into rows sized by `constraints`.
  public func splitRows(_ constraints: [Constraint]) -> [Rect] {
    var top = y
    return Constraint.resolve(constraints, total: height).map { rows in
      defer { top += rows }
      return Rect(x: x, y: top, width: width, height: rows)
    }
  }

  /// Splits the rectangle left to right into columns sized by `constraints`.
  public func splitColumns(_ constraints: [Constraint]) -> [Rect] {
    var left = x
    return Constraint.resolve(constraints, total: width).map { columns in
      defer { left += columns }
      return Rect(x: left, y: y, width: columns, height: height)
    }
  }
}

extension Rect {
  /// Each row of the rectangle, top to bottom, one cell high.
  public var rows: [Rect] { (0..<max(0, height)).map { Rect(x: x, y: y + $0, width: width, height: 1) } }
}
