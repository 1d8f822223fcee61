/// A position on the screen, in columns (`x`) and rows (`y`) from the top-left corner.
public struct Point: Hashable, Sendable {
  /// The column, starting at 0 on the left.
  public var x: Int
  /// The row, starting at 0 at the top.
  public var y: Int

  /// Creates a point at column `x` and row `y`.
  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}
