/// The selection and scroll position of a list or table; navigation keeps the selection visible.
public struct ListState: Hashable, Sendable {
  /// The number of items; changing it keeps the selection inside the list.
  public var count: Int {
    didSet { select(selected ?? 0) }
  }
  /// The rows visible at once (set it from the layout); used for paging and scrolling.
  public var pageSize: Int {
    didSet { select(selected) }
  }
  /// The selected item, nil when the list is empty.
  public private(set) var selected: Int?
  /// The first visible item.
  public private(set) var offset: Int = 0

  /// Creates a state for `count` items, selecting the first.
  public init(count: Int, pageSize: Int = 10) {
    self.count = max(0, count)
    self.pageSize = max(1, pageSize)
    select(0)
  }

  /// Selects `index` (clamped to the list) and scrolls so that it is visible.
  public mutating func select(_ index: Int?) {
    guard count > 0, let index else {
      selected = nil
      offset = 0
      return
    }
    let chosen = min(max(0, index), count - 1)
    selected = chosen
    offset = Self.offset(keeping: chosen, from: offset, rows: max(1, pageSize), count: count)
  }

  /// Selects the previous item.
  public mutating func moveUp() { select((selected ?? 0) - 1) }
  /// Selects the next item.
  public mutating func moveDown() { select((selected ?? -1) + 1) }
  /// Selects the item one page up.
  public mutating func pageUp() { select((selected ?? 0) - max(1, pageSize)) }
  /// Selects the item one page down.
  public mutating func pageDown() { select((selected ?? 0) + max(1, pageSize)) }
  /// Selects the first item.
  public mutating func moveToFirst() { select(0) }
  /// Selects the last item.
  public mutating func moveToLast() { select(count - 1) }

  /// Applies a navigation key (arrows, Page Up/Down, Home/End); returns false for other keys.
  public mutating func handle(_ key: KeyEvent) -> Bool {
    switch key {
    case .up: moveUp()
    case .down: moveDown()
    case .pageUp: pageUp()
    case .pageDown: pageDown()
    case .home: moveToFirst()
    case .end: moveToLast()
    default: return false
    }
    return true
  }

  /// The first item to draw in `rows` rows: the stored offset, moved if needed to show the selection.
  public func visibleOffset(rows: Int) -> Int {
    guard let selected else { return 0 }
    return Self.offset(keeping: selected, from: offset, rows: max(1, rows), count: count)
  }

  private static func offset(keeping index: Int, from offset: Int, rows: Int, count: Int) -> Int {
    var result = min(offset, index)
    if index >= result + rows { result = index - rows + 1 }
    return max(0, min(result, count - rows))
  }
}
