/// A labelled input of a ``Form``.
public struct FormField: Hashable, Sendable {
  /// The label shown before the input, already translated.
  public var label: String
  /// Whether the input is a passphrase shown as "•".
  public var masked: Bool

  /// Creates a field.
  public init(_ label: String, masked: Bool = false) {
    self.label = label
    self.masked = masked
  }
}

/// The values of a form's fields and which one has focus.
public struct FormState: Hashable, Sendable {
  /// One text state per field.
  public var values: [TextFieldState]
  /// The index of the focused field.
  public private(set) var focus: Int = 0

  /// Creates a state with one field per initial value, each taking at most its limit (2000 when `limits` does
  /// not say). Each prefilled value is `selected` (typing replaces it: a short setting such as a desk
  /// number), or not (the cursor after it, typing goes on: a name or details that must never be replaced
  /// unseen). A field entered with Tab or Shift-Tab is selected whole either way.
  public init(values: [String], limits: [Int] = [], selected: Bool = true) {
    self.values = values.enumerated().map { index, value in
      TextFieldState(text: value, selected: selected, limit: index < limits.count ? limits[index] : 2000)
    }
  }

  /// Moves focus to the next field, wrapping around.
  public mutating func focusNext() {
    guard !values.isEmpty else { return }
    focus = (focus + 1) % values.count
    values[focus].select(true)
  }

  /// Moves focus to the previous field, wrapping around.
  public mutating func focusPrevious() {
    guard !values.isEmpty else { return }
    focus = (focus + values.count - 1) % values.count
    values[focus].select(true)
  }

  /// Applies Tab, Shift-Tab (and Down/Up) to focus, other editing keys to the focused field.
  public mutating func handle(_ key: KeyEvent) -> Bool {
    switch key {
    case .tab, .down: focusNext()
    case .backTab, .up: focusPrevious()
    default: return values.isEmpty ? false : values[focus].handle(key)
    }
    return true
  }
}

/// Fields one per row, labels aligned in a column, the focused label highlighted.
public struct Form: Widget {
  /// The fields, in order.
  public var fields: [FormField]
  /// The values and focus.
  public var state: FormState

  /// Creates a form; `state` must hold one value per field.
  public init(fields: [FormField], state: FormState) {
    self.fields = fields
    self.state = state
  }

  /// Draws the fields from the top of `area`, one per row; only the focused one shows its selection and
  /// follows its cursor, the others show the beginning of their text.
  public func render(into grid: inout Grid, area: Rect) {
    for (index, field) in fields.enumerated().prefix(min(area.height, state.values.count)) {
      let (labelArea, inputArea) = areas(row: index, in: area)
      let focused = index == state.focus
      let role: Role = focused ? .focus : .normal
      grid.put(field.label.padded(toWidth: labelArea.width), at: labelArea.origin, role: role)
      var value = state.values[index]
      if !focused { value.select(false) }
      grid.render(TextField(value, masked: field.masked, editing: focused), in: inputArea)
    }
  }

  /// Where the terminal cursor goes: in the focused field.
  public func cursorPosition(in area: Rect) -> Point? {
    guard state.focus < fields.count, state.focus < area.height else { return nil }
    let field = TextField(state.values[state.focus], masked: fields[state.focus].masked)
    return field.cursorPosition(in: areas(row: state.focus, in: area).input)
  }

  private func areas(row: Int, in area: Rect) -> (label: Rect, input: Rect) {
    let labelWidth = min(fields.map(\.label.displayWidth).max() ?? 0, area.width / 2)
    let line = Rect(x: area.x, y: area.y + row, width: area.width, height: 1)
    let parts = line.splitColumns([.length(labelWidth), .length(1), .fill(1)])
    return (parts[0], parts[2])
  }
}
