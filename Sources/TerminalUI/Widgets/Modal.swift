/// A bordered box centred over the screen with a title, a message and a row of buttons.
public struct Modal: Widget {
  /// The title on the border.
  public var title: String
  /// The message, wrapped.
  public var message: String
  /// The button captions, already translated.
  public var buttons: [String]
  /// The index of the highlighted button.
  public var selectedButton: Int
  /// The role of the message (e.g. `.warning` or `.error`).
  public var role: Role

  /// Creates a modal box.
  public init(
    title: String, message: String, buttons: [String], selectedButton: Int = 0, role: Role = .normal
  ) {
    self.title = title
    self.message = message
    self.buttons = buttons
    self.selectedButton = selectedButton
    self.role = role
  }

  /// The box drawn when the screen is `screen`: centred, at most 60 columns wide, with as many rows of buttons
  /// as they need at that width.
  public func box(in screen: Rect) -> Rect {
    let contentWidth = max(buttonsWidth, title.displayWidth + 2, min(message.displayWidth, 56))
    let width = min(contentWidth + 4, screen.width, 60)
    let lines = message.wrapped(toWidth: max(1, width - 4)).count
    let rows = buttonRows(width: width - 4).count
    return screen.centered(Size(width: width, height: lines + 3 + rows))
  }

  /// Draws the box over `area` (usually the whole screen), clearing what is under it.
  public func render(into grid: inout Grid, area: Rect) {
    let box = box(in: area)
    grid.fill(box, style: .normal)
    let block = Block(title: title)
    grid.render(block, in: box)
    let inner = block.inner(box).inset(horizontal: 1)
    let rows = buttonRows(width: inner.width)
    grid.render(
      Paragraph(message, style: Style(role)),
      in: Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1 - rows.count))
    for (line, row) in rows.enumerated() {
      let y = inner.maxY - rows.count + line
      var x = inner.x + max(0, (inner.width - Self.width(of: row.map { buttonLabels[$0] })) / 2)
      for index in row {
        let role: Role = index == selectedButton ? .selected : .normal
        x += grid.put(buttonLabels[index], at: Point(x: x, y: y), role: role, maxWidth: inner.maxX - x) + 2
      }
    }
  }

  private var buttonLabels: [String] { buttons.map { "[ \($0) ]" } }

  /// Columns taken by the buttons on one row and the two spaces between each.
  private var buttonsWidth: Int { Self.width(of: buttonLabels) }

  private static func width(of labels: [String]) -> Int {
    labels.map(\.displayWidth).reduce(0, +) + 2 * max(0, labels.count - 1)
  }

  /// The buttons' indices row by row: as many on a row as fit in `width`, in order (at least one per row).
  private func buttonRows(width: Int) -> [[Int]] {
    var rows: [[Int]] = []
    var used = 0
    for (index, label) in buttonLabels.enumerated() {
      if let last = rows.indices.last, used + 2 + label.displayWidth <= width {
        rows[last].append(index)
        used += 2 + label.displayWidth
      } else {
        rows.append([index])
        used = label.displayWidth
      }
    }
    return rows.isEmpty ? [[]] : rows
  }
}
