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

  /// The box drawn when the screen is `screen`: centred, at most 60 columns wide.
  public func box(in screen: Rect) -> Rect {
    let contentWidth = max(buttonsWidth, title.displayWidth + 2, min(message.displayWidth, 56))
    let width = min(contentWidth + 4, screen.width, 60)
    let lines = message.wrapped(toWidth: max(1, width - 4)).count
    return screen.centered(Size(width: width, height: lines + 4))
  }

  /// Draws the box over `area` (usually the whole screen), clearing what is under it.
  public func render(into grid: inout Grid, area: Rect) {
    let box = box(in: area)
    grid.fill(box, style: .normal)
    let block = Block(title: title)
    grid.render(block, in: box)
    let inner = block.inner(box).inset(horizontal: 1)
    grid.render(
      Paragraph(message, style: Style(role)),
      in: Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 2))
    var x = inner.x + max(0, (inner.width - buttonsWidth) / 2)
    for (index, label) in buttonLabels.enumerated() {
      let role: Role = index == selectedButton ? .selected : .normal
      x += grid.put(label, at: Point(x: x, y: inner.maxY - 1), role: role, maxWidth: inner.maxX - x) + 2
    }
  }

  private var buttonLabels: [String] { buttons.map { "[ \($0) ]" } }

  /// Columns taken by the buttons and the two spaces between each.
  private var buttonsWidth: Int {
    buttonLabels.map(\.displayWidth).reduce(0, +) + 2 * max(0, buttons.count - 1)
  }
}
